import CasebookKit
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Puts text on the clipboard, and says truthfully where it went.
///
/// The platform's tool first: `wl-copy` under Wayland (`WAYLAND_DISPLAY`), `xclip` or `xsel` under X
/// (`DISPLAY`), `pbcopy` on macOS; looked for on `PATH` once, when first needed, never at start-up.
/// Else, on a terminal that takes escapes, the OSC 52 escape, which the terminal may or may not
/// honour (tmux ignores it under its default `set-clipboard external`): the message says so.
///
/// Tools are spawned with posix_spawn and waited for with waitpid, not Foundation's `Process`, which
/// hangs when the clock is faked (see ``EditorProcess``).
final class Clipboard {
  /// Where copied text went.
  enum Outcome: Equatable {
    /// To the clipboard, through the named tool.
    case tool(String)
    /// To the terminal, as OSC 52.
    case terminal
    /// Nowhere.
    case notCopied

    /// What to tell the person, with the file the text was also written to.
    func message(savedIn path: String) -> String {
      let path = TextSanitizer.clean(path)
      switch self {
      case .tool(let name): return "Copied to the clipboard (\(name)); also in \(path)"
      case .terminal:
        return "Sent to the terminal's clipboard (OSC 52; your terminal may need to allow it); also in \(path)"
      case .notCopied: return "Saved in \(path)"
      }
    }
  }

  /// A clipboard tool found on `PATH`, and how to give it text on standard input.
  struct Tool: Equatable {
    var name: String
    var path: String
    var arguments: [String]
  }

  private let environment: [String: String]
  private let terminalTakesEscapes: Bool
  /// `nil` until first needed; then the tool found, if any.
  private var found: Tool??

  /// - Parameters:
  ///   - environment: The process's environment: `PATH` and the display variables.
  ///   - terminalTakesEscapes: Whether standard output is a terminal that takes escapes.
  init(environment: [String: String], terminalTakesEscapes: Bool) {
    self.environment = environment
    self.terminalTakesEscapes = terminalTakesEscapes
  }

  /// Copies `text` through the tool, or else writes the OSC 52 escape with `writeEscape`.
  func copy(_ text: String, writeEscape: (String) -> Void) -> Outcome {
    if found == nil { found = Self.findTool(environment: environment) }
    if let tool = found ?? nil, Self.run(tool, input: Array(text.utf8)) { return .tool(tool.name) }
    guard terminalTakesEscapes else { return .notCopied }
    writeEscape("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
    return .terminal
  }

  /// The first clipboard tool on `PATH` that the environment's display can use.
  static func findTool(environment: [String: String]) -> Tool? {
    func has(_ name: String) -> Bool { !(environment[name] ?? "").isEmpty }
    var candidates: [(String, [String])] = []
    if has("WAYLAND_DISPLAY") { candidates.append(("wl-copy", [])) }
    if has("DISPLAY") { candidates += [("xclip", ["-selection", "clipboard"]), ("xsel", ["--clipboard", "--input"])] }
    candidates.append(("pbcopy", []))
    let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
    for (name, arguments) in candidates {
      for folder in folders where !folder.isEmpty {
        let path = "\(folder)/\(name)"
        if access(path, X_OK) == 0 { return Tool(name: name, path: path, arguments: arguments) }
      }
    }
    return nil
  }

  /// Runs `tool` with `input` on its standard input and its output thrown away; `true` when it
  /// exits 0 within three seconds (a tool that hangs is killed).
  static func run(_ tool: Tool, input: [UInt8]) -> Bool {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { return false }
    // Neither end may leak into another child; the tool gets the read end as its standard input.
    for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_adddup2(&actions, ends[0], 0)
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    var pointers = ([tool.path] + tool.arguments).map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    pointers.append(nil)
    var pid: pid_t = 0
    let spawned = pointers.withUnsafeMutableBufferPointer {
      posix_spawn(&pid, tool.path, &actions, nil, $0.baseAddress!, environ)
    }
    close(ends[0])
    guard spawned == 0 else {
      close(ends[1])
      return false
    }
    let written = writeAll(input, to: ends[1])
    close(ends[1])
    return wait(for: pid, seconds: 3) == 0 && written
  }

  private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
    var offset = 0
    while offset < bytes.count {
      let count = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      offset += count
    }
    return true
  }

  /// The exit status of `pid`, or `nil` when it was killed or outlived `seconds` (then killed).
  private static func wait(for pid: pid_t, seconds: Int) -> Int32? {
    var status: Int32 = 0
    // Counted in steps rather than read from a clock: the clock may be faked.
    for _ in 0..<(seconds * 100) {
      let result = waitpid(pid, &status, WNOHANG)
      if result == pid { return status & 0x7f == 0 ? (status >> 8) & 0xff : nil }
      if result < 0 && errno != EINTR { return nil }
      usleep(10_000)
    }
    kill(pid, SIGKILL)
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return nil
  }
}
