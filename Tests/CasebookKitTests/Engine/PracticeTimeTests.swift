import CasebookKit
import Foundation
import Testing

/// Practice runs on the scenario's own time: a wait limit never waits on the clock.
@Suite struct PracticeTimeTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  let utc = TimeZone(identifier: "UTC")!

  @Test func `a practice wait limit runs out where the scenario says, not after real minutes`() throws {
    var engine = try startedEngine("timer", started: Self.t0, mode: .practice, scenario: "never-comes")
    let started = engine.handle(.input("15m"), at: Self.t0)
    guard case .ask(let prompt)? = started.last else {
      Issue.record("no question after the limit: \(started)")
      return
    }
    // No countdown to a real deadline, and :skip is offered.
    #expect(prompt.deadline == nil)
    #expect(prompt.completions.contains(":skip"))
    #expect(started.contains(.show(Output(.info,
      "Wait limit started: 15m, until 11:21. In practice, time passes as the scenario says; :skip lets it run out now."))))
    // A second after the limit was set, the scenario's word has it run out at `check`.
    let now = Self.t0.addingTimeInterval(1)
    let effects = engine.handle(.input("no"), at: now)
    #expect(effects == [
      .persist(.answered(step: "arrived", answer: "no", at: now)),
      .show(Output(.alert, "Time passes in this scenario. Wait limit of 15m reached")),
      .persist(.finished(step: "follow-up", at: now)),
      .show(Output(.outcome, "Send the follow-up.")),
      .show(Output(.info, "Practice 'never-comes': right first time 2 of 2.\n  [limit] 15m — recommended: 15m\n  [arrived] no — recommended: no")),
      .finish(.completed),
    ])
    #expect(engine.state.simulatedTime == 900)
    let replayed = try replay(engine.playbook, engine.state.history, timeZone: utc)
    #expect(replayed.skipped == [])
    #expect(replayed.engine.state == engine.state)
  }

  @Test func `in practice the clock alone never ends a wait limit; :skip does, and replays`() throws {
    var engine = try startedEngine("timer", started: Self.t0, mode: .practice, scenario: "never-comes")
    _ = engine.handle(.input("15m"), at: Self.t0)
    // An hour of real time: the limit has not run out in the scenario's time.
    let later = Self.t0.addingTimeInterval(3600)
    #expect(engine.handle(.tick, at: later) == [.ask(engine.screen.prompt("arrived"))])
    #expect(engine.state.current == "arrived")
    let skipped = engine.handle(.input(":skip"), at: later)
    #expect(skipped == [
      .persist(.skipped(timer: "wait_limit", at: later)),
      .persist(.expired(timer: "wait_limit", step: "arrived", at: later)),
      .show(Output(.alert, "Wait limit of 15m reached")),
      .persist(.finished(step: "follow-up", at: later)),
      .show(Output(.outcome, "Send the follow-up.")),
      .show(Output(.info, "Practice 'never-comes': right first time 1 of 1.\n  [limit] 15m — recommended: 15m")),
      .finish(.completed),
    ])
    let replayed = try replay(engine.playbook, engine.state.history, timeZone: utc)
    #expect(replayed.skipped == [])
    #expect(replayed.engine.state == engine.state)
  }

  @Test func `:skip outside practice is refused and changes nothing`() throws {
    var engine = try startedEngine("timer", started: Self.t0)
    _ = engine.handle(.input("15m"), at: Self.t0)
    let before = engine.state
    let effects = engine.handle(.input(":skip"), at: Self.t0)
    #expect(effects.first == .reject("':skip' is for practice; here a wait limit runs on the clock."))
    #expect(engine.state == before)
  }
}
