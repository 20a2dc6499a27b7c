import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A private tmux server running Casebook in a real terminal: keys typed with `send-keys`, the
/// screen read with `capture-pane`.
final class TmuxSession {
  static let tmux = ["/usr/bin/tmux", "/usr/local/bin/tmux"].first { FileManager.default.isExecutableFile(atPath: $0) }
  static var isAvailable: Bool {
    if tmux == nil && ProcessInfo.processInfo.environment["CI"] != nil {
      print("tmux is missing in CI: run .ci/setup")
    }
    return tmux != nil
  }

  let server = "casebook-test-\(UUID().uuidString.prefix(8))"
  private var statusFile: String { NSTemporaryDirectory() + "\(server).status" }

  /// Starts `command` in a pane of `width` columns and `height` lines.
  init(command: [String], environment: [String: String], width: Int = 100, height: Int = 30) throws {
    let exports = environment.map { "\($0.key)=\(Self.quote($0.value))" }.joined(separator: " ")
    // tmux 3.3a does not always report a dead pane's status, so the shell writes it down.
    let line = "env \(exports) \(command.map(Self.quote).joined(separator: " ")); echo $? > \(Self.quote(statusFile))"
    // Set before the pane starts, so that a fast exit still leaves its status to read.
    let configuration = NSTemporaryDirectory() + "\(server).conf"
    try "set -g remain-on-exit on\n".write(toFile: configuration, atomically: true, encoding: .utf8)
    _ = try tmux(["-f", configuration, "new-session", "-d", "-x", "\(width)", "-y", "\(height)", "-s", "main", line], capture: false)
    try? FileManager.default.removeItem(atPath: configuration)
  }

  deinit {
    _ = try? tmux(["kill-server"])
    try? FileManager.default.removeItem(atPath: statusFile)
  }

  /// Runs one tmux command through `system(3)` and returns what it printed.
  ///
  /// Not `Process`: the server that `new-session` forks keeps the client's descriptors, and
  /// Foundation then waits for it forever.
  @discardableResult
  func tmux(_ arguments: [String], capture: Bool = true) throws -> String {
    let output = NSTemporaryDirectory() + "tmux-\(server)-\(UUID().uuidString).out"
    defer { try? FileManager.default.removeItem(atPath: output) }
    let command = ([Self.tmux ?? "tmux", "-L", server] + arguments).map(Self.quote).joined(separator: " ")
    let status = system("unset TMUX; \(command) </dev/null >\(capture ? Self.quote(output) : "/dev/null") 2>/dev/null")
    guard status != -1 else { throw CocoaError(.fileReadUnknown) }
    return capture ? ((try? String(contentsOfFile: output, encoding: .utf8)) ?? "") : ""
  }

  func send(_ keys: String...) throws { try tmux(["send-keys", "-t", "main"] + keys) }

  func type(_ text: String) throws { try tmux(["send-keys", "-t", "main", "-l", text]) }

  /// Types a line and presses Enter.
  func enter(_ text: String) throws {
    try type(text)
    try send("Enter")
  }

  func screen() throws -> String { try tmux(["capture-pane", "-p", "-t", "main"]) }

  /// Everything the pane showed, the lines scrolled off the top included; a line the terminal
  /// wrapped at its edge comes back whole.
  func history() throws -> String { try tmux(["capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", "main"]) }

  /// Polls the screen until `predicate` holds or the deadline passes; returns the last screen.
  func waitFor(seconds: Double = 15, _ predicate: (String) -> Bool) throws -> String {
    let deadline = Date().addingTimeInterval(seconds)
    var last = ""
    while Date() < deadline {
      last = try screen()
      if predicate(last) { return last }
      usleep(30_000)
    }
    return last
  }

  /// The exit status once the program has ended, or `nil`.
  func exitStatus() throws -> Int? {
    guard let text = try? String(contentsOfFile: statusFile, encoding: .utf8) else { return nil }
    return Int(text.trimmingCharacters(in: .whitespacesAndNewlines))
  }

  static func quote(_ text: String) -> String { "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'" }
}
