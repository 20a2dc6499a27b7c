import Foundation
import Testing

/// Compares `actual` with the file `Golden/<name>` beside this test target's sources.
///
/// A missing file, or `CASEBOOK_RECORD=1`, writes the file and records an issue: recording never
/// passes, so a test cannot go green on a baseline nobody looked at.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) {
  let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Golden")
  let url = folder.appendingPathComponent(name)
  let recording = ProcessInfo.processInfo.environment["CASEBOOK_RECORD"] == "1"
  guard !recording, let expected = try? String(contentsOf: url, encoding: .utf8) else {
    try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try? actual.write(to: url, atomically: true, encoding: .utf8)
    Issue.record("recorded golden file \(name); check it and run again", sourceLocation: sourceLocation)
    return
  }
  #expect(actual == expected, "differs from golden \(name)", sourceLocation: sourceLocation)
}

/// The folder of this target's fixtures.
func fixturesFolder() -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")
}

/// The repository's root folder.
func repositoryRoot() -> URL {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()
}
