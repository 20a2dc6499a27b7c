import CEditLine
import Foundation

/// Long output for people goes through `$PAGER` when standard output is a terminal, as git does:
/// `less -FRX` by default (it quits at once when the text fits the screen, keeps colours and leaves
/// the text on the screen). `--no-pager`, an empty `PAGER`, `PAGER=cat` or a pipe write it directly.
enum Pager {
  /// Shows `text` through the pager, or writes it directly.
  static func show(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard let command = command(environment: environment, isTerminal: cel_is_terminal(1) != 0) else {
      write(text)
      return
    }
    let pager = Process()
    pager.executableURL = URL(fileURLWithPath: "/bin/sh")
    pager.arguments = ["-c", command]
    var pagerEnvironment = environment
    if pagerEnvironment["LESS"] == nil { pagerEnvironment["LESS"] = "FRX" }
    pager.environment = pagerEnvironment
    let input = Pipe()
    pager.standardInput = input
    do {
      try pager.run()
    } catch {
      write(text)
      return
    }
    // The pager owns the terminal until it ends; Ctrl-C is for it, not for us.
    signal(SIGPIPE, SIG_IGN)
    try? input.fileHandleForWriting.write(contentsOf: Data(text.utf8))
    try? input.fileHandleForWriting.close()
    pager.waitUntilExit()
  }

  /// The pager command to run, or `nil` to write directly.
  static func command(environment: [String: String], isTerminal: Bool) -> String? {
    guard isTerminal, environment[DisplayOptions.noPagerVariable] == nil, environment["TERM"] != "dumb" else { return nil }
    let chosen = environment["CASEBOOK_PAGER"] ?? environment["PAGER"] ?? "less -FRX"
    let trimmed = chosen.trimmingCharacters(in: .whitespaces)
    if trimmed.isEmpty || trimmed == "cat" { return nil }
    if environment["PAGER"] == nil && environment["CASEBOOK_PAGER"] == nil && !isInstalled("less") { return nil }
    return trimmed
  }

  private static func isInstalled(_ program: String) -> Bool {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
  }

  private static func write(_ text: String) {
    FileHandle.standardOutput.write(Data(text.utf8))
  }
}
