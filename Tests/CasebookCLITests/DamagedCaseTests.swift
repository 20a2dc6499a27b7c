import CasebookKit
import Foundation
import Testing

/// A case whose journal cannot be read to its end is never hidden: it is listed as damaged, its
/// readable part is shown, and `casebook cases repair` keeps every entry it still holds.
@Suite struct DamagedCaseTests {
  static let name = "2026-11-24-small-kim"

  /// A completed case of `small.yaml`: a header, three answers and `finished`, five lines.
  func completedCase() throws -> CasebookProcess {
    let casebook = CasebookProcess()
    let run = try casebook.run(["run", fixture("small.yaml"), "--client", "Kim"], input: "no\n15m\n2026-12-01 10:00\n")
    #expect(run.status == 0, "\(run.stderr)")
    return casebook
  }

  func journalPath(_ casebook: CasebookProcess, _ name: String = Self.name) -> String {
    "\(casebook.home)/cases/\(name)/\(CaseJournal.fileName)"
  }

  /// Changes one byte of line `line` (from 1) of the journal.
  func flipByte(inLine line: Int, of casebook: CasebookProcess) throws {
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: journalPath(casebook))))
    let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    bytes[starts[line - 1] + 30] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: journalPath(casebook)))
  }

  func listing(_ casebook: CasebookProcess) throws -> [[String: Any]] {
    let run = try casebook.run(["cases", "--json"])
    return try #require(JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
  }

  @Test func `a flipped byte in a middle line lists the case as damaged`() throws {
    let casebook = try completedCase()
    defer { casebook.removeHome() }
    try flipByte(inLine: 3, of: casebook)
    let before = try Data(contentsOf: URL(fileURLWithPath: journalPath(casebook)))

    let table = try casebook.run(["cases"])
    #expect(table.stdout.contains("damaged"), "\(table.stdout)")
    let item = try #require(try listing(casebook).first)
    #expect(item["status"] as? String == "damaged")
    #expect((item["damage"] as? [String: Any])?["line"] as? Int == 3)
    let next = try casebook.run(["next"])
    #expect(next.stdout.contains("Repair the case"), "\(next.stdout)")
    #expect(next.stdout.contains("Repair one with: casebook cases repair CASE"))

    let show = try casebook.run(["cases", "show", "kim"])
    #expect(show.status == 1)
    #expect(show.stdout.contains("Did you reach them? **no**"), "\(show.stdout)")
    let shown = show.stdout.replacingOccurrences(of: "\n", with: " ")
    #expect(shown.contains("Status: damaged (line 3 of journal.log: checksum does not match)"), "\(show.stdout)")
    #expect(!shown.contains("Resume it with"))
    #expect(show.stderr.contains("line 3 of journal.log: checksum does not match"), "\(show.stderr)")
    let refusal =
      "casebook: case '\(Self.name)' is damaged (line 3 of journal.log: checksum does not match); repair it with: casebook cases repair \(Self.name)\n"
    for command in [["resume", "kim"], ["cases", "rebuild", "kim"], ["done", "kim#1"]] {
      let refused = try casebook.run(command)
      #expect(refused.status == 1, "\(command)")
      #expect(refused.stderr == refusal, "\(command): \(refused.stderr)")
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: journalPath(casebook))) == before)
  }

  @Test func `a bad checksum in the last whole line is damage that nothing but repair cuts out`() throws {
    let casebook = try completedCase()
    defer { casebook.removeHome() }
    try flipByte(inLine: 5, of: casebook)
    let before = try Data(contentsOf: URL(fileURLWithPath: journalPath(casebook)))
    for command in [["resume", "kim"], ["cases", "rebuild", "kim"], ["done", "kim#1"], ["cases"], ["next"]] {
      _ = try casebook.run(command)
      #expect(try Data(contentsOf: URL(fileURLWithPath: journalPath(casebook))) == before, "\(command)")
    }
    #expect(try listing(casebook).first?["status"] as? String == "damaged")
  }

  @Test(arguments: ["empty", "symlink", "nul"])
  func `an empty, symlinked or NUL-damaged journal is listed as damaged`(kind: String) throws {
    let casebook = try completedCase()
    defer { casebook.removeHome() }
    let path = journalPath(casebook)
    let problem: String
    switch kind {
    case "empty":
      try Data().write(to: URL(fileURLWithPath: path))
      problem = "journal.log is empty"
    case "symlink":
      let target = casebook.home + "-elsewhere.log"
      try FileManager.default.moveItem(atPath: path, toPath: target)
      try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
      problem = "journal.log is a symbolic link, which is never followed"
    default:
      var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      // Inside the second line's text, whatever the header's length.
      let inside = (bytes.firstIndex(of: 0x0A) ?? 0) + 40
      bytes.replaceSubrange(inside..<(inside + 4), with: [0, 0, 0, 0])
      try Data(bytes).write(to: URL(fileURLWithPath: path))
      problem = "line 2 of journal.log: checksum does not match"
    }
    let item = try #require(try listing(casebook).first)
    #expect(item["case"] as? String == Self.name)
    #expect(item["status"] as? String == "damaged")
    #expect((item["damage"] as? [String: Any])?["problem"] as? String == problem)
    let resumed = try casebook.run(["resume", Self.name])
    #expect(resumed.status == 1)
    #expect(resumed.stderr.contains(problem), "\(resumed.stderr)")

    // One that cannot be repaired can still be deleted, whole (a link, not what it points to).
    let deleted = try casebook.run(["cases", "delete", Self.name, "--yes"])
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: casebook.home + "/cases") == [])
    if kind == "symlink" { #expect(FileManager.default.fileExists(atPath: casebook.home + "-elsewhere.log")) }
    try? FileManager.default.removeItem(atPath: casebook.home + "-elsewhere.log")
  }

  @Test func `a journal with CRLF line endings is read, listed and resumed like any other`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Kim"], input: "no\n")
    let path = journalPath(casebook)
    let text = try Data(contentsOf: URL(fileURLWithPath: path))
    try Data([UInt8](text).flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }).write(to: URL(fileURLWithPath: path))
    #expect(try listing(casebook).first?["status"] as? String == "interrupted")
    let resumed = try casebook.run(["resume", "kim"], input: "15m\n2026-12-01 10:00\n")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(try casebook.answers(Self.name) == ["no", "15m", "2026-12-01 10:00"])
  }

  @Test func `cases repair keeps the entries around the damage and the original beside it`() throws {
    let casebook = try completedCase()
    defer { casebook.removeHome() }
    try flipByte(inLine: 2, of: casebook)
    let damaged = try Data(contentsOf: URL(fileURLWithPath: journalPath(casebook)))
    let repaired = try casebook.run(["cases", "repair", "kim"])
    #expect(repaired.status == 0, "\(repaired.stderr)")
    #expect(repaired.stdout.contains("kept 4 entries"), "\(repaired.stdout)")
    #expect(repaired.stdout.contains("Dropped line 2 of journal.log: checksum does not match."))
    let original = journalPath(casebook) + ".damaged-1"
    #expect(try Data(contentsOf: URL(fileURLWithPath: original)) == damaged)
    let mode = try FileManager.default.attributesOfItem(atPath: original)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let reading = try #require(JournalReading(path: journalPath(casebook)))
    #expect(reading.events == ["opened", "answered", "answered", "finished"])
    #expect(reading.answers == ["15m", "2026-12-01 10:00"])
    let item = try #require(try listing(casebook).first)
    #expect(item["status"] as? String == "interrupted")
    #expect(try casebook.record(Self.name)["status"] as? String == "interrupted")
    let again = try casebook.run(["cases", "repair", "kim"])
    #expect(again.stderr.contains("is not damaged; there is nothing to repair"))
  }

  @Test func `a repaired journal that lost the answer before some drafts records them as offered, not edited`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let run = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nno\nno\nno\n")
    #expect(run.status == 0, "\(run.stderr)")
    let name = "2026-11-24-no-show-dana"
    let lines = try String(contentsOfFile: journalPath(casebook, name), encoding: .utf8).split(separator: "\n")
    let willWait = try #require(lines.firstIndex { $0.contains("will-wait") })
    var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: journalPath(casebook, name))))
    let starts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
    bytes[starts[willWait] + 30] ^= 0x01
    try Data(bytes).write(to: URL(fileURLWithPath: journalPath(casebook, name)))
    let repaired = try casebook.run(["cases", "repair", name])
    #expect(repaired.status == 0, "\(repaired.stderr)")
    let drafts = try casebook.record(name)["drafts"] as? [[String: Any]] ?? []
    #expect(!drafts.isEmpty)
    #expect(drafts.allSatisfy { $0["edited"] == nil }, "\(drafts)")
    #expect(!casebook.read(name, "record.md").contains("Edited"))
  }
}
