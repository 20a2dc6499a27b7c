import Foundation
import Testing

/// A power cut, simulated on a real ext4 file system: what was acknowledged survives; and a
/// control run with fsync turned off (eatmydata) loses it, which shows the test can see a missing
/// fsync.
@Suite(.serialized) struct PowerLossTests {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Scripts/power-loss.sh").path

  /// Runs the script; `nil` when this machine does not allow the mount.
  func run(wrapper: [String]) throws -> String? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/bash")
    process.arguments = [Self.script, CasebookProcess.binary, fixture("small.yaml")] + wrapper
    var environment = ProcessInfo.processInfo.environment
    environment["CASEBOOK_FAKE_NOW"] = "2026-11-24T09:00:00Z"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    if process.terminationStatus == 2 {
      print("skipping the power-loss test: this machine does not allow mounting an ext4 loop file")
      return nil
    }
    #expect(process.terminationStatus == 0)
    return text
  }

  @Test func `an acknowledged answer survives a power cut, and without fsync it would not`() throws {
    guard let durable = try run(wrapper: []) else { return }
    #expect(durable.contains("\"answered\":{\"answer\":\"no\""), "journal after the cut: \(durable)")
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/eatmydata") else {
      Issue.record("eatmydata is missing: run .ci/setup")
      return
    }
    guard let control = try run(wrapper: ["/usr/bin/eatmydata"]) else { return }
    #expect(!control.contains("\"answered\""), "the control run kept its answer, so this test cannot see a missing fsync")
  }
}
