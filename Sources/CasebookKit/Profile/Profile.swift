public import Foundation

/// Who the person using Casebook is, as drafts sign and fill it: `me.name`, `me.signature`, … .
///
/// Kept in `profile.yaml` in the user's config folder (see ``ProfileFile``); every field is optional.
public struct Profile: Sendable, Hashable {
  /// A field of the profile, named as the file and templates (`me.KEY`) name it.
  public enum Key: String, Sendable, Hashable, CaseIterable, Codable {
    case name, business, role, phone, email
    case bookingLink = "booking_link"
    case signature, language
    case timeZone = "time_zone"
    case noShowPolicy = "no_show_policy"
    case cancellationPolicy = "cancellation_policy"

    /// The question `casebook profile` asks for it.
    public var question: String {
      switch self {
      case .name: "Your name, as clients know you"
      case .business: "Your business or practice"
      case .role: "Your role, such as physiotherapist"
      case .phone: "Your phone number for clients"
      case .email: "Your email address for clients"
      case .bookingLink: "The link where clients book (https://…)"
      case .signature: "How you sign an email (several lines: end with an empty line)"
      case .language: "The language of your drafts, such as en or pl"
      case .timeZone: "Your time zone, such as Europe/London"
      case .noShowPolicy: "Your no-show policy, in a sentence"
      case .cancellationPolicy: "Your cancellation policy, in a sentence"
      }
    }

    /// The key named `text`, or the nearest one for a "did you mean".
    public static func named(_ text: String) -> Result<Key, ProfileError> {
      if let key = Key(rawValue: text) { return .success(key) }
      return .failure(.unknownKey(text, suggestion: Suggestion.nearest(to: text, in: allCases.map(\.rawValue))))
    }
  }

  /// The fields that are set, by key.
  public private(set) var fields: [Key: String] = [:]

  /// An empty profile.
  public init() {}

  /// A profile with these fields (unchecked).
  public init(fields: [Key: String]) {
    self.fields = fields.filter { !$0.value.isEmpty }
  }

  /// A profile from its fields by name, as a case's header keeps them; unknown names are dropped.
  public init(stored: [String: String]) {
    var fields: [Key: String] = [:]
    for (name, value) in stored { if let key = Key(rawValue: name), !value.isEmpty { fields[key] = value } }
    self.fields = fields
  }

  /// The fields that are set, by name, as a case's header keeps them.
  public var stored: [String: String] {
    Dictionary(uniqueKeysWithValues: fields.map { ($0.key.rawValue, $0.value) })
  }

  /// The value of `key`, if set.
  public subscript(key: Key) -> String? { fields[key] }

  /// Whether no field is set.
  public var isEmpty: Bool { fields.isEmpty }

  /// Sets `key` to `value` once checked; an empty value unsets it.
  public mutating func set(_ key: Key, to value: String) throws(ProfileError) {
    let value = key == .signature ? value.trimmingCharacters(in: .whitespacesAndNewlines) : value.trimmingWhitespace()
    guard !value.isEmpty else {
      fields[key] = nil
      return
    }
    if let reason = Self.problem(with: value, for: key) { throw .badValue(key, reason: reason) }
    fields[key] = value
  }

  /// Unsets `key`.
  public mutating func unset(_ key: Key) { fields[key] = nil }

  /// Why `value` cannot be `key`'s value, if it cannot.
  public static func problem(with value: String, for key: Key) -> String? {
    if key != .signature, value.contains(where: \.isNewline) { return "it must fit on one line" }
    if value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control && $0 != "\n" }) {
      return "it holds a control character"
    }
    switch key {
    case .email:
      let parts = value.split(separator: "@", omittingEmptySubsequences: false)
      guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !value.contains(" ") else {
        return "an email address looks like name@example.com"
      }
    case .bookingLink:
      let lower = value.lowercased()
      guard lower.hasPrefix("https://") || lower.hasPrefix("http://"), value.count > 8, !value.contains(" ") else {
        return "a booking link starts with https:// (or http://)"
      }
    case .timeZone:
      guard TimeZone(identifier: value) != nil else {
        return "'\(value)' is not a time zone; write one such as Europe/London or America/New_York"
      }
    case .language:
      guard value.count <= 16, value.allSatisfy({ $0.isASCII && ($0.isLetter || $0 == "_" || $0 == "-") }) else {
        return "a language is a code such as en, pl or fr_CA"
      }
    default:
      break
    }
    return nil
  }

  /// The zone of `time_zone`, if set and known.
  public var timeZone: TimeZone? { fields[.timeZone].flatMap(TimeZone.init(identifier:)) }

  /// What `casebook profile set` fills `key` with, named in a draft's gap.
  public static func gap(for key: Key) -> String {
    "[casebook profile set \(key.rawValue) …]"
  }

  /// The values templates read as `me.KEY`: each set field, a gap naming the command for each unset
  /// one, and a signature made of the name and business when none is set.
  public var templateValues: [String: String] {
    var values: [String: String] = [:]
    for key in Key.allCases { values[key.rawValue] = fields[key] ?? Self.gap(for: key) }
    if fields[.signature] == nil, let name = fields[.name] {
      values[Key.signature.rawValue] = ([name] + [fields[.business]].compactMap { $0 }).joined(separator: "\n")
    }
    return values
  }
}

/// Why a profile field cannot be read or set.
public enum ProfileError: Error, Sendable, Hashable, CustomStringConvertible {
  /// A key that is not a profile field, with the nearest one.
  case unknownKey(String, suggestion: String?)
  /// A value refused, and why.
  case badValue(Profile.Key, reason: String)
  /// The file cannot be read as a profile.
  case unreadable(path: String, reason: String)

  public var description: String {
    switch self {
    case .unknownKey(let key, let suggestion):
      let known = Profile.Key.allCases.map(\.rawValue).joined(separator: ", ")
      return "'\(TextSanitizer.singleLine(key))' is not a profile field"
        + (suggestion.map { "; did you mean '\($0)'?" } ?? "; the fields are \(known)")
    case .badValue(let key, let reason):
      return "cannot set \(key.rawValue): \(reason)"
    case .unreadable(let path, let reason):
      return "cannot read the profile '\(path)': \(reason)"
    }
  }
}
