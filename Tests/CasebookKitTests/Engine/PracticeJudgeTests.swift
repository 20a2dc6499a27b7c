@testable import CasebookKit
import Foundation
import Testing

/// Practice judges every kind of question: checklists, dates, durations, numbers, texts, choices.
@Suite struct PracticeJudgeTests {
  static let yaml = """
    id: judged
    title: Judged
    start: signs
    steps:
      - id: signs
        ask: Which signs fit?
        save: signs
        why: Naming the signs turns a feeling into reasons.
        checklist:
          - item: abuse
            label: Abusive
          - item: time
            label: Takes too much time
          - item: money
            label: Losing money
        next: end-date
      - id: end-date
        ask: Last day?
        input: date
        save: end_date
        next: wait
      - id: wait
        ask: How long?
        input: duration
        save: wait
        next: what
      - id: what
        ask: What is left?
        input: text
        save: what
        next: done
      - id: done
        end: Done.
    practice:
      - name: s
        situation: A client.
        answers:
          signs: {must: [abuse], may: [time]}
          end-date: {answer: 2026-12-31, within: 2d}
          wait: {answer: 15m, within: 5m}
          what: {answer: the newsletter, said: [newsletter]}
        feedback:
          signs:
            money: Tick money only when the numbers say so.
          end-date:
            other: The end date is the one the contract gives.
          wait:
            other: Set a limit you can keep.
          what:
            other: Name the work you still owe.
    """

  let playbook: Playbook
  let scenario: PracticeScenario

  init() throws {
    let result = PlaybookLoader.load(data: Data(Self.yaml.utf8), file: "judged.yaml")
    #expect(result.diagnostics == [])
    playbook = try #require(result.playbook)
    scenario = try #require(playbook.scenarios.first)
  }

  func verdict(_ step: StepID, _ answer: String) -> PracticeJudge.Verdict? {
    PracticeJudge.verdict(step: step, answer: answer, scenario: scenario, playbook: playbook)
  }

  @Test func `a checklist is judged on the items that must, may and must not be ticked`() {
    #expect(verdict("signs", "abuse") == .right)
    #expect(verdict("signs", "abuse, time") == .right)
    #expect(verdict("signs", "abuse, money") == .wrong("Tick money only when the numbers say so."))
    guard case .wrong(let missing)? = verdict("signs", "time") else {
      Issue.record("a checklist without its must item was right")
      return
    }
    #expect(missing == "Something fits that you left out: Abusive.\nWhy it matters: Naming the signs turns a feeling into reasons.")
  }

  @Test func `a date, a duration and a text are judged within the scenario's tolerance`() {
    #expect(verdict("end-date", "2026-12-30") == .right)
    #expect(verdict("end-date", "2027-01-02") == .right)
    #expect(verdict("end-date", "2027-01-03") == .wrong("The end date is the one the contract gives."))
    #expect(verdict("wait", "20m") == .right)
    #expect(verdict("wait", "30m") == .wrong("Set a limit you can keep."))
    #expect(verdict("what", "I'll finish the December newsletter") == .right)
    #expect(verdict("what", "the report") == .wrong("Name the work you still owe."))
  }

  @Test func `every bundled practice scenario is scored on every question it answers`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    var walked = 0
    for file in PlaybookCatalog.files(in: folder) {
      let result = PlaybookLoader.load(path: file)
      let bundled = try #require(result.playbook, "\(file)")
      #expect(result.diagnostics.filter { $0.severity == .warning } == [], "\(file)")
      for scenario in bundled.scenarios {
        var header = CaseHeader(
          playbook: bundled.id, title: bundled.title, playbookFile: bundled.file, playbookHash: bundled.contentHash,
          client: scenario.values["client"], mode: .practice, started: Date(timeIntervalSince1970: 0))
        header.scenario = scenario.name
        header.carried = .init(from: "scenario", values: scenario.values)
        var engine = CaseEngine(playbook: bundled, header: header, timeZone: TimeZone(identifier: "UTC")!)
        _ = engine.handle(.begin, at: header.started)
        var now = header.started
        while let current = engine.state.current, engine.state.status == .running, let answer = scenario.answers[current] {
          now.addTimeInterval(60)
          _ = engine.handle(.input(answer), at: now)
          _ = engine.handle(.input(""), at: now)  // keeps a date's reading, if one waits
        }
        #expect(engine.state.status == .completed, "\(bundled.id)/\(scenario.name)")
        let asked = engine.state.path.filter { entry in
          guard let answer = entry.answer, case .ask(let question)? = bundled[entry.step]?.kind else { return false }
          // A question passed by skipping it (an optional detail) is not judged.
          let recommended = scenario.answers[entry.step] ?? answer
          return !question.isInput && !recommended.isEmpty && recommended.lowercased() != "skip"
        }
        let score = try #require(PracticeJudge.score(of: engine.state, playbook: bundled))
        #expect(score.total == asked.count, "\(bundled.id)/\(scenario.name): judged \(score.total) of \(asked.count)")
        #expect(score.right == score.total, "\(bundled.id)/\(scenario.name)")
        walked += 1
      }
    }
    #expect(walked >= 15)
  }
}
