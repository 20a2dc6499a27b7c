@testable import CasebookKit
import Foundation
import Testing

/// docs/diagnostics.md lists every key the loader knows and every code it reports, both derived
/// here from the code, so the page cannot fall behind.
@Suite struct DiagnosticsDocTests {
  static let docs = (try? String(contentsOf: repositoryRoot().appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)) ?? ""

  /// Each kind of mapping, as the page names it, with the keys the loader allows in it.
  static let keyLists: [(String, [String])] = [
    ("at the top level", NodeReader.PlaybookKey.names),
    ("in a step", NodeReader.StepKey.names),
    ("in a choice", NodeReader.ChoiceKey.names),
    ("in a branch case", NodeReader.BranchCaseKey.names),
    ("in a checklist item", NodeReader.ChecklistItemKey.names),
    ("in an input (under `inputs`)", NodeReader.InputKey.names),
    ("in a draft (under `drafts`)", NodeReader.DraftKey.names),
    ("in an action (under `actions`)", NodeReader.ActionKey.names),
    ("in `rehearsal`", NodeReader.RehearsalKey.names),
    ("in a `prepare` entry", NodeReader.PreparationKey.names),
    ("in a talking point (under `points`)", NodeReader.PointKey.names),
    ("in a phrase to avoid (under `avoid`)", NodeReader.AvoidKey.names),
    ("in a reaction (under `reactions`)", NodeReader.ReactionKey.names),
    ("in a reply (under `replies`)", NodeReader.ReplyKey.names),
    ("in a practice scenario", NodeReader.ScenarioKey.names),
    ("in a scenario's answer written as a mapping (under `answers`)", NodeReader.AnswerKey.names),
    ("in a translation", NodeReader.TranslationKey.names),
    ("in a step's texts in a translation", NodeReader.StepTextKey.names),
    ("in a part file", NodeReader.PartKey.names),
  ]

  @Test func `docs/diagnostics.md lists every key of every kind of block`() {
    for (place, keys) in Self.keyLists {
      let line = "- \(place): " + keys.map { "`\($0)`" }.joined(separator: ", ")
      #expect(Self.docs.contains(line + "\n"), "docs/diagnostics.md lacks the line:\n\(line)")
    }
  }

  @Test func `docs/diagnostics.md has a section for every code, in the order of the code list`() {
    let headings = Self.docs.split(separator: "\n").filter { $0.hasPrefix("## ") }.map { String($0.dropFirst(3)) }
    let codes = DiagnosticCode.allCases.map(\.rawValue)
    #expect(headings.filter { codes.contains($0) } == codes)
  }

  @Test func `format 1 is read and another version is one error`() {
    let playbook = "id: t\ntitle: T\nstart: a\nsteps:\n  - id: a\n    end: Done.\n"
    #expect(loadInline("format: 1\n" + playbook).diagnostics.isEmpty)
    let newer = loadInline("format: 2\n" + playbook + "    later: key\n")
    #expect(newer.diagnostics.map(\.code) == [.unknownFormat])
    #expect(newer.diagnostics.first?.location.line == 1)
  }
}
