import CasebookKit
import Foundation
import Testing

@Suite struct ActionTests {
  @Test func `an end step's actions get due dates from the case's first day or a saved date`() throws {
    let path = fixturesFolder().appendingPathComponent("valid/actions.yaml").path
    let result = PlaybookLoader.load(path: path)
    #expect(result.diagnostics == [])
    let playbook = try #require(result.playbook)
    let started = Date(timeIntervalSince1970: 1_795_000_000)  // 2026-11-18 (UTC)
    let header = CaseHeader(
      playbook: "rebook", title: playbook.title, playbookFile: path, playbookHash: "0", client: "Kim", mode: .live,
      started: started)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = engine.handle(.begin, at: engine.state.header.started)
    let effects = engine.handle(.input("2026-11-20 10:00"), at: started)
    #expect(effects.contains(.show(Output(.outcome, """
      Next:
        - Send the written confirmation (by 2026-11-19)
        - Check they came (by 2026-11-20)
        - Review the no-show policy
      """))))
    let record = CaseRecord(state: engine.state, playbook: playbook, timeZone: TimeZone(identifier: "UTC")!)
    #expect(record.outcome?.decision == "Rebook instead of charging the fee")
    #expect(record.nextActions == [
      .init(text: "Send the written confirmation", due: CivilDate(year: 2026, month: 11, day: 19)),
      .init(text: "Check they came", due: CivilDate(year: 2026, month: 11, day: 20)),
      .init(text: "Review the no-show policy", due: nil),
    ])
  }

  /// 2026-11-18 11:06:40 UTC: already 01:06 on 2026-11-19 at UTC+14.
  static let started = Date(timeIntervalSince1970: 1_795_000_000)

  /// A case of the `rebook` fixture for Kim, begun at ``started`` in `timeZone`, rebooked for
  /// 2026-11-20 10:00 and so complete.
  func rebooked(in timeZone: TimeZone) throws -> CaseEngine {
    let path = fixturesFolder().appendingPathComponent("valid/actions.yaml").path
    let playbook = try #require(PlaybookLoader.load(path: path).playbook)
    let header = CaseHeader(
      playbook: "rebook", title: playbook.title, playbookFile: path, playbookHash: "0", client: "Kim", mode: .live,
      started: Self.started)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: timeZone)
    _ = engine.handle(.begin, at: engine.state.header.started)
    _ = engine.handle(.input("2026-11-20 10:00"), at: Self.started)
    return engine
  }

  @Test(arguments: [("UTC", "2026-11-19"), ("Pacific/Kiritimati", "2026-11-20"), ("America/St_Johns", "2026-11-19")])
  func `due dates count from the case's first day in the zone the record is built in`(zone: String, due: String) throws {
    let timeZone = try #require(TimeZone(identifier: zone))
    let engine = try rebooked(in: timeZone)
    let replayed = try replay(engine.playbook, engine.state.history, timeZone: timeZone)
    let record = CaseRecord(state: replayed.engine.state, playbook: engine.playbook, timeZone: timeZone)
    #expect(record.nextActions.map(\.due?.description) == [due, "2026-11-20", nil])
  }

  @Test func `a done mark finds its action by number and text, and by text alone when the numbers moved`() throws {
    let utc = TimeZone(identifier: "UTC")!
    let engine = try rebooked(in: utc)
    let done = Self.started.addingTimeInterval(3600)
    var history = engine.state.history
    // Number 1 as listed when a fourth action came first: the text finds it at its place now.
    history.append(.actionDone(action: 2, text: "Send the written confirmation", at: done))
    history.append(.actionDone(action: 2, text: "Check they came", at: done))
    history.append(.actionReopened(action: 2, at: done))
    let replayed = try replay(engine.playbook, history, timeZone: utc)
    let record = CaseRecord(state: replayed.engine.state, playbook: engine.playbook, timeZone: utc)
    #expect(record.nextActions.map(\.done) == [done, nil, nil])
  }

  @Test(arguments: [("3d", 3), ("3 days", 3), ("2w", 14), ("48h", 2), ("1h", 1), ("0d", 0)])
  func `within reads days and weeks`(text: String, days: Int) {
    #expect(PlannedAction.parseDays(text) == days)
  }

  @Test func `a bad within and a from that is not a saved date are errors`() {
    let yaml = """
      id: t
      title: T
      start: n
      steps:
        - id: n
          ask: How many?
          input: number
          save: count
          next: e
        - id: e
          end: Done.
          actions:
            - do: Call back
              within: soon
            - do: Check
              within: 1d
              from: count
      """
    let result = loadInline(yaml)
    #expect(result.diagnostics.map(\.code) == [.wrongType, .typeMismatch])
    #expect(result.diagnostics.map(\.location.line) == [14, 17])
  }
}
