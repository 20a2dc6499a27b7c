/// A value kept from an answer, for the record and for later steps.
public enum Value: Sendable, Hashable, CustomStringConvertible {
  /// Text, including the word of a chosen answer.
  case text(String)
  /// A number.
  case number(Double)
  /// A length of time in seconds.
  case duration(seconds: Int)
  /// A calendar date, with or without a time.
  case date(CivilDate)
  /// The ticked items of a checklist, in the checklist's order.
  case items([String])

  /// The canonical written form: `15m`, `1h30m`, `2.5`, `2026-12-01 14:30`.
  public var description: String {
    switch self {
    case .text(let text): return text
    case .number(let number):
      if number == number.rounded(), abs(number) < 1e15 { return String(Int(number)) }
      return String(number)
    case .duration(let seconds):
      let hours = seconds / 3600
      let minutes = seconds % 3600 / 60
      let rest = seconds % 60
      var text = ""
      if hours > 0 { text += "\(hours)h" }
      if minutes > 0 { text += "\(minutes)m" }
      if rest > 0 || text.isEmpty { text += "\(rest)s" }
      return text
    case .date(let date): return date.description
    case .items(let items): return items.isEmpty ? "none" : items.joined(separator: ", ")
    }
  }
}
