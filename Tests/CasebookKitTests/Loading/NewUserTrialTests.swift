import CasebookKit
import Foundation
import Testing

/// What a new author's trial of `casebook check` found (issue 21): each mistake at its token,
/// with did-you-mean, and nothing reported that only follows from it.
@Suite struct NewUserTrialTests {
  /// The bundled no-show with one typo: the first place `old` stands.
  static func noShow(replacing old: String, with new: String) throws -> String {
    let text = try CascadeTests.bundled("no-show")
    let range = try #require(text.range(of: old))
    return text.replacingCharacters(in: range, with: new)
  }

  static func line(of fragment: String, in text: String) -> Int? {
    text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains(fragment) }.map { $0 + 1 }
  }

  @Test func `a typo in start after inputs is reported at the start value, as start, with did you mean`() throws {
    let text = try Self.noShow(replacing: "start: breathe\n", with: "start: breath\n")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.danglingNext])
    #expect(errors.first?.message == "'start' names step 'breath', which does not exist")
    #expect(errors.first.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (Self.line(of: "start: breath", in: text)!, 8))
    #expect(errors.first?.notes.first == "did you mean 'breathe'?")
  }

  @Test func `a start after inputs that names nothing close gives no unreachable steps`() throws {
    let text = try Self.noShow(replacing: "start: breathe\n", with: "start: zzzzzzzz\n")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.danglingNext])
  }

  @Test func `under-indented keys after an item's dash are told to move right, to the item's first key`() throws {
    let text = try Self.noShow(replacing: "    say: Take one slow breath.", with: "   say: Take one slow breath.")
    let (diagnostic, _) = YAMLErrorTests.report(text)
    #expect(diagnostic?.code == .yamlIndentation)
    #expect(diagnostic?.message == "YAML syntax: this line is indented 1 space less than the block it belongs to")
    #expect(diagnostic?.location.column == 4)
    #expect(diagnostic?.notes.first?.contains("start this key in column 5") == true)
  }

  @Test func `a choice's dash moved right is measured against the dashes of its list`() throws {
    let text = try Self.noShow(replacing: "      - answer: \"no\"\n", with: "       - answer: \"no\"\n")
    let (diagnostic, _) = YAMLErrorTests.report(text)
    #expect(diagnostic?.message == "YAML syntax: this line is indented 1 space more than the block it belongs to")
    #expect(diagnostic?.location.line == Self.line(of: "       - answer: \"no\"", in: text))
    #expect(diagnostic?.notes.first?.contains("start this list item in column 7") == true)
  }

  @Test func `an indentation halfway between two blocks names no column`() {
    let (diagnostic, _) = YAMLErrorTests.report("a:\n  b:\n    c: 1\n   d: 2\n")
    #expect(diagnostic?.code == .yamlIndentation)
    #expect(diagnostic?.message == "YAML syntax: this line's indentation matches no block above it")
    #expect(diagnostic?.notes.first?.contains("column") == false)
  }

  @Test func `a misspelt timer is one error: the condition that names the timer as meant is not another`() throws {
    let text = try Self.noShow(replacing: "timer: wait_limit\n", with: "timer: wait_limt\n")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.notes == ["did you mean 'wait_limit'?"])
  }

  @Test func `an input of a misspelt kind still saves its name`() throws {
    let text = try Self.noShow(replacing: "    input: duration\n    save: wait_limit", with: "    input: duraton\n    save: wait_limit")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.badInputKind])
  }

  @Test func `a misspelt save suggests save, not a key of another kind of step, and still saves its name`() throws {
    let text = try Self.noShow(replacing: "    save: wait_limit", with: "    saev: wait_limit")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.unknownKey])
    #expect(errors.first?.notes == ["did you mean 'save'?"])
  }

  @Test func `a misspelt saved name in when is an unknown name with did you mean`() throws {
    let text = try Self.noShow(replacing: "      - when: reached\n", with: "      - when: reachd\n")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.map(\.code) == [.unknownName])
    #expect(errors.first?.message.contains("did you mean 'reached'?") == true)
  }

  @Test func `a misspelt expired is suggested`() throws {
    let text = try Self.noShow(replacing: "when: wait_limit expired", with: "when: wait_limit expird")
    let errors = loadInline(text).diagnostics.filter { $0.severity == .error }
    #expect(errors.count == 1)
    #expect(errors.first?.message.hasSuffix("; did you mean 'expired'?") == true)
  }

  @Test func `one step hidden or feeding a loop is spoken of in the singular`() {
    let result = loadInline("""
      id: t
      title: T
      start: into
      steps:
        - id: into
          say: In.
          next: spin
        - id: spin
          say: Round.
          next: spun
        - id: spun
          say: And round.
          next: spin
      """)
    #expect(result.diagnostics.map(\.code) == [.noWayToEnd])
    #expect(result.diagnostics.first?.notes.last == "1 step leading only into it ('into') is not reported on its own")
  }

  @Test func `a repeated key is pointed at where it is repeated`() {
    let (diagnostic, _) = YAMLErrorTests.report("id: t\ntitle: T\nstart: a\nsteps:\n  - id: a\n    say: Go.\n    say: Again.\n    next: b\n")
    #expect(diagnostic?.code == .duplicateKey)
    #expect(diagnostic.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (7, 5))
  }

  @Test func `text that holds double quotes is told to use single quotes or a block`() {
    let (diagnostic, _) = YAMLErrorTests.report("id: t\ntitle: Say \"hi\": now\n")
    #expect(diagnostic?.code == .yamlUnquotedColon)
    #expect(diagnostic?.notes.first?.contains("single quotes") == true)
    #expect(diagnostic?.notes.first?.contains("|") == true)
  }
}
