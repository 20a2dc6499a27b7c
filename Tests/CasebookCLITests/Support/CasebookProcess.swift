import Foundation
import Testing

/// The built `casebook` binary, run as a user would, with a private Casebook home.
struct CasebookProcess {
  /// What a finished run printed and how it ended.
  struct Outcome {
    var stdout: String
    var stderr: String
    var status: Int32
    /// Whether it exited or was killed by a signal.
    var reason: Process.TerminationReason = .exit
  }

  /// The binary beside the test bundle (the test target depends on the executable).
  static let binary: String = {
    let folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for candidate in [folder, folder.deletingLastPathComponent()] {
      let path = candidate.appendingPathComponent("casebook").path
      if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent(".build/debug/casebook").path
  }()

  /// A fresh, private Casebook home.
  let home: String
  /// Extra environment for every run.
  var environment: [String: String] = [:]
  /// The folder Casebook runs in; the test's own when `nil`.
  var currentDirectory: String?

  init() {
    home = FileManager.default.temporaryDirectory
      .appendingPathComponent("casebook-test-\(UUID().uuidString)").path
  }

  /// The variables every run gets: a private home, UTC, a fixed clock, no colour, the default
  /// width and no display (so no clipboard tool is used).
  func baseEnvironment(fakeNow: String? = "2026-11-24T09:00:00Z") -> [String: String] {
    var result = ProcessInfo.processInfo.environment
    result["CASEBOOK_HOME"] = home
    result["TZ"] = "UTC"
    result["NO_COLOR"] = "1"
    result["CASEBOOK_FAKE_NOW"] = fakeNow
    for name in ["XDG_DATA_HOME", "COLUMNS", "DISPLAY", "WAYLAND_DISPLAY"] { result.removeValue(forKey: name) }
    return result.merging(environment) { $1 }
  }

  /// Runs `casebook ARGS` with `input` on standard input (a pipe) and waits for it.
  ///
  /// - Parameter wrapper: A program and its arguments to run Casebook under, such as strace.
  func run(
    _ arguments: [String], input: String = "", fakeNow: String? = "2026-11-24T09:00:00Z", wrapper: [String] = []
  ) throws -> Outcome {
    let process = Process()
    let command = wrapper + [Self.binary] + arguments
    process.executableURL = URL(fileURLWithPath: command[0])
    process.arguments = Array(command.dropFirst())
    process.environment = baseEnvironment(fakeNow: fakeNow)
    if let currentDirectory { process.currentDirectoryURL = URL(fileURLWithPath: currentDirectory) }
    let stdin = Pipe()
    let stdout = Pipe()
    let stderr = Pipe()
    process.standardInput = stdin
    process.standardOutput = stdout
    process.standardError = stderr
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = stdout.fileHandleForReading.readDataToEndOfFile()
    let err = stderr.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Outcome(
      stdout: String(decoding: out, as: UTF8.self).replacingOccurrences(of: home, with: "$CASEBOOK_HOME"),
      stderr: String(decoding: err, as: UTF8.self).replacingOccurrences(of: home, with: "$CASEBOOK_HOME"),
      status: process.terminationStatus, reason: process.terminationReason)
  }

  /// The case folders, sorted by name.
  func caseFolders() -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: "\(home)/cases")) ?? []).sorted()
  }

  /// A file in a case folder, as text.
  func read(_ caseName: String, _ file: String) -> String {
    (try? String(contentsOfFile: "\(home)/cases/\(caseName)/\(file)", encoding: .utf8)) ?? ""
  }

  /// The decoded `record.json` of a case.
  func record(_ caseName: String) throws -> [String: Any] {
    let data = try Data(contentsOf: URL(fileURLWithPath: "\(home)/cases/\(caseName)/record.json"))
    return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
  }

  /// The answers a case's record holds, in path order.
  func answers(_ caseName: String) throws -> [String] {
    let steps = try record(caseName)["steps"] as? [[String: Any]] ?? []
    return steps.compactMap { $0["answer"] as? String }
  }

  func removeHome() {
    try? FileManager.default.removeItem(atPath: home)
    try? FileManager.default.removeItem(atPath: editorPath)
  }

  private var editorPath: String { home + "-editor.sh" }

  /// Names an "editor" for `:edit` in the runs that follow: a shell script whose lines are
  /// `script`, given the draft file as `$1`; `removeHome` removes it.
  mutating func useEditor(_ script: String) throws {
    try "#!/bin/sh\n\(script)\n".write(toFile: editorPath, atomically: true, encoding: .utf8)
    try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: editorPath)
    environment["EDITOR"] = editorPath
    environment["VISUAL"] = ""
  }
}

/// A fixture playbook of this target.
func fixture(_ name: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures").appendingPathComponent(name).path
}

/// A bundled playbook file (or its tests, `tests/NAME.tests`) in the repository's `playbooks/`.
func bundledPlaybook(_ name: String) -> String {
  URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("playbooks").appendingPathComponent(name + ".yaml").path
}
