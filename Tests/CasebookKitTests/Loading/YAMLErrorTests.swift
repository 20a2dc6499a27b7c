import CasebookKit
import Foundation
import Testing

/// YAML errors are placed at the offending token, inside the file, with the source line, a caret
/// and, for the common mistakes, a hint in plain words.
@Suite struct YAMLErrorTests {
  static let suiteFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures/yaml-test-suite")

  static func report(_ text: String) -> (Diagnostic?, String) {
    let result = PlaybookLoader.load(data: Data(text.utf8), file: "t.yaml")
    let first = result.diagnostics.first
    return (first, DiagnosticRenderer.render(result.diagnostics, sources: result.sources))
  }

  @Test func `every YAML error of the yaml-test-suite is inside the file, with its line and a caret`() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: Self.suiteFolder.path).filter { $0.hasSuffix(".yaml") }
    #expect(files.count == 402)
    var errors = 0
    for name in files.sorted() {
      let data = try Data(contentsOf: Self.suiteFolder.appendingPathComponent(name))
      let result = PlaybookLoader.load(data: data, file: name)
      guard let source = String(data: data, encoding: .utf8) else { continue }
      var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
      if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
      for diagnostic in result.diagnostics where diagnostic.code.rawValue.hasPrefix("yaml-") {
        errors += 1
        let location = diagnostic.location
        #expect(location.line >= 1 && location.line <= lines.count, "\(name): \(location) is past the last line")
        if lines.indices.contains(location.line - 1) {
          #expect(location.column <= lines[location.line - 1].unicodeScalars.count + 1, "\(name): \(location) is past its line's end")
        }
        let rendered = DiagnosticRenderer.render([diagnostic], sources: result.sources)
        #expect(rendered.split(separator: "\n").contains { $0.hasSuffix("^") && $0.allSatisfy { $0 == " " || $0 == "^" } }, "\(name): no caret in\n\(rendered)")
        #expect(!diagnostic.message.contains("expected a single document"), "\(name): \(diagnostic.message)")
      }
    }
    #expect(errors >= 80)
  }

  @Test func `one extra space of indentation is named as such, at the key`() {
    let (diagnostic, rendered) = Self.report("id: x\ntitle: T\nstart: a\nsteps:\n  - id: a\n    say: Go.\n     next: b\n")
    #expect(diagnostic?.code == .yamlIndentation)
    #expect(diagnostic?.location.line == 7)
    #expect(diagnostic?.location.column == 6)
    #expect(diagnostic?.message == "YAML syntax: this line is indented 1 space more than the block it belongs to")
    #expect(rendered.contains("     next: b\n     ^\n"))
  }

  @Test func `a tab, an unquoted colon, several documents and an unclosed quote each get their own words`() {
    let cases: [(String, DiagnosticCode, Int, Int)] = [
      ("id: x\nsteps:\n  - id: a\n\tsay: Go.\n", .yamlTab, 4, 1),
      ("id: x\ntitle: Note: this\n", .yamlUnquotedColon, 2, 12),
      ("id: x\ntitle: T\n---\nid: y\n", .yamlSeveralDocuments, 3, 1),
      ("id: x\ntitle: \"unclosed\nstart: a\n", .yamlUnclosed, 2, 8),
      ("id: x\ntitle: [unclosed\nstart: a", .yamlUnclosed, 2, 8),
    ]
    for (text, code, line, column) in cases {
      let (diagnostic, rendered) = Self.report(text)
      #expect(diagnostic?.code == code, "\(text)")
      #expect(diagnostic.map { ($0.location.line, $0.location.column) } ?? (0, 0) == (line, column), "\(text)")
      #expect(diagnostic?.notes.isEmpty == false)
      #expect(rendered.contains("^\n"))
    }
  }

  @Test func `an error noticed at the end of the file is placed on its last line`() {
    let (diagnostic, _) = Self.report("a:\n  - b\n  c: d\n\n\n")
    #expect(diagnostic.map { $0.location.line <= 3 } == true)
  }
}
