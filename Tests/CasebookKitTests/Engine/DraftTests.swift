import CasebookKit
import Foundation
import Testing

@Suite struct DraftTests {
  @Test func `drafts are filled from the client and saved values, journaled as filled, and kept in the record`() throws {
    let path = fixturesFolder().appendingPathComponent("valid/drafts.yaml").path
    let result = PlaybookLoader.load(path: path)
    #expect(result.diagnostics == [])
    let playbook = try #require(result.playbook)
    let header = CaseHeader(
      playbook: "follow-up", title: playbook.title, playbookFile: path, playbookHash: "0", client: "Dana & Co",
      mode: .live, started: Date(timeIntervalSince1970: 0))
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = engine.handle(.begin, at: engine.state.header.started)
    let at = Date(timeIntervalSince1970: 60)
    let effects = engine.handle(.input("20m"), at: at)
    let email = "Hi Dana & Co,\n\nI waited 20 minutes for you today & hope all is well.\nReply with two times that suit you.\n"
    let text = "Hi Dana & Co, sorry we missed you today. When suits you to rebook?"
    #expect(effects == [
      .persist(.answered(step: "wait-limit", answer: "20m", at: at)),
      .show(Output(.instruction, "Send the follow-up now.")),
      .persist(.drafted(step: "send", kind: .email, subject: "Missed appointment, Dana & Co", text: email, at: at, number: 1)),
      .persist(.drafted(step: "send", kind: .text, subject: nil, text: text, at: at, number: 2)),
      .show(Output(
        .draft,
        "--- email draft 1 of 2, ready to copy (:copy 1) ---\nSubject: Missed appointment, Dana & Co\n\n\(email)--- end of draft ---\n\n"
          + "--- text draft 2 of 2, ready to copy (:copy 2) ---\n\(text)\n--- end of draft ---",
        shorter: [
          "--- email draft 1 of 2, ready to copy (:copy 1) ---\nSubject: Missed appointment, Dana & Co\n\n\(email)--- end of draft ---\n\n"
            + "Also ready (:show N reads one, :copy N copies it):\n  2 text  Hi Dana & Co, sorry we missed you today. When suits you…",
          "Drafts ready (:show N reads one, :copy N copies it):\n  1 email  Missed appointment, Dana & Co\n"
            + "  2 text   Hi Dana & Co, sorry we missed you today. When suits you…",
        ])),
      .persist(.finished(step: "done", at: at)),
      .show(Output(.outcome, "Log the no-show.")),
      .finish(.completed),
    ])
    let record = CaseRecord(state: engine.state, playbook: playbook, timeZone: TimeZone(identifier: "UTC")!)
    #expect(record.drafts.map(\.text) == [email, text])
    #expect(DraftHistory.latestStep(in: engine.state).map(\.kind) == [.email, .text])

    // A journal from before drafts were numbered replays to the same drafts, numbered.
    let unnumbered = engine.state.history.map { entry -> JournalEntry in
      guard case .drafted(let step, let kind, let subject, let text, let at, _) = entry else { return entry }
      return .drafted(step: step, kind: kind, subject: subject, text: text, at: at)
    }
    let replayed = try replay(playbook, unnumbered, timeZone: TimeZone(identifier: "UTC")!)
    #expect(CaseRecord(state: replayed.engine.state, playbook: playbook, timeZone: TimeZone(identifier: "UTC")!).drafts.map(\.number) == [1, 2])
    #expect(DraftHistory.latestStep(in: replayed.engine.state).map(\.kind) == [.email, .text])
    #expect(DraftRenderer.names(in: "{{a}} {{{b}}} {{#c}}{{/c}} {{^d}}{{/d}} {{! note}} {{&e}}") == ["a", "b", "c", "d", "e"])
  }

  @Test func `gaps left to fill are found in the subject and the text, each once`() {
    let draft = FilledDraft(
      step: "s", kind: .email, subject: "Our meeting on [day]",
      text: "Hi, it's [your name]. Book here: [booking link].\nSee [day]. Not a gap: [] or [a\nb] or [unclosed")
    #expect(draft.gaps == ["[day]", "[your name]", "[booking link]"])
    #expect(FilledDraft(step: "s", kind: .text, subject: nil, text: "All filled in.").gaps == [])
  }

  @Test func `a template that names nothing saved is an error at its line`() {
    let yaml = """
      id: t
      title: T
      start: s
      steps:
        - id: s
          say: Go.
          drafts:
            - kind: text
              text: "Hi {{clinet}}"
          next: e
        - id: e
          end: Done.
      """
    let result = loadInline(yaml)
    #expect(result.diagnostics.map(\.code) == [.unknownName])
    #expect(result.diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 9, column: 21))
    #expect(result.diagnostics.first?.notes == ["did you mean 'client'?"])
  }
}
