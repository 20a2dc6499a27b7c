/// Checks what a playbook means once its shape is read: identifiers, targets, reachability.
enum PlaybookChecker {
  /// Every problem of meaning in `playbook`, unsorted.
  ///
  /// - Parameters:
  ///   - playbook: The playbook as read.
  ///   - startLocation: Where `start` is written, for its diagnostics.
  ///   - unread: Steps that exist but could not be read; already reported, so links to them
  ///     are not, and they count as steps that may lead anywhere.
  static func check(
    _ playbook: Playbook, startLocation: SourceLocation, unread: UnreadSteps = UnreadSteps()
  ) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    var firstByID: [StepID: SourceLocation] = [:]
    for step in playbook.steps {
      if let first = firstByID[step.id] {
        diagnostics.append(.duplicateStepID(step.id, first: first, at: step.location))
      } else {
        firstByID[step.id] = step.location
      }
    }
    let known = playbook.steps.map(\.id)
    var dangling: [DanglingLink] = []
    func link(_ target: StepID, field: String, from step: StepID?, at location: SourceLocation) {
      guard firstByID[target] == nil, !unread.ids.contains(target) else { return }
      let near = Suggestion.nearest(to: target.rawValue, in: known.map(\.rawValue)).map { StepID($0) }
      dangling.append(DanglingLink(
        target: target, meant: near, from: step,
        diagnostic: .danglingNext(target, field: field, known: known, at: location)))
    }
    link(playbook.start, field: "start", from: nil, at: startLocation)
    for step in playbook.steps where firstByID[step.id] == step.location {
      // The last input's link is the playbook's `start` as written.
      let isInput = if case .ask(let question) = step.kind { question.isInput } else { false }
      for (target, location) in targets(of: step) {
        link(target, field: isInput ? "start" : "next", from: isInput ? nil : step.id, at: location)
      }
    }
    for preparation in playbook.rehearsal?.prepare ?? [] where !unread.ids.contains(preparation.step) {
      guard let step = playbook[preparation.step] else {
        diagnostics.append(.danglingNext(preparation.step, field: "prepare", known: known, at: preparation.location))
        continue
      }
      switch step.kind {
      case .ask(let question) where question.save != nil:
        if case .checklist = question.answers { fallthrough }
      default:
        diagnostics.append(.badPreparation(preparation.step, at: preparation.location))
      }
    }
    var reachability = Reachability(playbook, unread: unread, dangling: dangling)
    diagnostics += reachability.danglingDiagnostics()
    diagnostics += reachability.unreachableDiagnostics()
    diagnostics += reachability.endlessDiagnostics()
    return diagnostics
  }

  private static func targets(of step: Step) -> [(StepID, SourceLocation)] {
    switch step.kind {
    case .say(_, let next): [(next, step.nextLocation ?? step.location)]
    case .ask(let question):
      switch question.answers {
      case .choices(let choices): choices.map { ($0.next, $0.nextLocation ?? $0.location) }
      case .input(_, let next), .checklist(_, let next): [(next, step.nextLocation ?? step.location)]
      }
    case .end: []
    case .branch(let cases): cases.map { ($0.next, $0.nextLocation ?? $0.location) }
    }
  }
}
