/// Something to do after the case, written on an end step: `do: Propose a new time`,
/// `within: 3d`, optionally `from: new_time` (a saved date; else the day the case began).
public struct PlannedAction: Sendable, Hashable {
  /// What to do.
  public var text: String
  /// How many days after the base date it is due, if a due date is set.
  public var withinDays: Int?
  /// The saved date the due date counts from; the case's first day when `nil`.
  public var from: String?
  /// Where it is written.
  public var location: SourceLocation
  /// Where the `from` value is written, for its diagnostics.
  public var fromLocation: SourceLocation?

  /// Creates an action.
  public init(text: String, withinDays: Int? = nil, from: String? = nil, location: SourceLocation) {
    self.text = text
    self.withinDays = withinDays
    self.from = from
    self.location = location
  }

  /// Reads `3d`, `3 days`, `2w`, `1 week`, `48h` as whole days (hours round up).
  public static func parseDays(_ text: String) -> Int? {
    let lowered = String(text.lowercased().filter { $0 != " " })
    let digits = lowered.prefix { $0.isNumber }
    guard let amount = Int(digits), amount >= 0, amount <= 3650 else { return nil }
    switch lowered.dropFirst(digits.count) {
    case "d", "day", "days": return amount
    case "w", "week", "weeks": return amount * 7
    case "h", "hour", "hours": return (amount + 23) / 24
    default: return nil
    }
  }
}
