import CasebookKit
import Foundation
import Testing

/// What is done with a draft is journaled: a copy once its file is written, an edit, and `:sent`.
@Suite struct DraftCommandTests {
  let playbook: Playbook
  let limitPrompt = Effect.ask(Prompt(step: "limit", completions: InSessionCommand.names, text: "> ", history: .values))
  let text = FilledDraft(step: "call", kind: .text, subject: nil, text: "Hi Dana, are you on your way?", number: 1)
  let email = FilledDraft(
    step: "call", kind: .email, subject: "Today", text: "Hi Dana, we had an appointment today.", number: 2)

  init() throws {
    playbook = try DraftCase.playbook()
  }

  /// The case at the question after the step that offers its two drafts.
  func offered() -> CaseEngine {
    var engine = DraftCase.started(playbook)
    _ = engine.handle(.input("no"), at: DraftCase.at(1))
    return engine
  }

  @Test func `sent marks the draft as it stands, says so, and asks again`() {
    var engine = offered()
    let before = engine.state
    #expect(engine.handle(.input(":sent 2"), at: DraftCase.at(2)) == [
      .persist(.draftSent(step: "call", number: 2, at: DraftCase.at(2))),
      .show(Output(.info, "Marked draft 2 (email) as sent.")),
      limitPrompt,
    ])
    #expect(engine.state.history == before.history + [.draftSent(step: "call", number: 2, at: DraftCase.at(2))])
    // Without a number: the latest draft, the step's last.
    #expect(engine.handle(.input(":sent"), at: DraftCase.at(3)) == [
      .reject("Draft 2 (email) was marked as sent already, at 09:02."), limitPrompt,
    ])
    #expect(engine.handle(.input(":sent text"), at: DraftCase.at(4)) == [
      .persist(.draftSent(step: "call", number: 1, at: DraftCase.at(4))),
      .show(Output(.info, "Marked draft 1 (text) as sent.")),
      limitPrompt,
    ])
  }

  @Test func `sent with no draft, or one the step does not have, is refused and changes nothing`() throws {
    var engine = DraftCase.started(playbook)
    let reachedPrompt = try #require(engine.handle(.input(":where"), at: DraftCase.at(1)).last)
    #expect(engine.handle(.input(":sent"), at: DraftCase.at(1)) == [
      .reject("There is no draft yet to mark as sent."), reachedPrompt,
    ])
    engine = offered()
    let before = engine.state
    #expect(engine.handle(.input(":sent 3"), at: DraftCase.at(2)) == [
      .reject("No draft '3' here. Type :sent with a number or a kind: 1 (text), 2 (email)."), limitPrompt,
    ])
    #expect(engine.state == before)
  }

  @Test func `an edit makes the draft unsent again, and is journaled as an edit`() {
    var engine = offered()
    _ = engine.handle(.input(":sent 2"), at: DraftCase.at(2))
    var edited = email
    edited.text = DraftCase.editedEmail
    _ = engine.handle(.draftEdited(edited), at: DraftCase.at(3))
    #expect(engine.state.draftEdits == [engine.state.history.count - 1])
    #expect(engine.handle(.input(":sent 2"), at: DraftCase.at(4)) == [
      .persist(.draftSent(step: "call", number: 2, at: DraftCase.at(4))),
      .show(Output(.info, "Marked draft 2 (email) as sent.")),
      limitPrompt,
    ])
  }

  @Test func `copy hands the draft to the adapter, which reports the copy back to be journaled`() {
    var engine = offered()
    #expect(engine.handle(.input(":copy 1"), at: DraftCase.at(2)) == [.copyDraft(text), limitPrompt])
    #expect(engine.handle(.draftCopied(text), at: DraftCase.at(3)) == [
      .persist(.draftCopied(step: "call", number: 1, at: DraftCase.at(3))), limitPrompt,
    ])
  }

  @Test func `sent is a command of its own, listed for Tab and in help`() {
    #expect(InSessionCommand.parse(":sent") == .success(.sent(nil)))
    #expect(InSessionCommand.parse(":SENT 2") == .success(.sent("2")))
    #expect(InSessionCommand.names.contains(":sent"))
    var engine = offered()
    let help = engine.handle(.input(":help"), at: DraftCase.at(2))
    guard case .show(let output)? = help.first else {
      Issue.record("no help shown: \(help)")
      return
    }
    let line = "\n  :sent [N]   mark the latest draft (or draft N) as sent; the record says so\n"
    #expect(output.text.contains(line), "\(output.text)")
  }

  @Test func `copies, edits and marks of sending fold back to the live state from the journal`() throws {
    let run = DraftCase.run(playbook)
    #expect(run.journal.contains(.draftCopied(step: "call", number: 2, at: DraftCase.at(9))))
    #expect(run.journal.contains(.draftSent(step: "call", number: 2, at: DraftCase.at(10))))
    #expect(run.engine.state.status == .completed)
    let replayed = try CaseEngine(playbook: playbook, replaying: run.journal, timeZone: DraftCase.utc)
    #expect(replayed.state.unfitEntries == [])
    #expect(replayed.state == run.engine.state)
    #expect(!replayed.state.draftEdits.isEmpty)
  }

  @Test func `the new entries are written and read back as the journal codec writes every entry`() throws {
    for entry: JournalEntry in [
      .draftCopied(step: "call", number: 2, at: DraftCase.at(3)),
      .draftSent(step: "call", number: nil, at: DraftCase.at(4)),
    ] {
      let decoded = try JournalCodec.decode(JournalCodec.encode(entry))
      #expect(decoded.entries == [entry])
    }
    let bytes = try JournalCodec.encode(.draftSent(step: "call", number: nil, at: DraftCase.at(4)))
    let line = String(decoding: bytes, as: UTF8.self)
    #expect(line.hasSuffix(#"{"draftSent":{"at":"2026-11-24T09:04:00Z","step":"call"}}"# + "\n"), "\(line)")
  }
}
