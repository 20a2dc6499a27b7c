import CasebookKit
import Foundation
import Testing

@Suite struct CaseEngineTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18T09:06:40Z
  static let utc = TimeZone(identifier: "UTC")!

  let playbook: Playbook
  let header: CaseHeader

  init() throws {
    let path = fixturesFolder().appendingPathComponent("valid/small.yaml").path
    playbook = try #require(PlaybookLoader.load(path: path).playbook)
    header = CaseHeader(
      playbook: "small", title: "A small playbook", playbookFile: path, playbookHash: playbook.contentHash,
      client: "Dana Ruiz", mode: .live, started: Self.t0)
  }

  func at(_ seconds: Double) -> Date { Self.t0.addingTimeInterval(seconds) }

  func started() -> CaseEngine {
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: Self.utc)
    _ = engine.handle(.begin, at: engine.state.header.started)
    return engine
  }

  static let completions = ["yes", "no"] + InSessionCommand.names
  static let reachedPrompt = Effect.ask(
    Prompt(step: "reached", completions: completions, text: "> ", singleKeys: ["1": "yes", "2": "no", "y": "yes", "n": "no"]))
  static let waitPrompt = Effect.ask(Prompt(step: "wait-limit", completions: InSessionCommand.names, text: "> ", history: .values))

  @Test func `beginning journals the header, passes the say step and asks the first question`() {
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: Self.utc)
    let effects = engine.handle(.begin, at: engine.state.header.started)
    #expect(effects == [
      .persist(.opened(header)),
      .show(Output(.heading, "A small playbook · client: Dana Ruiz\nAnswer with a word or its number. :help lists commands.")),
      .show(Output(.instruction, "Call the client now; there may be a real emergency.")),
      .show(Output(.question, "Did you reach them?")),
      .show(Output(.choices, "  1 yes  Spoke to them\n  2 no")),
      Self.reachedPrompt,
    ])
    #expect(engine.state.current == "reached")
    #expect(engine.state.path.map(\.step) == ["reach-out"])
  }

  @Test func `an answer by number is journaled before the next question`() {
    var engine = started()
    let effects = engine.handle(.input("2"), at: at(10))
    #expect(effects == [
      .persist(.answered(step: "reached", answer: "no", at: at(10))),
      .show(Output(.question, "How long will you wait?")),
      .show(Output(.choices, "  (type a duration, e.g. 15m, 1h30m or 90s)")),
      Self.waitPrompt,
    ])
    #expect(engine.state.current == "wait-limit")
  }

  @Test func `a bad answer gets a hint and the same question, and changes nothing`() {
    var engine = started()
    let before = engine.state
    let effects = engine.handle(.input("maybe"), at: at(5))
    #expect(effects == [.reject("'maybe' is not an answer here. Type yes or no (or 1-2)."), Self.reachedPrompt])
    #expect(engine.state == before)
  }

  @Test(arguments: [("yes", "yes"), ("Y", "yes"), ("1", "yes"), ("spoke to them", "yes"), ("n", "no"), ("NO", "no")])
  func `answers are matched by word, number, label or unique start`(typed: String, answer: String) {
    var engine = started()
    let effects = engine.handle(.input(typed), at: at(1))
    #expect(effects.first == .persist(.answered(step: "reached", answer: answer, at: at(1))))
  }

  @Test func `single keys: a number up to nine, and a first letter no other answer shares`() {
    func choices(_ words: String...) -> [Choice] { words.map { Choice(answer: $0, next: "x", location: SourceLocation(file: "t.yaml", line: 1, column: 1)) } }
    #expect(AnswerReader.singleKeys(for: choices("coming", "cannot", "emergency")) == ["1": "coming", "2": "cannot", "3": "emergency", "e": "emergency"])
    // Ten choices: "1" could begin "10", so numbers need Enter.
    let ten = choices("a0", "b1", "c2", "d3", "e4", "f5", "g6", "h7", "i8", "j9")
    let tenKeys = AnswerReader.singleKeys(for: ten).keys.map(\.isLetter)
    #expect(tenKeys.count == 10 && !tenKeys.contains(false))
    // An answer that starts with a digit could be typed out, so numbers need Enter.
    #expect(AnswerReader.singleKeys(for: choices("15m", "later")) == ["l": "later"])
    #expect(AnswerReader.singleKeys(for: choices("no", "not-yet")) == ["1": "no", "2": "not-yet"])
  }

  @Test func `single keys are for live use only: coaching and practice answer with Enter`() {
    for mode in [CaseMode.coach, .practice] {
      var header = header
      header.mode = mode
      var engine = CaseEngine(playbook: playbook, header: header, timeZone: Self.utc)
      guard case .ask(let prompt)? = engine.handle(.begin, at: engine.state.header.started).last else {
        Issue.record("no prompt")
        continue
      }
      #expect(prompt.singleKeys == [:])
    }
  }

  @Test func `a duration is saved in its canonical form and a bad one is refused`() {
    var engine = started()
    _ = engine.handle(.input("no"), at: at(1))
    let refused = engine.handle(.input("soon"), at: at(2))
    #expect(refused == [.reject("'soon' is not understood: type a duration, e.g. 15m, 1h30m or 90s."), Self.waitPrompt])
    let accepted = engine.handle(.input("1h 30m"), at: at(3))
    #expect(accepted.first == .persist(.answered(step: "wait-limit", answer: "1h30m", at: at(3))))
    #expect(engine.state.values == ["wait_limit": .duration(seconds: 5400)])
  }

  @Test func `back takes the last answer back, restores values, and the history keeps both`() {
    var engine = started()
    _ = engine.handle(.input("no"), at: at(1))
    _ = engine.handle(.input("15m"), at: at(2))
    #expect(engine.state.values["wait_limit"] == .duration(seconds: 900))
    let effects = engine.handle(.input(":back"), at: at(3))
    #expect(effects == [
      .persist(.undone(step: "wait-limit", at: at(3))),
      .show(Output(.info, "Took back '15m'.")),
      .show(Output(.question, "How long will you wait?")),
      .show(Output(.choices, "  (type a duration, e.g. 15m, 1h30m or 90s)")),
      Self.waitPrompt,
    ])
    #expect(engine.state.values == [:])
    #expect(engine.state.current == "wait-limit")
    #expect(engine.state.history.count == 4)
  }

  @Test func `back with nothing answered is refused`() {
    var engine = started()
    #expect(engine.handle(.input(":back"), at: at(1)) == [.reject("Nothing to take back yet."), Self.reachedPrompt])
  }

  @Test func `reaching an end journals it, shows the outcome and finishes`() {
    var engine = started()
    _ = engine.handle(.input("yes"), at: at(1))
    let effects = engine.handle(.input("agreed"), at: at(2))
    #expect(effects == [
      .persist(.answered(step: "reschedule", answer: "agreed", at: at(2))),
      .persist(.finished(step: "done", at: at(2))),
      .show(Output(.outcome, "Wait, then send the follow-up.")),
      .finish(.completed),
    ])
    #expect(engine.state.status == .completed)
    #expect(engine.state.values == ["agreed": .text("agreed")])
    #expect(engine.state.path.map(\.step) == ["reach-out", "reached", "reschedule", "done"])
  }

  @Test func `end of input leaves the case interrupted`() {
    var engine = started()
    #expect(engine.handle(.endOfInput, at: at(4)) == [.persist(.left(reason: .endOfInput, at: at(4))), .finish(.interrupted)])
    #expect(engine.state.status == .interrupted)
  }

  @Test func `a note is journaled and the question asked again`() {
    var engine = started()
    let effects = engine.handle(.input(":note  upset, call back "), at: at(1))
    #expect(effects == [.persist(.noted(text: "upset, call back", at: at(1))), .show(Output(.info, "Noted.")), Self.reachedPrompt])
  }

  @Test func `an unknown command suggests the nearest`() {
    var engine = started()
    #expect(engine.handle(.input(":wher"), at: at(1)) == [.reject("unknown command :wher; did you mean :where?"), Self.reachedPrompt])
  }

  @Test func `replaying the journal rebuilds exactly the live state`() throws {
    var live = CaseEngine(playbook: playbook, header: header, timeZone: Self.utc)
    var journal: [JournalEntry] = []
    func collect(_ effects: [Effect]) {
      for case .persist(let entry) in effects { journal.append(entry) }
    }
    collect(live.handle(.begin, at: live.state.header.started))
    collect(live.handle(.input("no"), at: at(1)))
    collect(live.handle(.input(":note left a voicemail"), at: at(2)))
    collect(live.handle(.input("20m"), at: at(3)))
    collect(live.handle(.input(":back"), at: at(4)))
    collect(live.handle(.input("25"), at: at(5)))
    collect(live.handle(.input(":quit"), at: at(6)))
    let replayed = try replay(playbook, journal, timeZone: Self.utc)
    #expect(replayed.skipped == [])
    #expect(replayed.engine.state == live.state)
    #expect(replayed.engine.state.values == ["wait_limit": .duration(seconds: 1500)])
    #expect(replayed.engine.state.current == "new-time")
  }

  @Test func `a journal from a newer format is refused`() {
    var newer = header
    newer.format = CaseHeader.currentFormat + 1
    #expect(throws: CaseEngine.ReplayError.newerFormat(CaseHeader.currentFormat + 1)) {
      try replay(playbook, [.opened(newer)], timeZone: Self.utc)
    }
  }

  @Test func `today and tomorrow are read in the case's time zone`() {
    var engine = started()
    _ = engine.handle(.input("no"), at: at(1))
    _ = engine.handle(.input("15m"), at: at(2))
    _ = engine.handle(.input("tomorrow 14:30"), at: at(3))
    #expect(engine.state.values["new_time"] == .date(CivilDate(year: 2026, month: 11, day: 19, minuteOfDay: 870)!))
  }
}
