import CEditLine
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Long output for people goes through `$PAGER` when standard output is a terminal, as git does:
/// `less -FRX` by default (it quits at once when the text fits the screen, keeps colours and leaves
/// the text on the screen). `--no-pager`, an empty `PAGER`, `PAGER=cat` or a pipe write it directly.
enum Pager {
  /// Shows `text` through the pager, or writes it directly. While the pager runs, Ctrl-C is its
  /// own (less uses it to stop a search), as git leaves it.
  static func show(_ text: String, environment: [String: String] = ProcessInfo.processInfo.environment) {
    guard let command = command(environment: environment, isTerminal: cel_is_terminal(1) != 0) else {
      write(text)
      return
    }
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return write(text) }
    if environment["LESS"] == nil { setenv("LESS", "FRX", 1) }
    let interrupt = signal(SIGINT, SIG_IGN)
    let brokenPipe = signal(SIGPIPE, SIG_IGN)
    defer {
      signal(SIGINT, interrupt)
      signal(SIGPIPE, brokenPipe)
    }
    guard let pid = ShellCommand.spawn(command, name: "casebook-pager", input: .pipe(readEnd: ends[0], writeEnd: ends[1]))
    else {
      close(ends[0])
      close(ends[1])
      return write(text)
    }
    close(ends[0])
    // A pager that quits early (q) closes the pipe: the rest is simply not written.
    var bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeMutableBytes { Glibc.write(ends[1], $0.baseAddress! + offset, $0.count - offset) }
      if written < 0 && errno == EINTR { continue }
      guard written > 0 else { break }
      offset += written
    }
    close(ends[1])
    _ = ShellCommand.wait(pid)
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
