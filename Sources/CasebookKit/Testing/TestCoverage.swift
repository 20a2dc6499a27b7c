/// What a playbook's tests leave unvisited: the steps no test reaches, the answers none gives, the
/// drafts none is offered, the branch cases none takes and the ends none reaches.
public struct TestCoverage: Sendable, Hashable {
  /// Steps no test reaches.
  public var steps: [StepID] = []
  /// Choices no test picks, as `step: answer`.
  public var answers: [String] = []
  /// Drafts no test is offered (their step is never reached), as `step: kind draft`.
  public var drafts: [String] = []
  /// Branch cases no test takes, as `step: when CONDITION` or `step: otherwise`.
  public var branchCases: [String] = []
  /// End steps no test reaches.
  public var ends: [StepID] = []

  /// Whether the tests visit everything.
  public var isComplete: Bool { steps.isEmpty && answers.isEmpty && drafts.isEmpty && branchCases.isEmpty && ends.isEmpty }

  /// The coverage of `playbook` by the walks of its tests.
  public init(of playbook: Playbook, walks: [[CaseState.PathEntry]]) {
    let visited = Set(walks.joined().map(\.step))
    var given: Set<String> = []
    var taken: Set<String> = []
    for walk in walks {
      for (index, entry) in walk.enumerated() {
        if let answer = entry.answer { given.insert("\(entry.step): \(answer)") }
        if index + 1 < walk.count { taken.insert("\(entry.step) -> \(walk[index + 1].step)") }
      }
    }
    for step in playbook.steps {
      guard !visited.contains(step.id) else {
        switch step.kind {
        case .ask(let question):
          guard case .choices(let choices) = question.answers else { break }
          answers += choices.map { "\(step.id): \($0.answer)" }.filter { !given.contains($0) }
        case .branch(let cases):
          // A case counts as taken when a walk went from the branch to the step it names.
          for item in cases where !taken.contains("\(step.id) -> \(item.next)") {
            branchCases.append("\(step.id): " + (item.source.map { "when " + $0 } ?? "otherwise"))
          }
        case .say, .end: break
        }
        continue
      }
      steps.append(step.id)
      drafts += step.drafts.map { "\(step.id): \($0.kind.rawValue) draft" }
      if step.isEnd { ends.append(step.id) }
    }
  }
}
