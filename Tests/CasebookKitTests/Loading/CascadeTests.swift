import CasebookKit
import Foundation
import Testing

/// A problem that follows from another is a note on it, never an error of its own; problems
/// independent of the others are reported whatever else is broken (docs/diagnostics.md).
@Suite struct CascadeTests {
  static func bundled(_ name: String) throws -> String {
    try String(contentsOf: repositoryRoot().appendingPathComponent("playbooks/\(name).yaml"), encoding: .utf8)
  }

  @Test func `one typo in the second step's next of a bundled playbook is one error, naming what it hides`() throws {
    let text = try Self.bundled("no-show").replacingOccurrences(of: "    next: booked-time\n", with: "    next: booked-tim\n")
    let result = loadInline(text)
    let errors = result.diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.danglingNext])
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("next: booked-tim") }
    #expect(errors.first?.location.line == line.map { $0 + 1 })
    #expect(errors.first?.location.column == 11)
    #expect(errors.first?.notes.first == "did you mean 'booked-time'?")
    #expect(errors.first?.notes.last?.hasPrefix("this hides ") == true)
    #expect(errors.first?.notes.last?.contains("steps reachable only through it ('booked-time'") == true)
  }

  @Test func `an orphan step and an exitless loop are reported beside a dangling next`() {
    let result = loadInline("""
      id: t
      title: T
      start: first
      steps:
        - id: first
          ask: Reached?
          choices:
            - answer: yes
              next: secnd
            - answer: no
              next: nowhere-at-all
        - id: second
          say: Go.
          next: last
        - id: orphan
          say: Nobody names me.
          next: last
        - id: spin
          say: Round.
          next: spun
        - id: spun
          say: And round.
          next: spin
        - id: last
          end: Done.
      """)
    let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.code.rawValue)" }
    #expect(found == [
      "9:15 dangling-next", "11:15 dangling-next", "15:5 unreachable-step", "18:5 no-way-to-end", "18:5 unreachable-step",
    ])
    #expect(result.diagnostics[0].notes.contains("did you mean 'second'?"))
    #expect(result.diagnostics[3].notes == ["it goes round with 'spun', and none of them leads to an end"])
  }

  @Test func `a chain of unreachable steps is one error at its head`() {
    let result = loadInline("""
      id: t
      title: T
      start: first
      steps:
        - id: first
          say: Go.
          next: last
        - id: lost
          say: One.
          next: lost-two
        - id: lost-two
          say: Two.
          next: lost-three
        - id: lost-three
          say: Three.
          next: last
        - id: last
          end: Done.
      """)
    #expect(result.diagnostics.map(\.code) == [.unreachableStep])
    #expect(result.diagnostics.first?.location.line == 8)
    #expect(result.diagnostics.first?.notes == ["2 steps reachable only through it ('lost-two', 'lost-three') are not reported on their own"])
  }

  @Test func `a step missing its next is taken to lead to the step below it`() {
    let result = loadInline("""
      id: t
      title: T
      start: first
      steps:
        - id: first
          say: Go.
        - id: last
          end: Done.
        - id: orphan
          say: Nobody.
          next: last
      """)
    #expect(result.diagnostics.map { "\($0.location.line) \($0.code.rawValue)" } == ["5 missing-next", "9 unreachable-step"])
  }

  @Test func `a timer, a stop and an action's from are reported at their value, with did you mean`() {
    let result = loadInline("""
      id: t
      title: T
      start: wait
      steps:
        - id: wait
          ask: How long?
          input: duration
          save: wait_limit
          next: call
        - id: call
          say: Call.
          timer: wait_limt
          next: when
        - id: when
          ask: New time?
          input: date
          save: new_time
          next: last
        - id: last
          end: Done.
          stop: wait_limitt
          actions:
            - do: Call back
              within: 1d
              from: new_tim
      """)
    let found = result.diagnostics.map { "\($0.location.line):\($0.location.column) \($0.notes.joined())" }
    #expect(found.contains("12:12 did you mean 'wait_limit'?"))
    #expect(found.contains("25:15 did you mean 'new_time'?"))
    #expect(result.diagnostics.contains { $0.location.line == 21 && $0.location.column == 11 })
  }
}
