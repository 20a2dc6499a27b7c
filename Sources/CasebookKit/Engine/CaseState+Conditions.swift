/// Conditions decided against a case as it stands: its values, and its timers at the time of the
/// latest entry.
extension CaseState {
  /// Whether `condition` holds now.
  func holds(_ condition: Condition) -> Bool {
    ConditionEvaluator.holds(condition, in: values, timers: timers, now: lastEventAt.map(timerTime))
  }

  /// The choices whose condition holds now; all of them if none does, so a question always has answers.
  func offered(_ choices: [Choice]) -> [Choice] {
    let open = choices.filter { $0.condition.map(holds) ?? true }
    return open.isEmpty ? choices : open
  }
}
