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
    let result = PlaybookLoader.load(data: Data(yaml.utf8), file: "t.yaml")
    #expect(result.diagnostics.map(\.code) == [.unknownName])
    #expect(result.diagnostics.first?.message == "condition: 'price' is not one of the items 'cost', 'time'")
  }
}
