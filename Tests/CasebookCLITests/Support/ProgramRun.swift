import Foundation

/// Runs a program other than Casebook (bash, Python) to its end, for tests that check Casebook's
/// output with another tool or run an installed Casebook from outside.
struct ProgramRun {
  var stdout: String
  var stderr: String
  var status: Int32

  /// Runs `executable ARGUMENTS` with `input` on standard input, in `folder`, with exactly
  /// `environment` when given (else this process's).
  init(
    _ executable: String, _ arguments: [String], input: String = "", environment: [String: String]? = nil,
    in folder: String? = nil
  ) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    if let environment { process.environment = environment }
    if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
    let stdin = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = stdin
    process.standardOutput = output
    process.standardError = errors
    // Standard error is read as it comes, so that a program writing much of it cannot block.
    let collectedErrors = OutputCollector(errors)
    try process.run()
    stdin.fileHandleForWriting.write(Data(input.utf8))
    try stdin.fileHandleForWriting.close()
    let out = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    usleep(50_000)
    stdout = String(decoding: out, as: UTF8.self)
    stderr = collectedErrors.text
    status = process.terminationStatus
  }
}
