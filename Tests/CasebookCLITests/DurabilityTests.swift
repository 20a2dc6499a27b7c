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

  /// Checks that no case is hidden: once `casebook cases` has run, every folder in the cases
  /// folder is a listed case, completed or interrupted (a crash never damages a journal), and no
  /// folder is left empty or half-created.
  ///
  /// - Returns: The listed status of each case, by name.
  func checkListing(_ casebook: CasebookProcess, label: String) throws -> [String: String] {
    let listing = try casebook.run(["cases", "--json"])
    #expect(listing.status == 0, "\(label): \(listing.stderr)")
    let items = try #require(
      JSONSerialization.jsonObject(with: Data(listing.stdout.utf8)) as? [[String: Any]], "\(label): \(listing.stdout)")
    let statuses = Dictionary(uniqueKeysWithValues: items.map { ($0["case"] as? String ?? "", $0["status"] as? String ?? "") })
    #expect(Set(casebook.caseFolders()) == Set(statuses.keys), "\(label): folders not listed: \(casebook.caseFolders())")
    for (name, status) in statuses {
      #expect(["completed", "interrupted"].contains(status), "\(label): \(name) is \(status)")
      #expect(!casebook.read(name, CaseJournal.fileName).isEmpty, "\(label): \(name) has an empty journal")
    }
    return statuses
  }

  /// Checks the case after a crash or fault: it is listed (``checkListing(_:label:)``); the
  /// journal's answers are a prefix of those sent, at least the acknowledged ones, none twice;
  /// then finishing the case gives every answer once.
  func checkRecovery(_ casebook: CasebookProcess, acknowledged: Int, label: String) throws {
    let statuses = try checkListing(casebook, label: label)
    let journalPath = "\(casebook.home)/cases/\(Self.caseName)/\(CaseJournal.fileName)"
    guard FileManager.default.fileExists(atPath: journalPath) else {
      #expect(acknowledged == 0, "\(label): answers acknowledged but no journal")
      return
    }
    let reading = try #require(JournalReading(path: journalPath), "\(label): journal unreadable")
    #expect(reading.answers == Array(Self.answers.prefix(reading.answers.count)), "\(label): not a prefix")
    #expect(reading.answers.count >= acknowledged, "\(label): lost an acknowledged answer")
    guard reading.events.first == "opened" else { return }
    if statuses[Self.caseName] == "completed" {
      // Reaching the end is a fact of the journal: listing the case wrote what a crash cut off.
      #expect(JournalReading(path: journalPath)?.events.contains("finished") == true, "\(label)")
      #expect(!casebook.read(Self.caseName, "record.md").isEmpty, "\(label): no record")
      let rebuilt = try casebook.run(["cases", "rebuild", Self.caseName])
      #expect(rebuilt.status == 0, "\(label): \(rebuilt.stderr)")
    } else {
      let rest = Self.answers.dropFirst(reading.answers.count).map { $0 + "\n" }.joined()
      let resumed = try casebook.run(["resume", Self.caseName], input: rest)
      #expect(resumed.status == 0, "\(label): resume failed: \(resumed.stderr)")
    }
    #expect(try casebook.answers(Self.caseName) == Self.answers, "\(label)")
  }

  /// The calls the crash-point sweep kills at: every write, fsync, rename, mkdir and flock always;
  /// every openat (a hundred, most of them loading libraries) in the heavy run.
  static let sweptCalls = ["write", "fsync", "rename", "mkdir", "flock"] + (HeavyTests.isEnabled ? ["openat"] : [])

  @Test(.enabled(if: hasStrace), arguments: sweptCalls)
  func `a kill at every call of a syscall loses nothing acknowledged and hides no case`(syscall: String) throws {
    let total = try count(syscall)
    #expect(total > 0)
    print("crash-point sweep: \(total) kills at \(syscall)")
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
