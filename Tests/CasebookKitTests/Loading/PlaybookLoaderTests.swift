import CasebookKit
import Foundation
import Testing

@Suite struct PlaybookLoaderTests {
  static let invalidFolder = fixturesFolder().appendingPathComponent("invalid")
  static let invalidFixtures: [String] = PlaybookCatalog.files(in: invalidFolder.path).map {
    ($0 as NSString).lastPathComponent
  }
  /// Codes whose trigger cannot sit in a small fixture file; each has its own test below.
  /// (`translation` is a warning, so a playbook with it still loads: `TranslationTests` covers it.)
  /// (`missing-handover` needs the catalog of playbooks: the CLI's transcript tests cover it.)
  /// (`unsaved-name` is a warning too: `SavedNamesTests` covers it.)
  static let codesWithoutFixture: Set<DiagnosticCode> = [
    .fileTooLarge, .unreadableFile, .translation, .missingHandover, .unsavedName,
  ]

  @Test func `the small valid playbook loads with its steps in order`() throws {
    let path = fixturesFolder().appendingPathComponent("valid/small.yaml").path
    let result = PlaybookLoader.load(path: path)
    #expect(result.diagnostics == [])
    let playbook = try #require(result.playbook)
    #expect(playbook.id == "small")
    #expect(playbook.start == "reach-out")
    #expect(playbook.steps.map(\.id) == ["reach-out", "reached", "wait-limit", "new-time", "reschedule", "done"])
    guard case .ask(let question)? = playbook["reached"]?.kind, case .choices(let choices) = question.answers else {
      Issue.record("'reached' is not a question with choices")
      return
    }
    #expect(choices.map(\.answer) == ["yes", "no"])
    #expect(choices.map(\.label) == ["Spoke to them", nil])
    #expect(choices[0].location == SourceLocation(file: path, line: 12, column: 17))
    guard case .ask(let wait)? = playbook["wait-limit"]?.kind else {
      Issue.record("'wait-limit' is not a question")
      return
    }
    #expect(wait.answers == .input(.duration, next: "new-time"))
    #expect(wait.save == "wait_limit")
    #expect(playbook["reach-out"]?.why == "Emergencies happen.")
  }

  @Test(arguments: invalidFixtures)
  func `each broken playbook gets exactly its diagnostics`(fixture: String) {
    let path = "Fixtures/invalid/\(fixture)"
    let data = (try? Data(contentsOf: Self.invalidFolder.appendingPathComponent(fixture))) ?? Data()
    let result = PlaybookLoader.load(data: data, file: path)
    #expect(result.playbook == nil)
    #expect(result.hasErrors)
    let rendered = DiagnosticRenderer.render(result.diagnostics, sources: [path: result.source])
    assertGolden(rendered, named: "diagnostics/\((fixture as NSString).deletingPathExtension).diagnostics")
  }

  @Test func `every diagnostic code has a fixture that produces it`() {
    var produced: Set<DiagnosticCode> = []
    for fixture in Self.invalidFixtures {
      let data = (try? Data(contentsOf: Self.invalidFolder.appendingPathComponent(fixture))) ?? Data()
      let result = PlaybookLoader.load(data: data, file: fixture)
      let name = (fixture as NSString).deletingPathExtension
      #expect(result.diagnostics.contains { $0.code.rawValue == name }, "fixture \(fixture) does not produce [\(name)]")
      produced.formUnion(result.diagnostics.map(\.code))
    }
    let missing = Set(DiagnosticCode.allCases).subtracting(produced).subtracting(Self.codesWithoutFixture)
    #expect(missing == [])
  }

  @Test func `a file over the size limit is refused before parsing`() {
    let data = Data(repeating: 0x20, count: PlaybookLoader.maximumFileSize + 1)
    let result = PlaybookLoader.load(data: data, file: "big.yaml")
    #expect(result.diagnostics.map(\.code) == [.fileTooLarge])
  }

  @Test func `a missing file is one diagnostic, not a crash`() {
    let result = PlaybookLoader.load(path: "/nonexistent/playbook.yaml")
    #expect(result.diagnostics.map(\.code) == [.unreadableFile])
    #expect(result.diagnostics.first?.location == SourceLocation(file: "/nonexistent/playbook.yaml", line: 1, column: 1))
  }

  @Test func `every problem in a file is reported at once, sorted by position`() {
    let yaml = """
      id: Bad_ID
      title: Two problems
      start: first
      steps:
        - id: first
          say: Go.
          next: nowhere
        - id: first
          end: Done.
      """
    let result = PlaybookLoader.load(data: Data(yaml.utf8), file: "two.yaml")
    #expect(result.diagnostics.map(\.code) == [.badID, .danglingNext, .duplicateStepID])
    #expect(result.diagnostics.map(\.location.line) == [1, 7, 8])
  }

  @Test func `the bundled playbooks load with no diagnostics`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    let files = PlaybookCatalog.files(in: folder)
    #expect(!files.isEmpty)
    for file in files {
      let result = PlaybookLoader.load(path: file)
      #expect(result.diagnostics == [], "\(file)")
      #expect(result.playbook != nil, "\(file)")
    }
  }

  @Test func `every diagnostic code is documented in docs/diagnostics.md`() throws {
    let docs = try String(contentsOf: repositoryRoot().appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
    for code in DiagnosticCode.allCases {
      #expect(docs.contains("## \(code.rawValue)\n"), "docs/diagnostics.md has no section for [\(code.rawValue)]")
    }
  }
}
