import CasebookKit
import Foundation
import Testing

/// Nesting beyond any real playbook is refused at its line, and long flat chains work: nothing
/// recurses without bound, in the checker, the engine or the template filler.
@Suite struct DeepNestingTests {
  /// A playbook whose branch has `when` and whose end step has `draft` (a double-quoted template).
  static func playbook(when condition: String = "reached", draft: String = "Hi {{client}}") -> String {
    """
    id: deep
    title: Deep
    start: ask
    steps:
      - id: ask
        ask: Reached them?
        save: reached
        choices:
          - answer: yes
            next: decide
          - answer: no
            next: decide
      - id: decide
        branch:
          - when: '\(condition)'
            next: done
          - next: done
      - id: done
        end: Done.
        drafts:
          - kind: email
            text: "\(draft)"

    """
  }

  static func load(_ text: String) -> PlaybookLoader.Result {
    PlaybookLoader.load(data: Data(text.utf8), file: "deep.yaml")
  }

  @Test(arguments: [
    String(repeating: "(", count: 20_000) + "reached" + String(repeating: ")", count: 20_000),
    String(repeating: "not ", count: 20_000) + "reached",
    String(repeating: "(not ", count: 10_000) + "reached" + String(repeating: ")", count: 10_000),
  ])
  func `a condition nested 20,000 deep is refused at its line`(condition: String) {
    let result = Self.load(Self.playbook(when: condition))
    #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
    #expect(result.diagnostics.first?.location.line == 15)
    #expect(result.diagnostics.first?.message.contains("more than 64 levels") == true)
  }

  @Test func `a condition nested 64 deep is read`() {
    let condition = String(repeating: "(not ", count: 32) + "reached" + String(repeating: ")", count: 32)
    #expect(Self.load(Self.playbook(when: condition)).diagnostics == [])
  }

  @Test func `a 20,000-term and chain loads, evaluates and stays shallow`() throws {
    let chain = Array(repeating: "reached", count: 20_000).joined(separator: " and ")
    let result = Self.load(Self.playbook(when: chain))
    #expect(result.diagnostics == [])
    guard case .success(let condition) = ConditionParser.parse(chain + " or reached == 'no'") else {
      Issue.record("the chain does not parse")
      return
    }
    let holds = ["yes", "no", "maybe"].map { ConditionEvaluator.holds(condition, in: ["reached": .text($0)]) }
    #expect(holds == [true, true, false])
    let depth = Self.depth(of: condition)
    #expect(depth <= 17)
    let operands = condition.operands.count
    #expect(operands == 20_002)
  }

  static func depth(of condition: Condition) -> Int {
    switch condition {
    case .compare, .truth, .expired: 1
    case .not(let inner): 1 + depth(of: inner)
    case .and(let left, let right), .or(let left, let right): 1 + max(depth(of: left), depth(of: right))
    }
  }

  @Test func `5,000 nested sections in a draft are refused at their line`() {
    let draft = String(repeating: "{{#client}}", count: 5_000) + "x" + String(repeating: "{{/client}}", count: 5_000)
    let result = Self.load(Self.playbook(draft: draft))
    #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
    #expect(result.diagnostics.first?.location.line == 22)
    #expect(result.diagnostics.first?.message == "draft template: sections nest more than 64 levels deep")
    #expect(DraftRenderer.fill(draft, with: ["client": "Ann"]) == draft)
  }

  @Test func `sections nested 64 deep fill as before`() {
    let draft = String(repeating: "{{#client}}", count: 64) + "{{client}}" + String(repeating: "{{/client}}", count: 64)
    #expect(DraftRenderer.validate(draft) == nil)
    #expect(DraftRenderer.fill(draft, with: ["client": "Ann"]) == "Ann")
  }

  @Test(arguments: [
    "x: " + String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000),
    "x:\n  " + String(repeating: "- ", count: 20_000) + "y",
    "x: " + String(repeating: "[", count: 300) + String(repeating: "]", count: 300) + "\ny: &y 1\nz: *y",
  ])
  func `deeply nested YAML is refused, not walked`(yaml: String) {
    let result = Self.load("id: deep\ntitle: Deep\nstart: a\n" + yaml + "\nsteps: []\n")
    #expect(result.diagnostics.map(\.code) == [.nestingTooDeep])
  }
}
