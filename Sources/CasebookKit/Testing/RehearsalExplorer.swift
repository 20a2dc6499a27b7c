import Foundation

/// Proves that a rehearsal's simulated client reaches an end with every persona: walks seeded
/// conversations whose lines are drawn from the material itself (its points, its suggestions, its
/// phrases to avoid, a curt "No."), and counts how each ended.
public enum RehearsalExplorer {
  /// How one persona's walks ended.
  public struct Outcome: Sendable, Hashable {
    /// The persona.
    public var persona: ClientPersona
    /// The walks.
    public var walks: Int
    /// Walks in which the client accepted the decision.
    public var accepted: Int
    /// Walks that ran through every turn.
    public var lastTurn: Int
    /// Walks that found no end: the client still talking after more lines than it has turns.
    public var unfinished: Int
  }

  /// The walks of each persona, `walks` seeds each; `nil` when the playbook has no rehearsal.
  public static func explore(_ playbook: Playbook, walks: Int = 25, seed: UInt64 = 1) -> [Outcome]? {
    guard let material = playbook.rehearsal, !material.replies.isEmpty else { return nil }
    // The plan, from the first scenario that answers its questions; its answers are lines too.
    var known: [String: String] = [:]
    for preparation in material.prepare {
      guard case .ask(let question)? = playbook[preparation.step]?.kind, let save = question.save,
        let answer = playbook.scenarios.lazy.compactMap({ $0.answers[preparation.step] }).first
      else { continue }
      known[save] = answer
    }
    // A point's text less its first word: in one's own words, not a copy of the point.
    let paraphrases = material.points.map { $0.text.split(separator: " ").dropFirst().joined(separator: " ") }
    let good = known.values.sorted() + paraphrases
    let stock = good + material.points.map(\.text) + material.replies.map(\.suggest) + material.avoid.compactMap(\.said.first)
      + ["No.", "I understand how you feel, and I have thought about this carefully."]
    let started = Date(timeIntervalSince1970: 0)
    return ClientPersona.allCases.map { persona in
      var outcome = Outcome(persona: persona, walks: walks, accepted: 0, lastTurn: 0, unfinished: 0)
      for walk in 0..<walks {
        var generator = SeededGenerator(seed: seed &+ UInt64(walk))
        var header = CaseHeader(
          playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
          client: "Explorer", mode: .rehearse, started: started)
        var setup = CaseHeader.RehearsalSetup(seed: seed &+ UInt64(walk), turns: material.availableTurns, asksPlan: false)
        setup.persona = persona
        header.rehearsal = setup
        header.carried = known.isEmpty ? nil : .init(from: "explore", values: known)
        var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
        _ = engine.handle(.begin, at: started)
        var said = 0
        while engine.state.status == .running && said <= material.availableTurns + 1 {
          // Every other walk says only good lines; the rest mix in stock lines, blame and curt answers.
          let lines = walk % 2 == 0 ? good : stock
          _ = engine.handle(.input(lines[Int(generator.next() % UInt64(lines.count))]), at: started)
          said += 1
        }
        guard engine.state.status == .completed, let plan = RehearsalPlan(engine.state, playbook: playbook) else {
          outcome.unfinished += 1
          continue
        }
        if plan.conversation.accepted { outcome.accepted += 1 } else { outcome.lastTurn += 1 }
      }
      return outcome
    }
  }
}
