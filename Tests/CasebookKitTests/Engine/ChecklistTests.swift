import CasebookKit
import Foundation
import Testing

@Suite struct ChecklistTests {
  func engine() throws -> CaseEngine {
    try startedEngine("checklist")
  }

  @Test func `items are ticked by number or word, saved in order, and tested with has`() throws {
    var engine = try engine()
    let at = Date(timeIntervalSince1970: 1)
    #expect(engine.handle(.input("4, avail"), at: at).first == .persist(.answered(step: "causes", answer: "availability, cost", at: at)))
    #expect(engine.state.values["causes"] == .items(["availability", "cost"]))
    #expect(engine.state.path.map(\.step) == ["causes", "route", "money", "done"])
  }

  @Test func `none ticks nothing, and an unknown item is refused with a hint`() throws {
    var engine = try engine()
    let at = Date(timeIntervalSince1970: 1)
    #expect(engine.handle(.input("cost fees"), at: at).first
      == .reject("'fees' is not an item here. Type the numbers or words of the items that apply, e.g. 1 3, or none."))
    #expect(engine.handle(.input("none"), at: at).first == .persist(.answered(step: "causes", answer: "none", at: at)))
    #expect(engine.state.values["causes"] == .items([]))
    #expect(engine.state.path.map(\.step) == ["causes", "route", "done"])
  }

  @Test func `has needs a checklist and one of its items`() {
    let yaml = """
      id: t
      title: T
      start: c
      steps:
        - id: c
          ask: Which?
          checklist:
            - item: cost
            - item: time
          save: causes
          next: r
        - id: r
          branch:
            - when: causes has price
              next: e
            - next: e
        - id: e
          end: Done.
      """
    let result = loadInline(yaml)
    #expect(result.diagnostics.map(\.code) == [.unknownName])
    #expect(result.diagnostics.first?.message == "condition: 'price' is not one of the items 'cost', 'time'")
  }
}

@Suite struct PracticeMaterialTests {
  @Test func `rehearsal material and practice scenarios are read and walked at load`() throws {
    let path = fixturesFolder().appendingPathComponent("valid/practice.yaml").path
    let result = PlaybookLoader.load(path: path)
    #expect(result.diagnostics == [])
    let playbook = try #require(result.playbook)
    #expect(playbook.rehearsal?.points.count == 2)
    #expect(playbook.rehearsal?.replies.first?.mood == "angry")
    let scenario = try #require(playbook.scenarios.first)
    #expect(scenario.name == "unreachable")
    #expect(scenario.answers == ["reached": "no", "wait": "15m"])
    #expect(scenario.feedback["reached"]?["yes"] == "You could not reach them in this scenario.")
  }

  @Test func `a scenario that stops short of an end is reported`() {
    let path = fixturesFolder().appendingPathComponent("valid/practice.yaml").path
    var text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    text = text.replacingOccurrences(of: "      wait: 15m\n", with: "")
    let result = PlaybookLoader.load(data: Data(text.utf8), file: "p.yaml")
    #expect(result.diagnostics.map(\.message) == ["practice scenario 'unreachable': gives no answer at step 'wait'"])
  }
}
