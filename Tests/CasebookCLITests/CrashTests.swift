import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A case killed without warning loses nothing that was acknowledged.
@Suite struct CrashTests {
  @Test func `SIGKILL mid-case loses no answered step, and resume carries on`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let (process, input, output, collector) = try casebook.start(["run", fixture("small.yaml"), "--client", "Kim"])

    #expect(collector.waitFor("Did you reach them?"))
    input.fileHandleForWriting.write(Data("no\n".utf8))
    #expect(collector.waitFor("How long will you wait?"))
    input.fileHandleForWriting.write(Data("15m\n".utf8))
    // The next question appears only after the answer is on the disk.
    #expect(collector.waitFor("When is the new appointment?"))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == SIGKILL)

    let name = "2026-11-24-small-kim"
    #expect(casebook.caseFolders() == [name])
    let resumed = try casebook.run(["resume", name], input: "tomorrow 10:00\n", fakeNow: "2026-11-24T10:00:00Z")
    #expect(resumed.status == 0)
    #expect(resumed.stdout.contains("3. How long will you wait? -> 15m"))
    #expect(try casebook.answers(name) == ["no", "15m", "2026-11-25 10:00"])
    let record = try casebook.record(name)
    #expect(record["status"] as? String == "completed")
    let history = (record["history"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
    #expect(history == ["answered", "answered", "resumed", "answered", "finished"])
  }

  @Test func `a second process cannot open a case that is being resumed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml")], input: "no\n")
    let (first, input, output, collector) = try casebook.start(["resume", "2026-11-24-small"])
    #expect(collector.waitFor("How long will you wait?"))
    let second = try casebook.run(["resume", "2026-11-24-small"], input: "20m\n")
    #expect(second.status == 1)
    #expect(second.stderr.contains("this case is open in another Casebook"))
    try input.fileHandleForWriting.close()
    first.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
    #expect(try casebook.answers("2026-11-24-small") == ["no"])
  }

  @Test func `resuming after the playbook changed lists the answers that no longer fit and keeps them`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let copy = casebook.home + "-small.yaml"
    try FileManager.default.copyItem(atPath: fixture("small.yaml"), toPath: copy)
    defer { try? FileManager.default.removeItem(atPath: copy) }
    let first = try casebook.run(["run", copy], input: "no\n15m\n")
    #expect(first.status == 3)
    let changed = try String(contentsOfFile: copy, encoding: .utf8)
      .replacingOccurrences(of: "        next: wait-limit", with: "        next: new-time")
      .replacingOccurrences(of: "  - id: wait-limit\n    ask: How long will you wait?\n    input: duration\n    save: wait_limit\n    next: new-time\n", with: "")
    try changed.write(toFile: copy, atomically: true, encoding: .utf8)
    let resumed = try casebook.run(["resume"], input: "2026-12-01\n")
    #expect(resumed.status == 0)
    #expect(resumed.stderr.contains("warning: the playbook 'small' changed since this case began"))
    #expect(resumed.stderr.contains("warning: the answer at step 'wait-limit' no longer fits the playbook and was skipped"))
    #expect(try casebook.answers("2026-11-24-small") == ["no", "2026-12-01"])
    let history = try casebook.record("2026-11-24-small")["history"] as? [[String: Any]] ?? []
    #expect(history.contains { $0["step"] as? String == "wait-limit" && $0["text"] as? String == "15m" })
  }
}
