import CasebookKit
import Foundation
import Testing

/// The rehearsal state machine: the plan, the conversation and the review, without a terminal.
@Suite struct RehearsalTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  static let yaml = """
    id: ending
    title: Ending
    start: reason
    steps:
      - id: reason
        ask: Why is it ending?
        input: text
        save: ending_reason
        detail: One calm sentence.
        next: last-day
      - id: last-day
        ask: Last day?
        input: date
        save: last_day
        next: done
      - id: done
        end: Done.
    rehearsal:
      prepare:
        - step: reason
          label: The reason
        - last-day
      points:
        - We will finish the current project first.
      replies:
        - client: You can't leave us.
          suggest: I understand; here is the plan.
        - client: Who finishes the work?
          suggest: I do, before the end.
    """

  let playbook: Playbook

  init() throws {
    let result = PlaybookLoader.load(data: Data(Self.yaml.utf8), file: "ending.yaml")
    #expect(result.diagnostics == [])
    playbook = try #require(result.playbook)
  }

  func rehearsal(known: [String: String] = [:]) throws -> Rehearsal {
    let material = try #require(playbook.rehearsal)
    return Rehearsal(material: material, playbook: playbook, known: known, seed: 1, turns: 6,
      started: Date(timeIntervalSince1970: 1_795_000_000), timeZone: TimeZone(identifier: "UTC")!)
  }

  @Test func `the plan is asked first, with its help on :hint, and a bad answer is refused`() throws {
    var rehearsal = try rehearsal()
    #expect(rehearsal.plan.map(\.label) == ["The reason", "Last day?"])
    #expect(rehearsal.nextPlanItem?.step == "reason")
    #expect(rehearsal.handle(":hint", at: Self.t0) == .hint("One calm sentence."))
    #expect(rehearsal.handle(":why", at: Self.t0) == .rejected("':why' is not a command here. Type :hint for help, or :quit to end."))
    #expect(rehearsal.handle("We no longer fit.", at: Self.t0) == .kept(.answered(step: "reason", answer: "We no longer fit.", at: Self.t0)))
    guard case .rejected = rehearsal.handle("next fridy", at: Self.t0) else {
      Issue.record("a date that cannot be read was accepted")
      return
    }
    #expect(rehearsal.nextPlanItem?.step == "last-day")
    #expect(rehearsal.handle("tomorrow", at: Self.t0) == .kept(.answered(step: "last-day", answer: "2026-11-19", at: Self.t0)))
    #expect(rehearsal.nextPlanItem == nil)
    #expect(rehearsal.planText.hasPrefix("Conversation plan:\n  The reason: We no longer fit.\n  Last day?: 2026-11-19\n\nTalking points:"))
    // Now the client speaks, and :hint suggests an answer to the line.
    let client = try #require(rehearsal.nextClientLine)
    #expect(rehearsal.handle(":hint", at: Self.t0) == .hint(client.suggest))
  }

  @Test func `known values fill the plan; one its question does not accept is asked`() throws {
    let rehearsal = try rehearsal(known: ["ending_reason": "We no longer fit.", "last_day": "someday"])
    #expect(rehearsal.plan.map(\.answer) == ["We no longer fit.", nil])
    #expect(rehearsal.nextPlanItem?.step == "last-day")
  }

  @Test func `the review says which plan answers and points the lines reached`() throws {
    var rehearsal = try rehearsal(known: ["ending_reason": "Our ways of working no longer fit.", "last_day": "2026-12-31"])
    #expect(rehearsal.handle("I will finish the current project first, by 31 December 2026.", at: Self.t0) != .empty)
    #expect(rehearsal.handle(":quit", at: Self.t0) == .ended)
    let review = rehearsal.review(started: Self.t0, finished: Self.t0.addingTimeInterval(95))
    #expect(
      review == """
        Review: 1 of 2 replies answered in 95 s.
        Your plan in your words: 1 of 2
          + Last day?
          - The reason
        Talking points you reached: 1 of 1
          + We will finish the current project first.
        """)
  }

  @Test func `a rehearsal's journal rebuilds its plan as the path and values, and its status`() throws {
    let header = CaseHeader(
      playbook: "ending", title: "Ending", playbookFile: "ending.yaml", playbookHash: playbook.contentHash, client: "Jo",
      mode: .rehearse, started: Self.t0)
    let entries: [JournalEntry] = [
      .opened(header),
      .answered(step: "reason", answer: "We no longer fit.", at: Self.t0),
      .said(client: "You can't leave us.", you: "I understand.", at: Self.t0.addingTimeInterval(60)),
      .finished(step: "rehearsal", at: Self.t0.addingTimeInterval(120)),
    ]
    let state = try #require(Rehearsal.state(replaying: entries, playbook: playbook, timeZone: TimeZone(identifier: "UTC")!))
    #expect(state.path.map(\.step) == ["reason"])
    #expect(state.values == ["ending_reason": .text("We no longer fit.")])
    #expect(state.status == .completed)
    #expect(state.history == entries)
    let replayed = try replay(playbook, entries, timeZone: TimeZone(identifier: "UTC")!)
    #expect(replayed.engine.state == state)
    #expect(Rehearsal.state(replaying: Array(entries.dropLast()), playbook: playbook, timeZone: TimeZone(identifier: "UTC")!)?.status == .interrupted)
  }
}
