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
  let utc = TimeZone(identifier: "UTC")!

  init() throws {
    let result = PlaybookLoader.load(data: Data(Self.yaml.utf8), file: "ending.yaml")
    #expect(result.diagnostics == [])
    playbook = try #require(result.playbook)
  }

  /// A rehearsal begun at t0, asking the plan (a terminal), with `known` values given.
  func rehearsal(known: [String: String] = [:], asksPlan: Bool = true) -> (engine: CaseEngine, begun: [Effect]) {
    var header = CaseHeader(
      playbook: "ending", title: "Ending", playbookFile: "ending.yaml", playbookHash: playbook.contentHash,
      client: "Jo", mode: .rehearse, started: Self.t0)
    header.carried = known.isEmpty ? nil : .init(from: "--set", values: known)
    header.rehearsal = .init(seed: 1, turns: 6, asksPlan: asksPlan)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: utc)
    let begun = engine.handle(.begin, at: Self.t0)
    return (engine, begun)
  }

  static func planPrompt(_ step: StepID) -> Effect { .ask(Prompt(step: step, completions: [":hint", ":quit"], text: "> ", history: .commandsOnly)) }
  static let youPrompt = Effect.ask(Prompt(step: "rehearse", completions: [":hint", ":quit"], text: "you> ", history: .commandsOnly))

  @Test func `the plan is asked first, with its help on :hint, and a bad answer is refused`() throws {
    var (engine, begun) = rehearsal()
    #expect(begun.suffix(4) == [
      .show(Output(.info, "\nFirst, the conversation plan. :hint helps, :quit ends.")),
      .show(Output(.question, "Why is it ending?")),
      .show(Output(.choices, "  (type a short answer)")),
      Self.planPrompt("reason"),
    ])
    #expect(engine.handle(.input(":hint"), at: Self.t0) == [.show(Output(.info, "  Suggestion: One calm sentence.")), Self.planPrompt("reason")])
    #expect(engine.handle(.input(":why"), at: Self.t0)
      == [.reject("':why' is not a command here. Type :hint for help, or :quit to end."), Self.planPrompt("reason")])
    #expect(engine.handle(.input("We no longer fit."), at: Self.t0).first == .persist(.answered(step: "reason", answer: "We no longer fit.", at: Self.t0)))
    guard case .reject? = engine.handle(.input("next fridy"), at: Self.t0).first else {
      Issue.record("a date that cannot be read was accepted")
      return
    }
    let planned = engine.handle(.input("tomorrow"), at: Self.t0)
    #expect(planned.first == .persist(.answered(step: "last-day", answer: "2026-11-19", at: Self.t0)))
    guard case .show(let planText)? = planned.dropFirst().first else {
      Issue.record("no plan shown: \(planned)")
      return
    }
    #expect(planText.text.hasPrefix("\nConversation plan:\n  The reason: We no longer fit.\n  Last day?: 2026-11-19\n\nTalking points:"))
    #expect(planned.last == Self.youPrompt)
    // Now the client speaks, and :hint suggests an answer to the line.
    let plan = try #require(RehearsalPlan(engine.state, playbook: playbook))
    let reply = try #require(plan.order.first)
    #expect(planned.dropLast().last == .show(Output(.info, "\nClient: \(reply.client)")))
    #expect(engine.handle(.input(":hint"), at: Self.t0) == [.show(Output(.info, "  Suggestion: \(reply.suggest)")), Self.youPrompt])
  }

  @Test func `an inferred date in the plan is shown back, :hint asks for it again, and Enter keeps it`() {
    var (engine, begun) = rehearsal(known: ["ending_reason": "We no longer fit."])
    #expect(begun.last == Self.planPrompt("last-day"))
    let confirmation = Effect.show(Output(.question, "Friday 20 November \u{2014} Enter to keep, or type again"))
    #expect(engine.handle(.input("fri"), at: Self.t0) == [confirmation, Self.planPrompt("last-day")])
    #expect(engine.handle(.input(":hint"), at: Self.t0) == [
      .show(Output(.info, "  Suggestion: Answer in your own words, as you would say it.")), confirmation,
      Self.planPrompt("last-day"),
    ])
    #expect(engine.handle(.input(""), at: Self.t0).first == .persist(.answered(step: "last-day", answer: "2026-11-20", at: Self.t0)))
    #expect(engine.state.values["last_day"] == .date(CivilDate(year: 2026, month: 11, day: 20)!))
    #expect(engine.pendingReading == nil)
  }

  @Test func `known values fill the plan; one its question does not accept is asked`() throws {
    let (engine, begun) = rehearsal(known: ["ending_reason": "We no longer fit.", "last_day": "someday"])
    let plan = try #require(RehearsalPlan(engine.state, playbook: playbook))
    #expect(plan.items.map(\.answer) == ["We no longer fit.", nil])
    #expect(begun.last == Self.planPrompt("last-day"))
  }

  @Test func `piped, the plan is not asked: what is not known is named with its --set`() throws {
    let (_, begun) = rehearsal(known: ["ending_reason": "We no longer fit."], asksPlan: false)
    #expect(begun.contains(.show(Output(.info, "Part of the plan is not prepared: give it with --set last_day=…, or --from CASE."))))
    #expect(begun.last == Self.youPrompt)
  }

  @Test func `the review says which plan answers and points the lines reached`() throws {
    var (engine, _) = rehearsal(known: ["ending_reason": "Our ways of working no longer fit.", "last_day": "2026-12-31"])
    _ = engine.handle(.input("I will finish the current project first, by 31 December 2026."), at: Self.t0)
    let ended = engine.handle(.input(":quit"), at: Self.t0.addingTimeInterval(95))
    #expect(ended == [
      .persist(.left(reason: .quit, at: Self.t0.addingTimeInterval(95))),
      .show(Output(.info, """

        Review: 1 of 2 replies answered in 95 s.
        Your plan in your words: 1 of 2
          + Last day?
          - The reason
        Talking points you reached: 1 of 1
          + We will finish the current project first.
        """)),
      .finish(.interrupted),
    ])
  }

  @Test func `a rehearsal folds through apply to the state it had live, and an old journal replays`() throws {
    var (live, _) = rehearsal(known: ["ending_reason": "We no longer fit."])
    _ = live.handle(.input("2026-12-31"), at: Self.t0.addingTimeInterval(30))
    _ = live.handle(.input("I understand."), at: Self.t0.addingTimeInterval(60))
    _ = live.handle(.input("I will, before the end."), at: Self.t0.addingTimeInterval(90))
    #expect(live.state.status == .completed)
    let replayed = try replay(playbook, live.state.history, timeZone: utc)
    #expect(replayed.skipped == [])
    #expect(replayed.engine.state == live.state)

    // A journal of the earlier format: no set-up in the header.
    let header = CaseHeader(
      playbook: "ending", title: "Ending", playbookFile: "ending.yaml", playbookHash: playbook.contentHash, client: "Jo",
      mode: .rehearse, started: Self.t0)
    let entries: [JournalEntry] = [
      .opened(header),
      .answered(step: "reason", answer: "We no longer fit.", at: Self.t0),
      .said(client: "You can't leave us.", you: "I understand.", at: Self.t0.addingTimeInterval(60)),
      .finished(step: "rehearsal", at: Self.t0.addingTimeInterval(120)),
    ]
    let old = try replay(playbook, entries, timeZone: utc).engine.state
    #expect(old.path.map(\.step) == ["reason"])
    #expect(old.values == ["ending_reason": .text("We no longer fit.")])
    #expect(old.status == .completed)
    #expect(old.history == entries)
    #expect(try replay(playbook, Array(entries.dropLast()), timeZone: utc).engine.state.status != .completed)
  }
}
