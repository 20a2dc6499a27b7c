import CasebookKit
import Foundation
import Testing

/// A date whose meaning was inferred is shown back as a question of its own before anything is
/// journaled: Enter keeps it, other text answers again, and the `:` commands still work.
@Suite struct DateConfirmationTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)  // Wednesday 2026-11-18T09:06:40Z
  static let utc = TimeZone(identifier: "UTC")!
  static let newTimePrompt = Effect.ask(Prompt(step: "new-time", completions: InSessionCommand.names, text: "> ", history: .values))
  static let waitPrompt = Effect.ask(Prompt(step: "wait-limit", completions: InSessionCommand.names, text: "> ", history: .values))
  static let hint = "type a date, e.g. friday 16:00, tomorrow 9am, 5/12 or 2026-12-05"

  func at(_ minutes: Double) -> Date { Self.t0.addingTimeInterval(minutes * 60) }

  /// A case of the small fixture asking "When is the new appointment?".
  func askingNewTime() throws -> CaseEngine {
    var engine = try startedEngine("small", client: "Dana Ruiz", started: Self.t0)
    _ = engine.handle(.input("no"), at: at(1))
    _ = engine.handle(.input("15m"), at: at(2))
    #expect(engine.state.current == "new-time")
    return engine
  }

  static func confirmation(_ reading: String) -> Effect {
    .show(Output(.question, "\(reading) \u{2014} Enter to keep, or type again"))
  }

  @Test func `friday 16:00 is shown back, nothing is journaled, and Enter keeps it as a direct answer would`() throws {
    var engine = try askingNewTime()
    let before = engine.state
    let asked = engine.handle(.input("friday 16:00"), at: at(3))
    #expect(asked == [Self.confirmation("Friday 20 November, 16:00"), Self.newTimePrompt])
    #expect(engine.state == before)
    #expect(engine.pendingReading?.canonical == "2026-11-20 16:00")
    // Left now, the case has nothing of the reading: replayed, it asks the question again.
    let replayed = try replay(engine.playbook, engine.state.history, timeZone: Self.utc).engine
    #expect(replayed.state == engine.state)
    #expect(replayed.pendingReading == nil)

    let kept = engine.handle(.input(""), at: at(4))
    var direct = try askingNewTime()
    let typed = direct.handle(.input("2026-11-20 16:00"), at: at(4))
    #expect(kept.first == .persist(.answered(step: "new-time", answer: "2026-11-20 16:00", at: at(4))))
    #expect(kept == typed)
    #expect(engine.state == direct.state)
    #expect(engine.state.values["new_time"] == .date(CivilDate(year: 2026, month: 11, day: 20, minuteOfDay: 960)!))
    #expect(engine.pendingReading == nil)
    #expect(try replay(engine.playbook, engine.state.history, timeZone: Self.utc).engine.state == engine.state)
  }

  @Test func `typing again replaces the reading, and an unambiguous answer is kept at once`() throws {
    var engine = try askingNewTime()
    _ = engine.handle(.input("friday 16:00"), at: at(3))
    #expect(engine.handle(.input("next friday 9am"), at: at(4)) == [Self.confirmation("Friday 27 November, 09:00"), Self.newTimePrompt])
    #expect(engine.pendingReading?.canonical == "2026-11-27 09:00")
    #expect(engine.handle(.input("tomorrow 9am"), at: at(5)).first == .persist(.answered(step: "new-time", answer: "2026-11-19 09:00", at: at(5))))
    #expect(engine.pendingReading == nil)
    #expect(engine.state.status == .completed)
  }

  @Test func `a rejected retype gets the usual hint and the question's own prompt, and Enter then keeps nothing`() throws {
    var engine = try askingNewTime()
    let before = engine.state
    _ = engine.handle(.input("friday 16:00"), at: at(3))
    #expect(engine.handle(.input("friday friday"), at: at(4)) == [.reject("'friday friday' is not understood: \(Self.hint)."), Self.newTimePrompt])
    #expect(engine.pendingReading == nil)
    #expect(engine.handle(.input(""), at: at(5)) == [.reject("An answer is needed: \(Self.hint)."), Self.newTimePrompt])
    #expect(engine.state == before)
  }

  @Test func `commands work while a reading waits: :help and :note ask for it again, :back takes back the reading, then the answer before`() throws {
    var engine = try askingNewTime()
    _ = engine.handle(.input("5/12"), at: at(3))
    let help = engine.handle(.input(":help"), at: at(4))
    guard case .show(let commands)? = help.first else {
      Issue.record("no help shown: \(help)")
      return
    }
    #expect(commands.text.hasPrefix("Commands:\n"))
    // The help is long: the question comes again under it, then the reading still waiting.
    #expect(help.first == .show(commands))
    #expect(help.suffix(2) == [Self.confirmation("Saturday 5 December"), Self.newTimePrompt])
    #expect(engine.handle(.input(":note she prefers mornings"), at: at(5)) == [
      .persist(.noted(text: "she prefers mornings", at: at(5))), .show(Output(.info, "Noted.")),
      Self.confirmation("Saturday 5 December"), Self.newTimePrompt,
    ])
    #expect(engine.handle(.input(":wher"), at: at(6)) == [
      .reject("unknown command :wher; did you mean :where?"), Self.confirmation("Saturday 5 December"), Self.newTimePrompt,
    ])
    #expect(engine.pendingReading?.canonical == "2026-12-05")
    let reading = engine.handle(.input(":back"), at: at(7))
    #expect(reading.first == .show(Output(.info, "Took back that reading.")))
    #expect(reading.last == Self.newTimePrompt)
    #expect(!reading.contains { if case .persist = $0 { true } else { false } })
    #expect(engine.pendingReading == nil)
    #expect(engine.state.current == "new-time")
    #expect(engine.handle(.input(":back"), at: at(7)) == [
      .persist(.undone(step: "wait-limit", at: at(7))),
      .show(Output(.info, "Took back '15m'.")),
      .show(Output(.question, "How long will you wait?")),
      .show(Output(.choices, "  (type a duration, e.g. 15m, 1h30m or 90s)")),
      Self.waitPrompt,
    ])
    #expect(engine.pendingReading == nil)
    #expect(engine.handle(.input(""), at: at(8)) == [.reject("An answer is needed: type a duration, e.g. 15m, 1h30m or 90s."), Self.waitPrompt])
  }

  @Test func `a wait limit that moves the case on leaves the reading behind: Enter then answers nothing`() throws {
    // A wait limit runs at "When did they rebook?"; its expiry leads to "When will you follow up?".
    var engine = try startedEngine("timer-rebook", started: Self.t0)
    _ = engine.handle(.input("15m"), at: Self.t0)
    #expect(engine.handle(.input("fri"), at: at(1)).first == Self.confirmation("Friday 20 November"))
    _ = engine.handle(.tick, at: at(15))
    #expect(engine.state.current == "follow-up")
    #expect(engine.pendingReading == nil)
    let prompt = Effect.ask(Prompt(step: "follow-up", completions: InSessionCommand.names, text: "> ", history: .values))
    #expect(engine.handle(.input(""), at: at(16)) == [.reject("An answer is needed: \(Self.hint)."), prompt])
    #expect(engine.state.values["new_time"] == nil)
  }

  @Test func `a day that falls in a later year is shown with its year`() throws {
    var engine = try askingNewTime()
    #expect(engine.handle(.input("5 jan 10am"), at: at(3)) == [Self.confirmation("Tuesday 5 January 2027, 10:00"), Self.newTimePrompt])
  }

  @Test func `a playbook test answering a date question with friday 16:00 confirms it with Enter`() throws {
    let playbook = try startedEngine("small").playbook
    let file = FileManager.default.temporaryDirectory.appendingPathComponent("dates-\(UUID().uuidString).tests.yaml").path
    try """
      playbook: small
      tests:
        - name: booked for friday
          answers:
            reached: "no"
            wait-limit: 15m
            new-time: friday 16:00
          expect:
            saved:
              new_time: 2027-01-22 16:00
      """.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let (suite, diagnostics) = PlaybookTestRunner.load(path: file)
    #expect(diagnostics == [])
    let test = try #require(suite?.tests.first)
    // The runner's clock stands at Friday 2027-01-15: a bare "friday" is the next one.
    let outcome = PlaybookTestRunner.run(test, on: playbook)
    #expect(outcome.failures == [])
    #expect(outcome.typed == ["no", "15m", "friday 16:00", ""])
  }
}
