/// Finds names that a condition, a template or a timer reads at a step that some path reaches
/// without saving them first: there, a comparison is false and a template shows nothing.
enum SavedNamesAnalysis {
  /// A warning for each name read where it may not be saved yet.
  static func check(_ playbook: Playbook) -> [Diagnostic] {
    let order = playbook.steps.map(\.id)
    let all = Set(playbook.steps.flatMap(savedNames))
    // The names saved on every path into each step: start with everything, narrow to a fixed point.
    var savedBefore: [StepID: Set<String>] = Dictionary(uniqueKeysWithValues: order.map { ($0, all) })
    var predecessors: [StepID: [StepID]] = [:]
    for step in playbook.steps {
      for next in step.successors { predecessors[next, default: []].append(step.id) }
    }
    let always: Set<String> = ["client", "title"]
    var changed = true
    while changed {
      changed = false
      for id in order {
        let incoming = predecessors[id, default: []].map { savedBefore[$0, default: []].union(savedNames(playbook[$0])) }
        var result: Set<String> = incoming.first ?? []
        for set in incoming.dropFirst() { result.formIntersection(set) }
        if id == playbook.start { result = [] }
        if result != savedBefore[id] {
          savedBefore[id] = result
          changed = true
        }
      }
    }
    var diagnostics: [Diagnostic] = []
    for step in playbook.steps {
      let known = savedBefore[step.id, default: []].union(always)
      var reads: [(String, SourceLocation)] = []
      let conditions: [(Condition?, SourceLocation?)] = {
        var list: [(Condition?, SourceLocation?)] = [(step.condition, step.conditionLocation)]
        switch step.kind {
        case .branch(let cases): list += cases.map { ($0.condition, $0.conditionLocation) }
        case .ask(let question):
          if case .choices(let choices) = question.answers { list += choices.map { ($0.condition, $0.conditionLocation) } }
        case .say, .end: break
        }
        return list
      }()
      for (condition, location) in conditions {
        for case .name(let name, let offset) in condition?.operands ?? [] {
          var at = location ?? step.location
          at.column += offset
          reads.append((name, at))
        }
      }
      // Drafts are filled when the step is reached, before its own question is answered.
      for draft in step.drafts {
        // A name the template tests with a section of its own (`{{#name}}…{{/name}}`) is read
        // knowing it may have no value.
        let template = (draft.subject ?? "") + "\n" + draft.template
        for name in DraftRenderer.names(in: template) where !DraftRenderer.isGuarded(name, in: template) {
          reads.append((name, draft.location))
        }
      }
      if let timer = step.timer { reads.append((timer, step.location)) }
      for (name, at) in reads where all.contains(name) && !known.contains(name) {
        diagnostics.append(.unsavedName(name, step: step.id, at: at))
      }
    }
    return diagnostics
  }

  private static func savedNames(_ step: Step?) -> Set<String> {
    guard case .ask(let question)? = step?.kind, let name = question.save else { return [] }
    return [name]
  }
}
