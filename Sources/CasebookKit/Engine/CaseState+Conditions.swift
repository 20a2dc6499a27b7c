import Foundation

/// Conditions decided against a case as it stands: its values, and its timers at the time of the
/// latest entry.
extension CaseState {
  /// Whether `condition` holds now.
  func holds(_ condition: Condition) -> Bool {
    ConditionEvaluator.holds(condition, in: valuesWithHistory(for: condition), timers: timers, now: lastEventAt.map(timerTime))
  }

  /// The saved values, and the history names `condition` reads (see ``HistoryName``), as the
  /// client's history in the header gives them; none when the case has no history (no client).
  func valuesWithHistory(for condition: Condition) -> [String: Value] {
    guard let history = header.history else { return values }
    var all = values
    for case .name(let name, _) in condition.operands {
      if let parsed = HistoryName(name) { all[name] = history.value(of: parsed, at: header.started, calendar: Self.historyCalendar) }
    }
    return all
  }

  /// The calendar `history.last.…` days are read in: a listing's, whatever the machine's zone.
  static let historyCalendar = Calendar.gregorian(in: TimeZone(secondsFromGMT: 0) ?? .gmt)

  /// The choices whose condition holds now; all of them if none does, so a question always has answers.
  func offered(_ choices: [Choice]) -> [Choice] {
    let open = choices.filter { $0.condition.map(holds) ?? true }
    return open.isEmpty ? choices : open
  }
}
