public import Foundation

/// Decides a condition against the values saved so far. A name not saved yet makes its
/// comparison false.
public enum ConditionEvaluator {
  /// Whether `condition` holds for `values`, with `timers` (their deadlines) at time `now`.
  public static func holds(
    _ condition: Condition, in values: [String: Value], timers: [String: Date] = [:], now: Date? = nil
  ) -> Bool {
    switch condition {
    case .expired(let name, _):
      guard let deadline = timers[name], let now else { return false }
      return now >= deadline
    case .not(let inner): return !holds(inner, in: values, timers: timers, now: now)
    case .and(let left, let right):
      return holds(left, in: values, timers: timers, now: now) && holds(right, in: values, timers: timers, now: now)
    case .or(let left, let right):
      return holds(left, in: values, timers: timers, now: now) || holds(right, in: values, timers: timers, now: now)
    case .truth(let operand):
      guard case .text(let text)? = value(of: operand, in: values) else { return false }
      return text.lowercased() == "yes"
    case .compare(let left, .has, let right):
      guard case .items(let items)? = value(of: left, in: values), case .text(let word)? = value(of: right, in: values)
      else { return false }
      return items.contains { $0.lowercased() == word.lowercased() }
    case .compare(let left, let comparison, let right):
      guard let lhs = value(of: left, in: values), let rhs = value(of: right, in: values),
        let order = compare(lhs, rhs)
      else { return comparison == .notEqual && bothPresentButIncomparable(left, right, values) }
      switch comparison {
      case .equal: return order == 0
      case .notEqual: return order != 0
      case .less: return order < 0
      case .lessOrEqual: return order <= 0
      case .greater: return order > 0
      case .greaterOrEqual: return order >= 0
      case .has: return false
      }
    }
  }

  private static func bothPresentButIncomparable(
    _ left: Condition.Operand, _ right: Condition.Operand, _ values: [String: Value]
  ) -> Bool {
    value(of: left, in: values) != nil && value(of: right, in: values) != nil
  }

  /// An operand's value: a saved value, a literal, or a word (a name nothing saved reads as a word).
  static func value(of operand: Condition.Operand, in values: [String: Value]) -> Value? {
    switch operand {
    case .literal(let value, _): value
    case .word(let word, _): .text(word)
    case .name(let name, _): values[name] ?? nil
    }
  }

  /// -1, 0 or 1, or `nil` when the two cannot be compared.
  static func compare(_ lhs: Value, _ rhs: Value) -> Int? {
    switch (lhs, rhs) {
    case (.number(let a), .number(let b)): a < b ? -1 : a > b ? 1 : 0
    case (.duration(let a), .duration(let b)): a < b ? -1 : a > b ? 1 : 0
    case (.date(let a), .date(let b)): a < b ? -1 : a > b ? 1 : 0
    case (.text(let a), .text(let b)):
      a.lowercased() < b.lowercased() ? -1 : a.lowercased() > b.lowercased() ? 1 : 0
    default: nil
    }
  }
}
