/// Checks the saved names that drafts, timers and actions refer to: each must be saved by some
/// step, and be of the kind its use needs.
enum ReferenceChecker {
  /// - Parameter unreadNames: Names saved by steps that could not be read: accepted anywhere.
  static func check(
    _ playbook: Playbook, types: [String: ConditionChecker.ValueType], unreadNames: Set<String> = []
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let steps = playbook.steps
    let known = CaseEngine.draftNames + (Set(types.keys).union(unreadNames)).sorted()
    for step in steps {
      for draft in step.drafts {
        diagnostics += templateNames(of: draft, known: known)
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

  /// The names a draft's subject and text use that nothing gives: an unsaved name, a profile field
  /// that is not one (`me.nmae`), a transform that does not exist.
  private static func templateNames(of draft: Draft, known: [String]) -> [Diagnostic] {
    // Each text is scanned once; a name used only in the subject is shown at the draft.
    let inText = DraftRenderer.uses(in: draft.template)
    let inSubject = draft.subject.map(DraftRenderer.uses(in:)) ?? []
    func place(_ use: DraftRenderer.Use?) -> SourceLocation {
      use.map { NodeReader.offset(draft.location, line: $0.line, column: $0.column) } ?? draft.location
    }
    var diagnostics: [Diagnostic] = []
    var reported: Set<String> = []
    for use in inSubject + inText {
      let shown = inText.first { $0.path == use.path } ?? inText.first { $0.name == use.name }
      if !known.contains(use.name) {
        if reported.insert(use.name).inserted { diagnostics.append(.templateName(use.name, known: known, at: place(shown))) }
        continue
      }
      if use.name == "me" {
        let field = String(use.path.dropFirst(3))
        if Profile.Key(rawValue: field) == nil, reported.insert(use.path).inserted {
          diagnostics.append(.profileField(field, at: place(shown)))
        }
      }
      if let transform = use.transform, !DraftValue.transforms.contains(transform), reported.insert(transform).inserted {
        diagnostics.append(.templateTransform(transform, at: place(shown)))
      }
    }
    return diagnostics
  }
}
