import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A case killed without warning loses nothing that was acknowledged.
@Suite struct CrashTests {
  /// Collects a pipe's output as it arrives.
  final class OutputCollector: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    init(_ pipe: Pipe) {
      pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
        let chunk = handle.availableData
        guard let self else { return }
        self.lock.withLock { self.data.append(chunk) }
      }
    }

    var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

    /// Waits until the output contains `needle`, polling to a deadline.
    func waitFor(_ needle: String, seconds: Double = 20) -> Bool {
      let deadline = Date().addingTimeInterval(seconds)
      while Date() < deadline {
        if text.contains(needle) { return true }
        usleep(20_000)
      }
      return false
    }
  }

  /// Starts `casebook ARGS` with pipes that stay open, to answer as the questions appear.
  func start(_ arguments: [String], in casebook: CasebookProcess) throws -> (Process, Pipe, Pipe, OutputCollector) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CasebookProcess.binary)
    process.arguments = arguments
    process.environment = casebook.baseEnvironment()
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    let collector = OutputCollector(output)
    try process.run()
    return (process, input, output, collector)
  }

  @Test func `SIGKILL mid-case loses no answered step, and resume carries on`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let (process, input, output, collector) = try start(["run", fixture("small.yaml"), "--client", "Kim"], in: casebook)

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
    #expect(resumed.stdout.contains("3. [wait-limit] How long will you wait? -> 15m"))
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
    let (first, input, output, collector) = try start(["resume", "2026-11-24-small"], in: casebook)
    #expect(collector.waitFor("How long will you wait?"))
    let second = try casebook.run(["resume", "2026-11-24-small"], input: "20m\n")
    #expect(second.status == 1)
    #expect(second.stderr.contains("this case is open in another Casebook"))
    try input.fileHandleForWriting.close()
    first.waitUntilExit()
    output.fileHandleForReading.readabilityHandler = nil
    #expect(try casebook.answers("2026-11-24-small") == ["no"])
  }
}
