import Foundation

/// Walks every path through a playbook (or, past a bound, a seeded random sample of them) and
/// reports which ends were reached and which steps and answers were never visited.
public enum PlaybookExplorer {
  /// What a walk of all paths found.
  public struct Report: Sendable, Hashable {
    /// How many complete walks were made.
    public var walks: Int
    /// Whether every path was walked (not a sample).
    public var isExhaustive: Bool
    /// How many walks reached each end step.
    public var ends: [StepID: Int]
    /// Steps no walk visited.
    public var unvisitedSteps: [StepID]
    /// Answers no walk gave, as `step: answer`.
    public var unvisitedAnswers: [String]
    /// Walks that did not reach an end within the bound on their length.
    public var unfinished: Int
    /// The lines typed on each walk kept: every walk when every path was walked, else a set of
    /// walks that together visit every step and answer the sample reached.
    public var typedWalks: [[String]]
  }

  /// Explores `playbook`.
  ///
  /// - Parameters:
  ///   - limit: The most walks; past it, `limit` random walks are taken instead.
  ///   - seed: The random sample's seed, so a report can be repeated.
  public static func explore(_ playbook: Playbook, limit: Int = 2_000, seed: UInt64 = 1) -> Report {
    let header = CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
      client: "Sample Client", mode: .live, started: Date(timeIntervalSince1970: 1_800_000_000))
    var first = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = first.handle(.begin, at: header.started)
    var visitedSteps: Set<StepID> = []
    var givenAnswers: Set<String> = []
    var ends: [StepID: Int] = [:]
    var walks = 0
    var unfinished = 0
    let maximumLength = 200

    var typedWalks: [[String]] = []
    var typed: [String] = []
    var coveredByKept: Set<String> = []
    func finish(_ engine: CaseEngine) {
      let visits = Set(engine.state.path.map { "\($0.step): \($0.answer ?? "")" })
      if exhaustive || !visits.isSubset(of: coveredByKept) {
        typedWalks.append(typed)
        coveredByKept.formUnion(visits)
      }
      visitedSteps.formUnion(engine.state.path.map(\.step))
      walks += 1
      if engine.state.status == .completed, let end = engine.state.path.last?.step {
        ends[end, default: 0] += 1
      } else {
        unfinished += 1
      }
    }

    func step(_ engine: CaseEngine, _ answer: String, depth: Int) -> CaseEngine {
      var next = engine
      if let current = engine.state.current { givenAnswers.insert("\(current): \(answer)") }
      _ = next.handle(.input(answer), at: Date(timeIntervalSince1970: 1_800_000_000 + Double(depth + 1) * 60))
      return next
    }

    // Every path, depth first, while the count stays under the limit.
    var exhaustive = true
    func walk(_ engine: CaseEngine, depth: Int) {
      guard walks < limit else {
        exhaustive = false
        return
      }
      guard engine.state.status == .running, depth < maximumLength else { return finish(engine) }
      for option in options(engine) {
        typed.append(option)
        walk(step(engine, option, depth: depth), depth: depth + 1)
        typed.removeLast()
      }
    }
    walk(first, depth: 0)

    if !exhaustive {
      visitedSteps = []
      givenAnswers = []
      ends = [:]
      walks = 0
      unfinished = 0
      typedWalks = []
      coveredByKept = []
      var random = SeededGenerator(seed: seed)
      for _ in 0..<limit {
        var engine = first
        var depth = 0
        typed = []
        while engine.state.status == .running && depth < maximumLength {
          let choices = options(engine)
          let option = choices[Int(random.next() % UInt64(choices.count))]
          typed.append(option)
          engine = step(engine, option, depth: depth)
          depth += 1
        }
        finish(engine)
      }
    }

    var allAnswers: [String] = []
    for step in playbook.steps {
      guard case .ask(let question) = step.kind, case .choices(let choices) = question.answers else { continue }
      allAnswers += choices.map { "\(step.id): \($0.answer)" }
    }
    return Report(
      walks: walks, isExhaustive: exhaustive, ends: ends,
      unvisitedSteps: playbook.steps.map(\.id).filter { !visitedSteps.contains($0) },
      unvisitedAnswers: allAnswers.filter { !givenAnswers.contains($0) }, unfinished: unfinished,
      typedWalks: typedWalks)
  }

  /// The answers worth trying at the current question: every offered choice, one sample value of
  /// an input, or none and all of a checklist.
  static func options(_ engine: CaseEngine) -> [String] {
    guard let current = engine.state.current, case .ask(let question)? = engine.playbook[current]?.kind else { return [] }
    switch question.answers {
    case .choices(let choices): return engine.state.offered(choices).map(\.answer)
    case .checklist(let items, _): return ["none", items.map(\.answer).joined(separator: " ")]
    case .input(let kind, _):
      switch kind {
      case .text: return ["Sample text"]
      case .number: return ["3"]
      case .duration: return ["15m"]
      case .date: return ["2027-01-15 10:00"]
      }
    }
  }
}
