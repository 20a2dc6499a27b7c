/// A message ready to send, written as a Mustache template filled from the case's values.
public struct Draft: Sendable, Hashable {
  /// What kind of message it is.
  public enum Kind: String, Sendable, Hashable, CaseIterable, Codable {
    case email, text, voicemail, letter, message
  }

  /// The kind of message.
  public var kind: Kind
  /// A subject line, for an email (a template too).
  public var subject: String?
  /// The template of the message's body.
  public var template: String
  /// Where the template's text begins, for its diagnostics.
  public var location: SourceLocation

  /// Creates a draft.
  public init(kind: Kind, subject: String? = nil, template: String, location: SourceLocation) {
    self.kind = kind
    self.subject = subject
    self.template = template
    self.location = location
  }
}
