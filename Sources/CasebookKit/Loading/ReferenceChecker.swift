/// Checks the saved names that drafts, timers and actions refer to: each must be saved by some
/// step, and be of the kind its use needs.
enum ReferenceChecker {
  /// - Parameter unreadNames: Names saved by steps that could not be read: accepted anywhere.
  static func check(
    _ playbook: Playbook, types: [String: ConditionChecker.ValueType], unreadNames: Set<String> = []
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let steps = playbook.steps
    let known = ["client", "title"] + (Set(types.keys).union(unreadNames)).sorted()
    for step in steps {
      for draft in step.drafts {
        let positions = DraftRenderer.positions(in: draft.template)
        for name in DraftRenderer.names(in: (draft.subject ?? "") + "\n" + draft.template) where !known.contains(name) {
          let place = positions[name].map {
            NodeReader.offset(draft.location, line: $0.line, column: $0.column)
          }
          diagnostics.append(.templateName(name, known: known, at: place ?? draft.location))
        }
      }
    }
    let durations = types.filter { $0.value == .duration }.keys.sorted()
    let dates = types.filter { $0.value == .date }.keys.sorted()
    for step in steps {
      guard let timer = step.timer, !unreadNames.contains(timer) else { continue }
      let place = step.timerLocation ?? step.location
      switch types[timer] {
      case .duration?: continue
      case nil:
        diagnostics.append(.conditionProblem(.unknownName, "the timer counts down \(quoted(timer)), which no step saves", at: place)
          .suggesting(timer, among: durations))
      case let other?: diagnostics.append(.conditionProblem(.typeMismatch, "the timer counts down \(quoted(timer)), which is \(other), not a duration", at: place))
      }
    }
    for step in steps {
      for action in step.actions {
        guard let from = action.from, !unreadNames.contains(from) else { continue }
        let place = action.fromLocation ?? action.location
        switch types[from] {
        case .date?: continue
        case nil:
          diagnostics.append(.conditionProblem(.unknownName, "action counts from \(quoted(from)), which no step saves", at: place)
            .suggesting(from, among: dates))
        case let other?: diagnostics.append(.conditionProblem(.typeMismatch, "action counts from \(quoted(from)), which is \(other), not a date", at: place))
        }
      }
    }
    return diagnostics
  }
}
