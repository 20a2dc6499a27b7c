import CasebookKit
import Foundation
import Testing

@Suite struct IncludeTests {
  @Test func `an included part's steps take their place, with their own file in locations`() throws {
    let path = fixturesFolder().appendingPathComponent("valid/include.yaml").path
    let result = PlaybookLoader.load(path: path)
    #expect(result.diagnostics == [])
    let playbook = try #require(result.playbook)
    #expect(playbook.steps.map(\.id) == ["reached", "propose", "confirm", "done"])
    let part = fixturesFolder().appendingPathComponent("valid/parts/reschedule.yaml").path
    #expect(playbook["propose"]?.location == SourceLocation(file: part, line: 3, column: 5))
    #expect(result.sources.keys.sorted() == [path, part].sorted())
  }

  @Test func `an include that includes itself is stopped`() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-include-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try "part: loop\nsteps:\n  - include: loop.yaml\n".write(to: folder.appendingPathComponent("loop.yaml"), atomically: true, encoding: .utf8)
    let main = folder.appendingPathComponent("main.yaml").path
    try "id: m\ntitle: M\nstart: e\nsteps:\n  - include: loop.yaml\n  - id: e\n    end: Done.\n".write(toFile: main, atomically: true, encoding: .utf8)
    let result = PlaybookLoader.load(path: main)
    #expect(result.diagnostics.map(\.code) == [.missingInclude])
    #expect(result.diagnostics.first?.message.contains("include cycle") == true)
  }
}
