import Foundation
import Testing

/// `check`, `test` and `graph` only read and print: SIGTERM and SIGINT end them at once, as they
/// end any such tool, even in the middle of a long check.
@Suite(.serialized) struct SignalTests {
  /// A playbook of 40,000 steps (about 4 MB), which takes seconds to check.
  static let largePlaybook: String = {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-large-\(UUID().uuidString).yaml").path
    var text = "id: large\ntitle: Large\nstart: s0\nsteps:\n"
    for index in 0..<40_000 {
      text += "  - id: s\(index)\n    say: Step \(index) says something long enough to fill the file.\n    next: s\(index + 1)\n"
    }
    text += "  - id: s40000\n    end: Done.\n"
    try? text.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }()

  @Test(arguments: [("check", SIGTERM), ("check", SIGINT), ("graph", SIGTERM)])
  func `a signal ends a long check at once`(command: String, signal: Int32) throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: CasebookProcess.binary)
    process.arguments = [command, Self.largePlaybook]
    process.environment = casebook.baseEnvironment()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Long enough to be past start-up and into the check, far short of its end.
    Thread.sleep(forTimeInterval: 0.5)
    #expect(process.isRunning, "the check ended before the signal; make the playbook larger")
    kill(process.processIdentifier, signal)
    let deadline = Date().addingTimeInterval(10)
    while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
    let stillRunning = process.isRunning
    if stillRunning { process.terminate() }
    #expect(!stillRunning, "still running 10 s after the signal")
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal)
    #expect(process.terminationStatus == signal)
  }
}
