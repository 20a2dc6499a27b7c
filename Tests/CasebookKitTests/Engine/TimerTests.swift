import CasebookKit
import Foundation
import Testing

/// The wait-limit timer, driven by time passed in as values: no sleeping.
@Suite struct TimerTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)

  func engine() throws -> CaseEngine {
    try startedEngine("timer", started: Self.t0)
  }

  @Test func `a timer starts from the saved duration and the prompt carries its deadline`() throws {
    var engine = try engine()
    let effects = engine.handle(.input("15m"), at: Self.t0)
    let deadline = Self.t0.addingTimeInterval(900)
    #expect(engine.state.timers == ["wait_limit": deadline])
    #expect(effects.contains(.show(Output(.info, "Wait limit started: 15m, until 11:21."))))
    #expect(effects.last == .ask(Prompt(step: "arrived", completions: ["yes", "no"] + InSessionCommand.names, text: "> ", deadline: deadline)))
  }

  @Test func `a tick announces the expiry once, and only after the deadline`() throws {
    var engine = try engine()
    _ = engine.handle(.input("15m"), at: Self.t0)
    #expect(engine.handle(.tick, at: Self.t0.addingTimeInterval(899)) == [])
    #expect(engine.handle(.tick, at: Self.t0.addingTimeInterval(900)) == [.show(Output(.alert, "Wait limit of 15m reached"))])
    #expect(engine.handle(.tick, at: Self.t0.addingTimeInterval(960)) == [])
  }

  @Test func `a branch takes the expiry route once the limit has passed`() throws {
    var early = try engine()
    _ = early.handle(.input("15m"), at: Self.t0)
    _ = early.handle(.input("no"), at: Self.t0.addingTimeInterval(300))
    #expect(early.state.current == "arrived")
    #expect(early.state.path.last?.text == "otherwise")

    var late = try engine()
    _ = late.handle(.input("15m"), at: Self.t0)
    _ = late.handle(.input("no"), at: Self.t0.addingTimeInterval(901))
    #expect(late.state.status == .completed)
    #expect(late.state.path.map(\.step).suffix(2) == ["check", "follow-up"])
  }

  @Test func `expired needs a timer some step starts`() {
    let yaml = """
      id: t
      title: T
      start: l
      steps:
        - id: l
          ask: How long?
          input: duration
          save: wait_limit
          next: r
        - id: r
          branch:
            - when: wait_limit expired
              next: e
            - next: e
        - id: e
          end: Done.
      """
    let result = PlaybookLoader.load(data: Data(yaml.utf8), file: "t.yaml")
    #expect(result.diagnostics.map(\.code) == [.unknownName])
    #expect(result.diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 12, column: 15))
  }
}
