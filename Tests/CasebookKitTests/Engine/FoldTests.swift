import CasebookKit
import Foundation
import Testing

/// Every mode is one machine: the entries a live case persists, folded through `apply`, give back
/// the state the live case had.
@Suite struct FoldTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  let utc = TimeZone(identifier: "UTC")!

  /// A bundled playbook.
  func bundled(_ id: String) throws -> Playbook {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("playbooks/\(id).yaml")
    return try #require(PlaybookLoader.load(path: url.path).playbook)
  }

  /// Runs `lines` through a case of `mode`, a minute apart, and returns the engine and the journal
  /// it persisted.
  func live(
    _ playbook: Playbook, mode: CaseMode, lines: [String], edit: (CaseHeader) -> CaseHeader = { $0 }
  ) -> (engine: CaseEngine, journal: [JournalEntry]) {
    let header = edit(CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
      client: "Dana", mode: mode, started: Self.t0))
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: utc)
    var journal: [JournalEntry] = []
    func keep(_ effects: [Effect]) {
      for case .persist(let entry) in effects { journal.append(entry) }
    }
    keep(engine.handle(.begin, at: Self.t0))
    for (index, line) in lines.enumerated() {
      let at = Self.t0.addingTimeInterval(Double(index + 1) * 60)
      keep(engine.handle(index == lines.count - 1 && line == "<tick>" ? .tick : .input(line), at: at))
    }
    return (engine, journal)
  }

  @Test(arguments: [CaseMode.live, .coach])
  func `a live or coached case folds back to its state: answers, a note, a take-back, a wait limit run out`(mode: CaseMode) throws {
    let playbook = try bundled("no-show")
    let run = live(playbook, mode: mode, lines: ["", "", "no", "yes", "20m", ":note she may be parking", ":back", "1m", "<tick>"])
    #expect(run.journal.contains { if case .expired = $0 { true } else { false } })
    let replayed = try CaseEngine(playbook: playbook, replaying: run.journal, timeZone: utc)
    #expect(replayed.state.unfitEntries == [])
    #expect(replayed.state == run.engine.state)
  }

  @Test func `a practice case folds back to its state: wrong first answers, :skip, the scenario's time`() throws {
    let playbook = try bundled("no-show")
    let run = live(playbook, mode: .practice, lines: ["", "", "yes", "no", "yes", "15m", ":skip", "no"]) { header in
      var header = header
      header.scenario = "no-answer"
      header.carried = .init(from: "scenario no-answer", values: ["client": "Dana"])
      return header
    }
    #expect(run.journal.contains(.attempted(step: "reached", answer: "yes", at: Self.t0.addingTimeInterval(180))))
    #expect(run.engine.state.status == .completed)
    let replayed = try CaseEngine(playbook: playbook, replaying: run.journal, timeZone: utc)
    #expect(replayed.state.unfitEntries == [])
    #expect(replayed.state == run.engine.state)
  }

  @Test func `a rehearsal folds back to its state: the plan asked, the conversation, the end`() throws {
    let playbook = try bundled("end-relationship")
    let material = try #require(playbook.rehearsal)
    // An answer each plan question accepts: its first choice, a date, or a sentence.
    let answers = material.prepare.compactMap { preparation -> String? in
      guard case .ask(let question)? = playbook[preparation.step]?.kind else { return nil }
      switch question.answers {
      case .choices(let choices): return choices.first?.answer
      case .input(.date, _): return "2026-12-31"
      default: return "We agreed on this in writing."
      }
    }
    let run = live(playbook, mode: .rehearse, lines: answers + Array(repeating: "I hear you.", count: 3)) { header in
      var header = header
      header.rehearsal = .init(seed: 7, turns: 3, asksPlan: true)
      return header
    }
    #expect(run.journal.filter { if case .said = $0 { true } else { false } }.count >= 1)
    let replayed = try CaseEngine(playbook: playbook, replaying: run.journal, timeZone: utc)
    #expect(replayed.state == run.engine.state)
  }
}
