/// Checks what a playbook means once its shape is read: identifiers, targets, reachability.
enum PlaybookChecker {
  /// Every problem of meaning in `playbook`, unsorted.
  ///
  /// - Parameters:
  ///   - playbook: The playbook as read.
  ///   - startLocation: Where `start` is written, for its diagnostics.
  ///   - unreadable: Steps that exist but could not be read; already reported, so links to them
  ///     are not, and reachability is not judged on a partial graph.
  static func check(
    _ playbook: Playbook, startLocation: SourceLocation, unreadable: Set<StepID>
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
    if firstByID[playbook.start] == nil && !unreadable.contains(playbook.start) {
      diagnostics.append(.danglingNext(playbook.start, field: "start", known: known, at: startLocation))
    }
    for step in playbook.steps {
      for (target, location) in targets(of: step) where firstByID[target] == nil && !unreadable.contains(target) {
        diagnostics.append(.danglingNext(target, field: "next", known: known, at: location))
      }
    }
    for preparation in playbook.rehearsal?.prepare ?? [] where !unreadable.contains(preparation.step) {
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
    guard firstByID[playbook.start] != nil, unreadable.isEmpty else { return diagnostics }

    let reachable = reach(from: [playbook.start], in: playbook)
    for step in playbook.steps where !reachable.contains(step.id) && firstByID[step.id] == step.location {
      diagnostics.append(.unreachableStep(step: step.id, at: step.location))
    }
    let canEnd = stepsThatCanEnd(playbook)
    for step in playbook.steps
    where reachable.contains(step.id) && !canEnd.contains(step.id) && firstByID[step.id] == step.location {
      diagnostics.append(.noWayToEnd(step: step.id, at: step.location))
    }
    return diagnostics
  }

  private static func targets(of step: Step) -> [(StepID, SourceLocation)] {
    switch step.kind {
    case .say(_, let next): [(next, step.nextLocation ?? step.location)]
    case .ask(let question):
      switch question.answers {
      case .choices(let choices): choices.map { ($0.next, $0.location) }
      case .input(_, let next), .checklist(_, let next): [(next, step.nextLocation ?? step.location)]
      }
    case .end: []
    case .branch(let cases): cases.map { ($0.next, $0.location) }
    }
  }

  /// The steps reachable from `roots` by following `next` links.
  static func reach(from roots: [StepID], in playbook: Playbook) -> Set<StepID> {
    var seen = Set(roots)
    var pending = roots
    while let id = pending.popLast() {
      for next in playbook[id]?.successors ?? [] where seen.insert(next).inserted {
        pending.append(next)
      }
    }
    return seen
  }

  /// The steps from which some end step (or a missing step) can be reached.
  static func stepsThatCanEnd(_ playbook: Playbook) -> Set<StepID> {
    var predecessors: [StepID: [StepID]] = [:]
    for step in playbook.steps {
      for next in step.successors { predecessors[next, default: []].append(step.id) }
    }
    // A step with a dangling target is already reported; it is not also called endless.
    var canEnd = Set(
      playbook.steps.filter { $0.isEnd || $0.successors.contains { playbook[$0] == nil } }.map(\.id))
    var pending = Array(canEnd)
    while let id = pending.popLast() {
      for previous in predecessors[id] ?? [] where canEnd.insert(previous).inserted {
        pending.append(previous)
      }
    }
    return canEnd
  }
}
