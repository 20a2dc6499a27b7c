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
    let keys: [Character: String] = ["1": "yes", "2": "no", "y": "yes", "n": "no"]
    #expect(
      effects.last
        == .ask(Prompt(step: "arrived", completions: ["yes", "no"] + InSessionCommand.names, text: "> ", deadline: deadline, singleKeys: keys)))
  }

  @Test func `a tick before the deadline does nothing; at the deadline it announces and takes the expiry branch`() throws {
    var engine = try engine()
    _ = engine.handle(.input("15m"), at: Self.t0)
    // Nothing changes: the same question is read on.
    #expect(engine.handle(.tick, at: Self.t0.addingTimeInterval(899)) == [.ask(engine.screen.prompt("arrived"))])
    #expect(engine.state.current == "arrived")
    let expiry = Self.t0.addingTimeInterval(900)
    let effects = engine.handle(.tick, at: expiry)
    #expect(
      effects == [
        .persist(.expired(timer: "wait_limit", step: "arrived", at: expiry)),
        .show(Output(.alert, "Wait limit of 15m reached")),
        .persist(.finished(step: "follow-up", at: expiry)),
        .show(Output(.outcome, "Send the follow-up.")),
        .finish(.completed),
      ])
    #expect(engine.state.path.map(\.step).suffix(2) == ["check", "follow-up"])
    #expect(engine.state.path.first { $0.step == "check" }?.text == "Wait limit of 15m reached before an answer to 'Have they arrived?': when wait_limit expired")
    #expect(engine.state.path.contains { $0.step == "arrived" } == false)
  }

  @Test func `replaying the journal takes the expiry branch again at the same question`() throws {
    var engine = try engine()
    _ = engine.handle(.input("15m"), at: Self.t0)
    _ = engine.handle(.tick, at: Self.t0.addingTimeInterval(905))
    let replayed = try replay(engine.playbook, engine.state.history, timeZone: TimeZone(identifier: "UTC")!)
    #expect(replayed.skipped == [])
    #expect(replayed.engine.state == engine.state)
  }

  @Test func `after a resume the timer shows the real time left, or takes the expiry branch once it has passed`() throws {
    var engine = try engine()
    _ = engine.handle(.input("15m"), at: Self.t0)
    _ = engine.handle(.endOfInput, at: Self.t0.addingTimeInterval(60))
    let utc = TimeZone(identifier: "UTC")!
    var early = try replay(engine.playbook, engine.state.history, timeZone: utc).engine
    let soon = early.handle(.resume, at: Self.t0.addingTimeInterval(300))
    #expect(soon.contains(.show(Output(.info, "Wait limit: 10m left, until 11:21."))))
    guard case .ask(let prompt)? = soon.last else {
      Issue.record("no question after resuming")
      return
    }
    #expect(prompt.deadline == Self.t0.addingTimeInterval(900))

    var late = try replay(engine.playbook, engine.state.history, timeZone: utc).engine
    let later = Self.t0.addingTimeInterval(3600)
    let effects = late.handle(.resume, at: later)
    #expect(effects.contains(.show(Output(.alert, "Wait limit of 15m reached"))))
    #expect(effects.contains(.persist(.expired(timer: "wait_limit", step: "arrived", at: later))))
    #expect(effects.last == .finish(.completed))
    #expect(late.state.path.last?.step == "follow-up")
  }

  /// Two timers: a short one with no branch at the question, and a longer one whose expiry leads
  /// back to a step that starts it again (chase, then wait again).
  static let twoTimers = """
    id: two
    title: Two
    start: limits
    steps:
      - id: limits
        ask: How long for the call?
        input: duration
        save: call_limit
        next: wait-limit
      - id: wait-limit
        ask: How long will you wait?
        input: duration
        save: wait_limit
        next: start
      - id: start
        say: Both start now.
        timer: call_limit
        next: restart
      - id: restart
        say: Waiting.
        timer: wait_limit
        next: arrived
      - id: arrived
        ask: Have they arrived?
        choices:
          - answer: "yes"
            next: done
          - answer: "no"
            next: check
      - id: check
        branch:
          - when: wait_limit expired
            next: restart
          - next: arrived
      - id: done
        end: Done.
    """

  @Test func `with two timers, the prompt counts down to the one still running, and a restarted timer can run out again after a replay`() throws {
    var engine = try begun(Self.twoTimers, id: "two")
    let playbook = engine.playbook
    _ = engine.handle(.input("1m"), at: Self.t0)
    _ = engine.handle(.input("5m"), at: Self.t0)
    #expect(engine.screen.prompt(engine.state.current!).deadline == Self.t0.addingTimeInterval(60))
    // The call limit has no branch here: announced only, and the prompt now counts to the wait limit.
    let callExpiry = Self.t0.addingTimeInterval(60)
    #expect(engine.handle(.tick, at: callExpiry) == [
      .persist(.expired(timer: "call_limit", step: "arrived", at: callExpiry)),
      .announce(Output(.alert, "Call limit of 1m reached")),
      .ask(engine.screen.prompt("arrived")),
    ])
    #expect(engine.screen.prompt(engine.state.current!).deadline == Self.t0.addingTimeInterval(300))
    // The wait limit's branch starts it again, for another five minutes.
    let expiry = Self.t0.addingTimeInterval(300)
    #expect(engine.handle(.tick, at: expiry).contains(.persist(.expired(timer: "wait_limit", step: "arrived", at: expiry))))
    #expect(engine.state.timers["wait_limit"] == expiry.addingTimeInterval(300))
    #expect(engine.screen.prompt(engine.state.current!).deadline == expiry.addingTimeInterval(300))
    let replayed = try replay(playbook, engine.state.history, timeZone: TimeZone(identifier: "UTC")!)
    #expect(replayed.skipped == [])
    #expect(replayed.engine.state.announcedTimers.contains("wait_limit") == false)
    #expect(replayed.engine.state.timers == engine.state.timers)
    // An announcement alone is journaled too: after a resume the passed call limit does not ring again.
    #expect(replayed.engine.state.announcedTimers.contains("call_limit"))

    // Resumed after the restarted limit ran out too: its branch leads back to the same question,
    // which is asked once.
    var resumed = replayed.engine
    let effects = resumed.handle(.resume, at: expiry.addingTimeInterval(900))
    #expect(effects.filter { if case .ask = $0 { true } else { false } }.count == 1)
    #expect(resumed.state.current == "arrived")
  }

  /// A playbook whose timer runs while a question that leads nowhere near its expiry is asked, and
  /// whose expiry case also needs an answer.
  static let detour = """
    id: detour
    title: Detour
    start: limit
    steps:
      - id: limit
        ask: How long?
        input: duration
        save: wait_limit
        next: start
      - id: start
        say: Waiting.
        timer: wait_limit
        next: note
      - id: note
        ask: Anything to note?
        input: text
        save: remark
        next: arrived
      - id: arrived
        ask: Have they arrived?
        save: reached
        choices:
          - answer: "yes"
            next: done
          - answer: "no"
            next: relay
      - id: relay
        say: Check the time.
        next: check
      - id: check
        branch:
          - when: wait_limit expired and remark == urgent
            next: call
          - when: not wait_limit expired
            next: arrived
          - next: done
      - id: call
        end: Call them.
      - id: done
        end: Done.
    """

  /// The detour playbook with a wait limit of 5 minutes started at `t0`.
  func detourEngine() throws -> CaseEngine {
    var engine = try begun(Self.detour, id: "detour")
    _ = engine.handle(.input("5m"), at: Self.t0)
    return engine
  }

  /// A live case of the playbook `yaml`, begun at `t0`.
  func begun(_ yaml: String, id: String) throws -> CaseEngine {
    let playbook = try #require(PlaybookLoader.load(data: Data(yaml.utf8), file: "\(id).yaml").playbook)
    let header = CaseHeader(
      playbook: id, title: playbook.title, playbookFile: "\(id).yaml", playbookHash: "", client: nil, mode: .live, started: Self.t0)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = engine.handle(.begin, at: engine.state.header.started)
    return engine
  }

  @Test func `an expiry with no branch reachable from the question is only announced`() throws {
    var engine = try detourEngine()
    // At a text question the answers lead to another question, not to a branch: announced above
    // the line being typed (and journaled, so a resume does not ring again), the question read on.
    let expiry = Self.t0.addingTimeInterval(300)
    #expect(engine.handle(.tick, at: expiry) == [
      .persist(.expired(timer: "wait_limit", step: "note", at: expiry)),
      .announce(Output(.alert, "Wait limit of 5m reached")),
      .ask(engine.screen.prompt("note")),
    ])
    #expect(engine.state.current == "note")
    #expect(engine.handle(.tick, at: Self.t0.addingTimeInterval(400)) == [.ask(engine.screen.prompt("note"))])
  }

  @Test func `the expiry case must hold: through a say step, a case that needs another value is passed over`() throws {
    func engine(remark: String) throws -> CaseEngine {
      var engine = try detourEngine()
      _ = engine.handle(.input(remark), at: Self.t0.addingTimeInterval(10))
      return engine
    }
    var urgent = try engine(remark: "urgent")
    let effects = urgent.handle(.tick, at: Self.t0.addingTimeInterval(300))
    #expect(effects.contains(.persist(.expired(timer: "wait_limit", step: "arrived", at: Self.t0.addingTimeInterval(300)))))
    #expect(urgent.state.path.last?.step == "call")
    // `not wait_limit expired` does not await the expiry, and `remark == urgent` does not hold.
    var calm = try engine(remark: "calm")
    let expiry = Self.t0.addingTimeInterval(300)
    #expect(calm.handle(.tick, at: expiry) == [
      .persist(.expired(timer: "wait_limit", step: "arrived", at: expiry)),
      .announce(Output(.alert, "Wait limit of 5m reached")),
      .ask(calm.screen.prompt("arrived")),
    ])
    #expect(calm.state.current == "arrived")
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
    let result = loadInline(yaml)
    #expect(result.diagnostics.map(\.code) == [.unknownName])
    #expect(result.diagnostics.first?.location == SourceLocation(file: "t.yaml", line: 12, column: 15))
  }
}
