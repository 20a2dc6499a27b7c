import CasebookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Crash, fault and full-disk sweeps: whatever happens, the journal holds exactly the answers that
/// were acknowledged (a prefix of those sent, none twice), and resuming finishes the case.
@Suite(.serialized) struct DurabilityTests {
  static let strace = ["/usr/bin/strace", "/bin/strace"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static var hasStrace: Bool {
    if strace == nil { print("strace is not installed; run .ci/setup") }
    return strace != nil
  }
  static let answers = ["no", "15m", "2026-12-01 10:00"]
  static let caseName = "2026-11-24-small-kim"

  static let input = answers.map { $0 + "\n" }.joined()
  static let arguments = ["run", fixture("small.yaml"), "--client", "Kim"]

  /// Runs the whole scripted case under strace with `options`.
  func runTraced(_ casebook: CasebookProcess, _ options: [String]) throws -> CasebookProcess.Outcome {
    try casebook.run(Self.arguments, input: Self.input, wrapper: [Self.strace ?? "strace", "-f", "-qq", "-o", "/dev/null"] + options)
  }

  /// How many times a clean run calls `syscall`.
  func count(_ syscall: String) throws -> Int {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let log = casebook.home + ".strace"
    defer { try? FileManager.default.removeItem(atPath: log) }
    _ = try casebook.run(Self.arguments, input: Self.input, wrapper: [Self.strace ?? "strace", "-f", "-qq", "-o", log, "-e", "trace=\(syscall)"])
    let text = (try? String(contentsOfFile: log, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").count { $0.contains("\(syscall)(") }
  }

  /// Checks the case after a crash or fault: the journal's answers are a prefix of those sent,
  /// at least the acknowledged ones, none twice; then finishing the case gives every answer once.
  func checkRecovery(_ casebook: CasebookProcess, acknowledged: Int, label: String) throws {
    let journalPath = "\(casebook.home)/cases/\(Self.caseName)/\(CaseJournal.fileName)"
    guard FileManager.default.fileExists(atPath: journalPath) else {
      #expect(acknowledged == 0, "\(label): answers acknowledged but no journal")
      return
    }
    let reading = try #require(JournalReading(path: journalPath), "\(label): journal unreadable")
    #expect(reading.answers == Array(Self.answers.prefix(reading.answers.count)), "\(label): not a prefix")
    #expect(reading.answers.count >= acknowledged, "\(label): lost an acknowledged answer")
    guard reading.events.first == "opened" else { return }
    if reading.events.contains("finished") {
      let rebuilt = try casebook.run(["cases", "rebuild", Self.caseName])
      #expect(rebuilt.status == 0, "\(label): \(rebuilt.stderr)")
    } else {
      let rest = Self.answers.dropFirst(reading.answers.count).map { $0 + "\n" }.joined()
      let resumed = try casebook.run(["resume", Self.caseName], input: rest)
      #expect(resumed.status == 0, "\(label): resume failed: \(resumed.stderr)")
    }
    #expect(try casebook.answers(Self.caseName) == Self.answers, "\(label)")
  }

  @Test(.enabled(if: hasStrace), .enabled(if: HeavyTests.isEnabled, HeavyTests.reason), arguments: ["write", "fsync", "rename", "openat"])
  func `a kill at every call of a syscall loses nothing acknowledged`(syscall: String) throws {
    let total = try count(syscall)
    #expect(total > 0)
    for call in 1...total {
      let casebook = CasebookProcess()
      defer { casebook.removeHome() }
      let run = try runTraced(casebook, ["-e", "trace=\(syscall)", "-e", "inject=\(syscall):signal=SIGKILL:when=\(call)"])
      // An answer is acknowledged when the question after it was shown.
      let prompts = run.stdout.components(separatedBy: "\n> ").count - 1 + (run.stdout.hasPrefix("> ") ? 1 : 0)
      let acknowledged = run.stdout.contains("Case record:") ? Self.answers.count : max(0, prompts - 1)
      try checkRecovery(casebook, acknowledged: acknowledged, label: "\(syscall) #\(call)")
    }
  }

  @Test(.enabled(if: hasStrace), arguments: [("write", "ENOSPC"), ("write", "EIO"), ("fsync", "EIO"), ("fsync", "ENOSPC")])
  func `a failing call is reported, retried, and never damages the journal`(syscall: String, error: String) throws {
    let total = try count(syscall)
    for call in 1...total {
      let casebook = CasebookProcess()
      defer { casebook.removeHome() }
      let run = try runTraced(casebook, ["-e", "trace=\(syscall)", "-e", "inject=\(syscall):error=\(error):when=\(call)"])
      #expect(run.reason == .exit, "\(syscall) \(error) #\(call) crashed")
      #expect([0, 1].contains(run.status), "\(syscall) \(error) #\(call): \(run.stderr)")
      #expect(!run.stderr.contains("Fatal error"), "\(syscall) \(error) #\(call)")
      let journal = "\(casebook.home)/cases/\(Self.caseName)/\(CaseJournal.fileName)"
      if let reading = JournalReading(path: journal), reading.events.first == "opened" {
        // A failed write is retried with the next entry, so every answer arrives, once.
        #expect(reading.answers == Self.answers, "\(syscall) \(error) #\(call)")
        #expect(!reading.droppedTail)
      }
    }
  }
}
