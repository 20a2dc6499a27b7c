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
    let first = begunCase(of: playbook)
    var exploration = Exploration(limit: limit, isExhaustive: true)
    exploration.walkEveryPath(from: first, depth: 0)
    if !exploration.isExhaustive {
      // Too many paths to walk them all: start over and count only a seeded sample.
      exploration = Exploration(limit: limit, isExhaustive: false)
      exploration.walkRandomly(from: first, seed: seed)
    }
    return exploration.report(of: playbook)
  }

  /// The longest walk, in answers, before it counts as unfinished.
  private static let maximumLength = 200

  /// An engine that has begun a case of `playbook` at a fixed time, so every walk starts alike.
  private static func begunCase(of playbook: Playbook) -> CaseEngine {
    let header = CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
      client: "Sample Client", mode: .live, started: Date(timeIntervalSince1970: 1_800_000_000))
    var first = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = first.handle(.begin, at: header.started)
    return first
  }

  /// Every answer a playbook offers at its choice questions, as `step: answer`.
  private static func allAnswers(of playbook: Playbook) -> [String] {
    var allAnswers: [String] = []
    for step in playbook.steps {
      guard case .ask(let question) = step.kind, case .choices(let choices) = question.answers else { continue }
      allAnswers += choices.map { "\(step.id): \($0.answer)" }
    }
    return allAnswers
  }

  /// What the walks of one exploration have seen so far, and the walk being typed.
  private struct Exploration {
    /// The most walks.
    let limit: Int
    /// Whether every path is being walked; cleared when the walks reach the limit first.
    var isExhaustive: Bool
    var visitedSteps: Set<StepID> = []
    var givenAnswers: Set<String> = []
    var ends: [StepID: Int] = [:]
    var walks = 0
    var unfinished = 0
    var typedWalks: [[String]] = []
    /// The lines typed so far on the current walk.
    var typed: [String] = []
    /// The `step: answer` visits of the walks kept in `typedWalks`.
    var coveredByKept: Set<String> = []

    /// Walks every path on from `engine`, depth first, while the count stays under the limit.
    mutating func walkEveryPath(from engine: CaseEngine, depth: Int) {
      guard walks < limit else {
        isExhaustive = false
        return
      }
      guard engine.state.status == .running, depth < PlaybookExplorer.maximumLength else { return finish(engine) }
      for option in PlaybookExplorer.options(engine) {
        typed.append(option)
        walkEveryPath(from: step(engine, option, depth: depth), depth: depth + 1)
        typed.removeLast()
      }
    }

    /// Takes `limit` walks from `first`, each answer drawn at random from the options.
    mutating func walkRandomly(from first: CaseEngine, seed: UInt64) {
      var random = SeededGenerator(seed: seed)
      for _ in 0..<limit {
        var engine = first
        var depth = 0
        typed = []
        while engine.state.status == .running && depth < PlaybookExplorer.maximumLength {
          let choices = PlaybookExplorer.options(engine)
          let option = choices[Int(random.next() % UInt64(choices.count))]
          typed.append(option)
          engine = step(engine, option, depth: depth)
          depth += 1
        }
        finish(engine)
      }
    }

    /// Gives `answer` to the engine's current question, a minute later for each step taken.
    mutating func step(_ engine: CaseEngine, _ answer: String, depth: Int) -> CaseEngine {
      var next = engine
      if let current = engine.state.current { givenAnswers.insert("\(current): \(answer)") }
      _ = next.handle(.input(answer), at: Date(timeIntervalSince1970: 1_800_000_000 + Double(depth + 1) * 60))
      return next
    }

    /// Counts a walk that has ended or run too long, keeping its typed lines if it visits
    /// something the kept walks do not (or always, when every path is walked).
    mutating func finish(_ engine: CaseEngine) {
      let visits = Set(engine.state.path.map { "\($0.step): \($0.answer ?? "")" })
      if isExhaustive || !visits.isSubset(of: coveredByKept) {
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

    /// The report of the walks taken, against everything `playbook` holds.
    func report(of playbook: Playbook) -> Report {
      Report(
        walks: walks, isExhaustive: isExhaustive, ends: ends,
        unvisitedSteps: playbook.steps.map(\.id).filter { !visitedSteps.contains($0) },
        unvisitedAnswers: PlaybookExplorer.allAnswers(of: playbook).filter { !givenAnswers.contains($0) },
        unfinished: unfinished, typedWalks: typedWalks)
    }
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
