import CasebookKit
import Foundation
import Testing

/// record.md is for people: what happened and what was done with each draft, in the playbook's
/// words, never its ids or conditions (record.json keeps those).
@Suite struct CaseRecordRendererTests {
  @Test func `a case through a branch and an expiry reads without branch steps, conditions, timer names or step ids`() throws {
    let playbook = try DraftCase.playbook()
    let run = DraftCase.run(playbook)
    let record = CaseRecord(state: run.engine.state, playbook: playbook, timeZone: DraftCase.utc)
    // The record.json side keeps the branch steps, the otherwise and the expiry's timer.
    #expect(record.steps.map(\.id) == [
      "reached", "call", "limit", "tell", "arrived", "check", "keep", "check", "follow-up", "done",
    ])
    #expect(record.steps.map(\.expired) == [nil, nil, nil, nil, nil, nil, nil, "wait_limit", nil, nil])
    #expect(record.steps[5].text == "otherwise")

    let markdown = CaseRecordRenderer.markdown(record, timeZone: DraftCase.utc)
    for syntax in ["otherwise", "when ", "expired", "wait_limit", "wait\\_limit", " at `"] {
      #expect(!markdown.contains(syntax), "record.md shows '\(syntax)'")
    }
    for step in playbook.steps {
      #expect(!markdown.contains("`\(step.id)`"), "record.md shows the step id '\(step.id)'")
    }
    #expect(markdown == """
      # Waiting for a client

      - Client: Dana
      - Playbook: `wait` (live)
      - Status: completed
      - Started: 2026-11-24 09:00
      - Finished: 2026-11-24 09:28

      ## What happened

      1. 09:05 Did you reach them? **no**
      2. 09:05 Call them, then leave a message.
      3. 09:12 How long will you wait? **15m**
      4. 09:12 Tell them you will wait.
      5. 09:13 Have they arrived? **not-yet**
      6. 09:13 Keep waiting.
      7. 09:28 The wait limit ran out (15m).
      8. 09:28 Send a follow-up.
      9. 09:28 Done.

      Answers taken back:
      - 09:04 Did you reach them? **no**

      ## Drafts

      Text — Call them, then leave a message.
      Offered 09:01 · copied 09:03 · offered again 09:05.

          Hi Dana, are you on your way?

      Email — Call them, then leave a message.
      Offered 09:01 · offered again 09:05 · edited 09:07 · copied 09:09 · marked sent 09:10.
      Edited before sending; the offered text is in record.json.

          Subject: Today
          Hi Dana, sorry we missed each other.

      ## Values

      - Wait limit: 15m

      ## What was decided, and what comes next

      Done.

      """)
  }

  @Test func `record.json keeps every filling and edit, each with what was done with that text`() throws {
    let playbook = try DraftCase.playbook()
    let run = DraftCase.run(playbook)
    let drafts = CaseRecord(state: run.engine.state, playbook: playbook, timeZone: DraftCase.utc).drafts
    #expect(drafts.map(\.number) == [1, 2, 1, 2, 2])
    #expect(drafts.map(\.at) == [1, 1, 5, 5, 7].map(DraftCase.at))
    #expect(drafts.map(\.edited) == [nil, nil, nil, nil, true])
    #expect(drafts.map(\.copied) == [[DraftCase.at(3)], nil, nil, nil, [DraftCase.at(9)]])
    #expect(drafts.map(\.sent) == [nil, nil, nil, nil, DraftCase.at(10)])
    #expect(drafts.last?.text == DraftCase.editedEmail)
  }

  @Test func `a draft marked sent and then offered again shows the text that was sent`() throws {
    let playbook = try DraftCase.playbook()
    var engine = DraftCase.started(playbook)
    _ = engine.handle(.input("no"), at: DraftCase.at(1))
    _ = engine.handle(.input(":sent 1"), at: DraftCase.at(2))
    _ = engine.handle(.input(":back"), at: DraftCase.at(3))
    _ = engine.handle(.input("no"), at: DraftCase.at(4))
    let record = CaseRecord(state: engine.state, playbook: playbook, timeZone: DraftCase.utc)
    let markdown = CaseRecordRenderer.markdown(record, timeZone: DraftCase.utc)
    #expect(markdown.contains("""
      Text — Call them, then leave a message.
      Offered 09:01 · marked sent 09:02 · offered again 09:04.
      Offered again after it was marked sent; the later text is in record.json.

          Hi Dana, are you on your way?

      Email — Call them, then leave a message.
      Offered 09:01 · offered again 09:04.

      """), "\(markdown)")
  }

  @Test func `a case left at a question names the question, not its step`() throws {
    let playbook = try DraftCase.playbook()
    var engine = DraftCase.started(playbook)
    _ = engine.handle(.input("no"), at: DraftCase.at(1))
    _ = engine.handle(.input(":quit"), at: DraftCase.at(2))
    let record = CaseRecord(state: engine.state, playbook: playbook, timeZone: DraftCase.utc)
    #expect(record.current == "limit")
    #expect(record.currentText == "How long will you wait?")
    let markdown = CaseRecordRenderer.markdown(record, timeZone: DraftCase.utc)
    #expect(markdown.hasSuffix("""
      ## What was decided, and what comes next

      Not decided yet: the case was left at the question 'How long will you wait?'.
      Resume it with `casebook resume`.

      """), "\(markdown)")
  }
}
