import CasebookKit
import Foundation
import Testing

/// A short wait for a client: two drafts at a step that `:back` can enter again, a wait limit, a
/// branch with an `otherwise`, and the branch its expiry takes.
enum DraftCase {
  static let yaml = """
    id: wait
    title: Waiting for a client
    start: reached
    steps:
      - id: reached
        ask: Did you reach them?
        choices:
          - answer: "no"
            next: call
          - answer: "yes"
            next: done
      - id: call
        say: Call them, then leave a message.
        drafts:
          - kind: text
            text: "Hi {{client}}, are you on your way?"
          - kind: email
            subject: Today
            text: "Hi {{client}}, we had an appointment today."
        next: limit
      - id: limit
        ask: How long will you wait?
        input: duration
        save: wait_limit
        next: tell
      - id: tell
        say: Tell them you will wait.
        timer: wait_limit
        next: arrived
      - id: arrived
        ask: Have they arrived?
        choices:
          - answer: "yes"
            next: done
          - answer: not-yet
            next: check
      - id: check
        branch:
          - when: wait_limit expired
            next: follow-up
          - next: keep
      - id: keep
        say: Keep waiting.
        next: arrived
      - id: follow-up
        say: Send a follow-up.
        next: done
      - id: done
        end: Done.
    """

  /// 2026-11-24 09:00 UTC.
  static let t0 = Date(timeIntervalSince1970: 1_795_510_800)
  static let utc = TimeZone(identifier: "UTC")!

  /// `t0` plus `minutes`.
  static func at(_ minutes: Double) -> Date { t0.addingTimeInterval(minutes * 60) }

  static func playbook(sourceLocation: Testing.SourceLocation = #_sourceLocation) throws -> Playbook {
    let result = loadInline(yaml)
    #expect(result.diagnostics == [], sourceLocation: sourceLocation)
    return try #require(result.playbook, sourceLocation: sourceLocation)
  }

  /// The case begun at `t0` for the client Dana, its first question asked.
  static func started(_ playbook: Playbook) -> CaseEngine {
    let header = CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
      client: "Dana", mode: .live, started: t0)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: utc)
    _ = engine.handle(.begin, at: t0)
    return engine
  }

  /// The email as the person edits it.
  static let editedEmail = "Hi Dana, sorry we missed each other."

  /// The whole case, one event a minute (the expiry at 09:28): the text copied, `:back` and the
  /// drafts offered again, the email edited, copied and marked sent (twice: the second is refused),
  /// a wait of 15m, `not-yet` through the branch's `otherwise`, then the limit running out.
  /// - Returns: The engine and every entry it asked to persist, in order.
  static func run(_ playbook: Playbook) -> (engine: CaseEngine, journal: [JournalEntry]) {
    var engine = started(playbook)
    var journal = engine.state.history
    func handle(_ event: Event, _ minute: Double) {
      for case .persist(let entry) in engine.handle(event, at: at(minute)) { journal.append(entry) }
    }
    let text = FilledDraft(step: "call", kind: .text, subject: nil, text: "Hi Dana, are you on your way?", number: 1)
    let email = FilledDraft(
      step: "call", kind: .email, subject: "Today", text: "Hi Dana, we had an appointment today.", number: 2)
    var edited = email
    edited.text = editedEmail
    let events: [Event] = [
      .input("no"), .input(":copy 1"), .draftCopied(text), .input(":back"), .input("no"), .input(":edit 2"),
      .draftEdited(edited), .input(":copy 2"), .draftCopied(edited), .input(":sent 2"), .input(":sent 2"),
      .input("15m"), .input("not-yet"),
    ]
    for (index, event) in events.enumerated() { handle(event, Double(index + 1)) }
    handle(.tick, 28)
    return (engine, journal)
  }
}
