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
  static let youPrompt = Effect.ask(Prompt(step: "rehearse", completions: [":hint", ":plan", ":quit"], text: "you> ", history: .commandsOnly))

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
    let reply = try #require(plan.nextReply)
    #expect(planned.dropLast().last == .show(Output(.spoken, "\nClient: \(reply.client)")))
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

  @Test func `the review names each part and point with the line that reached it`() throws {
    var (engine, _) = rehearsal(known: ["ending_reason": "Our ways of working no longer fit.", "last_day": "2026-12-31"])
    _ = engine.handle(.input("I will finish the current project first, and we work together until 31 December."), at: Self.t0)
    let ended = engine.handle(.input(":quit"), at: Self.t0.addingTimeInterval(95))
    let plan = try #require(RehearsalPlan(engine.state, playbook: playbook))
    let review = RehearsalReview.parts(of: plan)
    #expect(review.planCited == ["Last day?"])
    #expect(review.planMissed == ["The reason"])
    #expect(review.pointsReached == ["We will finish the current project first."])
    let lastDay = try #require(review.criteria?.first { $0.label == "Last day?" })
    #expect(lastDay.reached && lastDay.line == 1)
    #expect(review.moves?.first?.you == "I will finish the current project first, and we work together until 31 December.")
    guard case .show(let text)? = ended.dropFirst().first else {
      Issue.record("no review: \(ended)")
      return
    }
    #expect(text.text.hasPrefix("\nReview: 1 client line answered in about 2 minutes.\nYour plan in your words: 1 of 2\n  - The reason\n  + Last day?\n      line 1: \"I will finish"))
    #expect(ended.last == .finish(.interrupted))
  }

  @Test func `"until 31 December" and its other spellings reach the plan's end date; another date does not`() throws {
    let end = try #require(CivilDate(year: 2026, month: 12, day: 31))
    for line in [
      "We work together until 31 December.", "until December 31st", "right up to the 31st", "to the end of the month",
      "until the end of the year", "until 2026-12-31", "until 31/12", "jusqu'au 31 décembre",
    ] {
      #expect(RehearsalListener.names(end, in: line), "\(line)")
    }
    for line in ["until 30 December", "until the end of the week", "on the 31 st floor of 12 towers", "until 13 December"] {
      #expect(!RehearsalListener.names(end, in: line), "\(line)")
    }
    let november = try #require(CivilDate(year: 2026, month: 11, day: 20))
    #expect(!RehearsalListener.names(november, in: "until the end of the month"))
  }

  @Test func `a talking point parroted out of place does not count; said in answer, in one's own words, it does`() throws {
    let yaml = """
      id: thanks
      title: Thanks
      start: done
      steps:
        - id: done
          end: Done.
      rehearsal:
        points:
          - say: Thank you for the work we have done together.
            label: Thanks
            said: [thank*]
            answers: [opening, silent]
        replies:
          - client: What if we change how we work?
            mood: bargaining
            suggest: My decision stands.
      """
    let loaded = try #require(PlaybookLoader.load(data: Data(yaml.utf8), file: "thanks.yaml").playbook)
    func review(_ lines: [String], opens: Bool = false) throws -> CaseRecord.Review {
      var header = CaseHeader(
        playbook: "thanks", title: "Thanks", playbookFile: "thanks.yaml", playbookHash: loaded.contentHash, client: "Jo",
        mode: .rehearse, started: Self.t0)
      header.rehearsal = .init(seed: 1, turns: 1, asksPlan: false)
      var engine = CaseEngine(playbook: loaded, header: header, timeZone: utc)
      _ = engine.handle(.begin, at: Self.t0)
      for line in lines { _ = engine.handle(.input(line), at: Self.t0) }
      return RehearsalReview.parts(of: try #require(RehearsalPlan(engine.state, playbook: loaded)))
    }
    // In reply to "change how we work?": a copy of the point, and out of place, reaches nothing.
    #expect(try review(["Thank you for the work we have done together."]).pointsReached == [])
    #expect(try review(["Thanks, really, I'm grateful for all of it."]).pointsReached == [])
    // A stock line never counts, even where the point would.
    // Said in one's own words where it answers (the opening), it counts.
    var opening = try #require(loaded.rehearsal)
    opening.opens = .person
    let heard = ClientConversation(material: opening, items: [], persona: .calm, seed: 1, turns: 1, lines: ["Thanks, really, I'm grateful."])
    #expect(heard.heard.first?.points == ["Thanks"])
    #expect(RehearsalListener.isCopy("Well. Thank you for the work we have done together!", of: try #require(loaded.rehearsal)))
    #expect(!RehearsalListener.isCopy("Thanks, really, I'm grateful.", of: try #require(loaded.rehearsal)))
  }

  @Test func `every persona reaches an end, whatever is said, and a seed repeats the conversation exactly`() throws {
    let material = try #require(playbook.rehearsal)
    let lines = ["No.", "It's your fault.", "We will finish the current project first.", "I understand.", "Fine.", "Really?"]
    for persona in ClientPersona.allCases {
      for seed in UInt64(0)..<20 {
        var generator = SeededGenerator(seed: seed)
        let said = (0..<12).map { _ in lines[Int(generator.next() % UInt64(lines.count))] }
        let conversation = ClientConversation(material: material, items: [], persona: persona, seed: seed, turns: 6, lines: said)
        #expect(conversation.next == nil || conversation.accepted, "\(persona) seed \(seed) never ends")
        let again = ClientConversation(material: material, items: [], persona: persona, seed: seed, turns: 6, lines: said)
        #expect(again.answered == conversation.answered)
      }
    }
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
