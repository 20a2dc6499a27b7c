import CasebookKit
import Foundation
import Testing

/// A wait limit stops once nothing ahead waits on it, or where the playbook says `stop:`.
@Suite struct TimerStopTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  static let yaml = """
    id: stops
    title: Stops
    start: limit
    steps:
      - id: limit
        ask: How long will you wait?
        input: duration
        save: wait_limit
        next: waiting
      - id: waiting
        say: Wait.
        timer: wait_limit
        next: arrived
      - id: arrived
        ask: Have they arrived?
        choices:
          - answer: "no"
            next: check
          - answer: replied
            next: rebook
          - answer: called
            next: call
      - id: check
        branch:
          - when: wait_limit expired
            next: done
          - next: arrived
      - id: rebook
        ask: New time?
        input: date
        next: done
      - id: call
        say: Call them.
        stop: wait_limit
        next: check
      - id: done
        end: Done.
    """

  func begun() throws -> CaseEngine {
    let playbook = try #require(loadInline(Self.yaml).playbook)
    let header = CaseHeader(
      playbook: "stops", title: "Stops", playbookFile: "t.yaml", playbookHash: "", client: nil, mode: .live, started: Self.t0)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = engine.handle(.begin, at: Self.t0)
    _ = engine.handle(.input("15m"), at: Self.t0)
    return engine
  }

  @Test func `leaving the part that waits on a limit stops it, and :back brings it back`() throws {
    var engine = try begun()
    #expect(engine.state.timers["wait_limit"] != nil)
    let replied = engine.handle(.input("replied"), at: Self.t0.addingTimeInterval(60))
    #expect(replied.contains(.show(Output(.info, "Wait limit stopped."))))
    #expect(engine.state.timers["wait_limit"] == nil)
    #expect(engine.screen.prompt("rebook").deadline == nil)
    // Never rings after it stopped.
    #expect(engine.handle(.tick, at: Self.t0.addingTimeInterval(3600)) == [.ask(engine.screen.prompt("rebook"))])
    _ = engine.handle(.input(":back"), at: Self.t0.addingTimeInterval(120))
    #expect(engine.state.timers["wait_limit"] == Self.t0.addingTimeInterval(900))
    #expect(engine.screen.prompt("arrived").deadline == Self.t0.addingTimeInterval(900))
  }

  @Test func `a step that says stop stops the limit, though a branch ahead still tests it`() throws {
    var engine = try begun()
    let called = engine.handle(.input("called"), at: Self.t0.addingTimeInterval(60))
    #expect(called.contains(.show(Output(.info, "Wait limit stopped."))))
    #expect(engine.state.timers["wait_limit"] == nil)
    #expect(engine.state.current == "arrived")
  }

  @Test func `a stop that names no timer is an error`() {
    let result = loadInline(Self.yaml.replacingOccurrences(of: "stop: wait_limit", with: "stop: wait_limt"))
    #expect(result.diagnostics.map(\.code) == [.unknownName])
    #expect(result.diagnostics.first?.message.contains("stops 'wait_limt'") == true)
  }
}
