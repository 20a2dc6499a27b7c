import CasebookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A crash between two writes never leaves a case stuck: reaching an end is a fact of the journal,
/// every command that reads a case writes its missing or stale records, and a case folder is
/// created whole or not at all.
@Suite struct CaseUpkeepTests {
  static let name = "2026-11-24-small-kim"

  /// A completed case of `small.yaml` whose `finished` line and records a crash cut off.
  func caseCutBeforeFinished() throws -> CasebookProcess {
    let casebook = CasebookProcess()
    let run = try casebook.run(["run", fixture("small.yaml"), "--client", "Kim"], input: "no\n15m\n2026-12-01 10:00\n")
    #expect(run.status == 0, "\(run.stderr)")
    let folder = "\(casebook.home)/cases/\(Self.name)"
    let journal = try String(contentsOfFile: "\(folder)/\(CaseJournal.fileName)", encoding: .utf8)
    let lines = journal.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[4].contains("\"finished\""))
    try (lines.prefix(4).joined(separator: "\n") + "\n").write(toFile: "\(folder)/\(CaseJournal.fileName)", atomically: false, encoding: .utf8)
    for file in [CaseStore.recordJSONName, CaseStore.recordMarkdownName] { try FileManager.default.removeItem(atPath: "\(folder)/\(file)") }
    return casebook
  }

  func events(_ casebook: CasebookProcess) -> [String] {
    JournalReading(path: "\(casebook.home)/cases/\(Self.name)/\(CaseJournal.fileName)")?.events ?? []
  }

  @Test func `a journal whose last answer leads to an end is completed for cases, next and resume`() throws {
    let casebook = try caseCutBeforeFinished()
    defer { casebook.removeHome() }
    let next = try casebook.run(["next"])
    #expect(next.stdout.contains("Wait, then send the follow-up."), "\(next.stdout)")
    #expect(!next.stdout.contains("Finish the case"))
    let listed = try casebook.run(["cases"])
    #expect(listed.stdout.contains("completed"), "\(listed.stdout)")
    #expect(events(casebook) == ["opened", "answered", "answered", "answered", "finished"])
    #expect(try casebook.record(Self.name)["status"] as? String == "completed")
    let resumed = try casebook.run(["resume", Self.name])
    #expect(
      resumed.stderr
        == "casebook: case '\(Self.name)' is already complete; its record is in '$CASEBOOK_HOME/cases/\(Self.name)/record.md'\n")
  }

  @Test(arguments: [["resume", name], ["cases", "rebuild", name], ["cases", "show", name], ["cases"], ["next"], ["done", "\(name)#1"]])
  func `every command that reads a case writes what a crash cut off`(command: [String]) throws {
    let casebook = try caseCutBeforeFinished()
    defer { casebook.removeHome() }
    _ = try casebook.run(command)
    #expect(events(casebook).prefix(5) == ["opened", "answered", "answered", "answered", "finished"], "\(command)")
    #expect(try casebook.record(Self.name)["status"] as? String == "completed", "\(command)")
    #expect(!casebook.read(Self.name, CaseStore.recordMarkdownName).isEmpty, "\(command)")
  }

  @Test func `a stale record is written again by the next command that lists the case`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Kim"], input: "no\n")
    #expect(try casebook.record(Self.name)["status"] as? String == "interrupted")
    // Resumed, a second answer reached the journal, and the process was killed before the record.
    let folder = "\(casebook.home)/cases/\(Self.name)"
    let later = try #require(ISO8601DateFormatter().date(from: "2026-11-24T10:00:00Z"))
    let answer = try JournalCodec.encode(.resumed(at: later))
      + JournalCodec.encode(.answered(step: "wait-limit", answer: "15m", at: later))
    let handle = try #require(FileHandle(forWritingAtPath: "\(folder)/\(CaseJournal.fileName)"))
    handle.seekToEndOfFile()
    handle.write(Data(answer))
    try handle.close()
    _ = try casebook.run(["cases"])
    #expect(try casebook.answers(Self.name) == ["no", "15m"])
  }

  /// A process id that is not running: a child that has exited and been waited for.
  func exitedProcess() throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/true")
    try process.run()
    process.waitUntilExit()
    return process.processIdentifier
  }

  @Test func `a folder left by a kill before the header reached the disk is removed, one after is listed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let dead = try exitedProcess()
    let cases = "\(casebook.home)/cases"
    let empty = "\(cases)/.new-\(dead)-1-2026-11-24-small-ana"
    let written = "\(cases)/.new-\(dead)-2-2026-11-24-small-kim"
    for folder in [empty, written] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
    try Data().write(to: URL(fileURLWithPath: "\(empty)/\(CaseJournal.fileName)"))
    let header = CaseHeader(
      playbook: "small", title: "Small", playbookFile: fixture("small.yaml"), playbookHash: "", client: "Kim", mode: .live,
      started: Date(timeIntervalSince1970: 1_795_000_000))
    let answer = JournalEntry.answered(step: "reached", answer: "no", at: Date(timeIntervalSince1970: 1_795_000_060))
    try Data(try JournalCodec.encode(.opened(header)) + JournalCodec.encode(answer))
      .write(to: URL(fileURLWithPath: "\(written)/\(CaseJournal.fileName)"))

    let listed = try casebook.run(["cases"])
    #expect(listed.stdout.contains(Self.name), "\(listed.stdout)")
    #expect(casebook.caseFolders() == [Self.name])
    let resumed = try casebook.run(["resume", "kim"], input: "15m\n2026-12-01 10:00\n")
    #expect(resumed.status == 0, "\(resumed.stderr)")
  }

  @Test func `a case folder appears only once its header is on the disk`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let (process, input, output, collector) = try casebook.start(["run", fixture("small.yaml"), "--client", "Kim"])
    #expect(collector.waitFor("Did you reach them?"))
    // Before the first answer nothing is on disk; after it, the case is there under its name.
    #expect(casebook.caseFolders().filter { !$0.hasPrefix(".") }.isEmpty)
    input.fileHandleForWriting.write(Data("no\n".utf8))
    #expect(collector.waitFor("How long will you wait?"))
    #expect(casebook.caseFolders() == [Self.name])
    #expect(JournalReading(path: "\(casebook.home)/cases/\(Self.name)/\(CaseJournal.fileName)")?.answers == ["no"])
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
  }
}
