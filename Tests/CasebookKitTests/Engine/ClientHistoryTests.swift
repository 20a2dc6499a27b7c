import CasebookKit
import Foundation
import Testing

/// The client's history as playbooks read it: names that `check` types, conditions decided from
/// the header's history at the case's own start, and answers offered from it.
@Suite struct ClientHistoryTests {
  static let day: TimeInterval = 86_400
  static let started = Date(timeIntervalSince1970: 1_795_000_000)

  static let yaml = """
    id: t
    title: T
    start: before
    steps:
      - id: before
        ask: Has it happened before?
        save: before
        from_history: [history.no-show.ever, history.late-cancel.ever]
        choices:
          - answer: "no"
            next: pattern
          - answer: "yes"
            next: pattern
      - id: pattern
        branch:
          - when: history.no-show.90d >= 2 and history.last.no-show >= 2026-01-01
            next: root
          - next: once
      - id: root
        end: A pattern.
      - id: once
        end: Once.
    """

  static func history(_ ages: [(String, Double)]) -> ClientHistory {
    ClientHistory(cases: ages.enumerated().map { index, item in
      .init(case: "c\(index)", playbook: item.0, started: started.addingTimeInterval(-item.1 * day))
    })
  }

  func engine(history: ClientHistory?) throws -> CaseEngine { try begun(history: history).engine }

  func begun(history: ClientHistory?) throws -> (engine: CaseEngine, effects: [Effect]) {
    let playbook = try #require(loadInline(Self.yaml).playbook)
    var header = CaseHeader(
      playbook: "t", title: "T", playbookFile: "t.yaml", playbookHash: "", client: "Dana", mode: .live, started: Self.started)
    header.history = history
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    let effects = engine.handle(.begin, at: Self.started)
    return (engine, effects)
  }

  @Test func `history names read counts in a window, ever, and the latest day`() {
    #expect(HistoryName("history.no-show.90d") == .count(playbook: "no-show", days: 90))
    #expect(HistoryName("history.any.ever") == .count(playbook: nil, days: nil))
    #expect(HistoryName("history.last.no-show") == .last(playbook: "no-show"))
    #expect(HistoryName("history.no-show") == nil)
    #expect(HistoryName("history.no-show.90") == nil)
    let history = Self.history([("no-show", 10), ("no-show", 100), ("late-cancel", 5)])
    let utc = Calendar.gregorian(in: TimeZone(identifier: "UTC")!)
    #expect(history.value(of: .count(playbook: "no-show", days: 90), at: Self.started, calendar: utc) == .number(1))
    #expect(history.value(of: .count(playbook: nil, days: nil), at: Self.started, calendar: utc) == .number(3))
    #expect(history.value(of: .last(playbook: "team-mistake"), at: Self.started, calendar: utc) == nil)
  }

  @Test func `an empty line takes the history's answer, journaled as from history; a condition reads the history`() throws {
    var (engine, begun) = try begun(history: Self.history([("no-show", 10), ("no-show", 30)]))
    let shown = begun.compactMap { if case .show(let output) = $0 { output.text } else { nil } }
    #expect(shown.contains { $0.hasPrefix("Casebook found 2 earlier no-shows:") })
    let effects = engine.handle(.input(""), at: Self.started.addingTimeInterval(60))
    #expect(effects.contains(.persist(.answered(step: "before", answer: "yes", at: Self.started.addingTimeInterval(60), source: .history))))
    #expect(engine.state.path.last?.step == "root")
  }

  @Test func `a typed answer wins, and with no history an empty line is refused`() throws {
    var engine = try engine(history: Self.history([("no-show", 10)]))
    _ = engine.handle(.input("no"), at: Self.started)
    #expect(engine.state.path.last?.step == "once")
    var none = try self.engine(history: nil)
    let effects = none.handle(.input(""), at: Self.started)
    #expect(effects.contains { if case .reject = $0 { true } else { false } })
  }

  @Test func `check types history names and from_history like saved values`() {
    let bad = Self.yaml
      .replacingOccurrences(of: "history.no-show.90d >= 2", with: "history.no-show.90d == yes")
      .replacingOccurrences(of: "[history.no-show.ever, history.late-cancel.ever]", with: "[history.no-show.often]")
    let messages = loadInline(bad).diagnostics.map(\.message)
    #expect(messages.contains { $0.contains("'history.no-show.often' is not a history name") })
    #expect(messages.contains { $0.contains("cannot be compared") || $0.contains("yes") })
    #expect(loadInline(Self.yaml).diagnostics == [])
  }
}
