public import Foundation

/// A client's earlier cases, read once when a case starts and kept in its header, so that what a
/// playbook read from the history replays the same.
///
/// Practice and rehearsal cases are never part of it.
public struct ClientHistory: Sendable, Hashable, Codable {
  /// One earlier case of the client.
  public struct PastCase: Sendable, Hashable, Codable {
    /// The case's id (its folder name).
    public var `case`: String
    /// The playbook it ran.
    public var playbook: String
    /// When it began.
    public var started: Date

    /// An earlier case.
    public init(case name: String, playbook: String, started: Date) {
      self.case = name
      self.playbook = playbook
      self.started = started
    }
  }

  /// The earlier cases, oldest first.
  public var cases: [PastCase]

  /// A history of `cases` (in any order).
  public init(cases: [PastCase]) {
    self.cases = cases.sorted { ($0.started, $0.case) < ($1.started, $1.case) }
  }

  /// The earlier cases of `playbooks` (all of them when `nil`) that began within `days` days
  /// before `now` (ever when `nil`).
  public func cases(of playbooks: Set<String>?, within days: Int?, before now: Date) -> [PastCase] {
    cases.filter { past in
      guard past.started <= now, playbooks.map({ $0.contains(past.playbook) }) ?? true else { return false }
      guard let days else { return true }
      return now.timeIntervalSince(past.started) <= Double(days) * 86_400
    }
  }

  /// The value of a history name (see ``HistoryName``) for a case begun at `now`: a count, or the
  /// day of the latest such case (`nil` when there is none).
  public func value(of name: HistoryName, at now: Date, calendar: Calendar) -> Value? {
    switch name {
    case .count(let playbook, let days):
      return .number(Double(cases(of: playbook.map { [$0] }, within: days, before: now).count))
    case .last(let playbook):
      return cases(of: playbook.map { [$0] }, within: nil, before: now).last.map { .date(CivilDate($0.started, in: calendar)) }
    }
  }

  /// What Casebook found, as a person reads it: `2 earlier no-shows: 3 Nov, 20 Nov`, one part per
  /// playbook, or `No earlier cases of no-show` when there are none.
  public func found(_ matching: [PastCase], playbooks: [String], now: Date, calendar: Calendar) -> String {
    guard !matching.isEmpty else {
      return "No earlier \(playbooks.map(Self.plural).joined(separator: " or ")) for this client."
    }
    var order: [String] = []
    for past in matching where !order.contains(past.playbook) { order.append(past.playbook) }
    let thisYear = calendar.component(.year, from: now)
    let parts = order.map { playbook in
      let days = matching.filter { $0.playbook == playbook }.map { past in
        let day = CivilDate(past.started, in: calendar)
        return "\(day.day) \(Self.months[day.month - 1])" + (day.year == thisYear ? "" : " \(day.year)")
      }
      let noun = days.count == 1 ? playbook : Self.plural(playbook)
      return "\(days.count) earlier \(noun): \(days.joined(separator: ", "))"
    }
    return "Casebook found " + parts.joined(separator: "; ") + "."
  }

  private static func plural(_ playbook: String) -> String { playbook.hasSuffix("s") ? playbook : playbook + "s" }

  private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}

/// A name a condition or a step's `from_history` reads from the client's history:
///
/// - `history.PLAYBOOK.Nd`: how many earlier cases of that playbook began in the last N days
///   (`history.no-show.90d`); `history.PLAYBOOK.ever`: how many at all; `any` for every playbook;
/// - `history.last.PLAYBOOK`: the day of the latest one (`history.last.no-show`), a date.
public enum HistoryName: Sendable, Hashable {
  /// A number of earlier cases: of one playbook (`nil`: any), within so many days (`nil`: ever).
  case count(playbook: String?, days: Int?)
  /// The day of the latest earlier case of one playbook (`nil`: any).
  case last(playbook: String?)

  /// How every history name begins.
  public static let prefix = "history."

  /// Reads `history.no-show.90d`, `history.any.ever`, `history.last.no-show`; `nil` for anything
  /// else.
  public init?(_ name: String) {
    guard name.hasPrefix(Self.prefix) else { return nil }
    let parts = name.dropFirst(Self.prefix.count).split(separator: ".", omittingEmptySubsequences: false).map(String.init)
    guard parts.count == 2, !parts[0].isEmpty, !parts[1].isEmpty else { return nil }
    if parts[0] == "last" {
      self = .last(playbook: parts[1] == "any" ? nil : parts[1])
      return
    }
    let playbook = parts[0] == "any" ? nil : parts[0]
    if parts[1] == "ever" {
      self = .count(playbook: playbook, days: nil)
    } else if parts[1].hasSuffix("d"), let days = Int(parts[1].dropLast()), days > 0 {
      self = .count(playbook: playbook, days: days)
    } else {
      return nil
    }
  }

  /// The playbook it reads, `nil` for any.
  public var playbook: String? {
    switch self {
    case .count(let playbook, _), .last(let playbook): playbook
    }
  }

  /// Whether it is a date (`history.last.…`) rather than a count.
  public var isDate: Bool {
    if case .last = self { return true }
    return false
  }
}
