import CEditLine
import CasebookKit
import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Reads lines at a terminal with libedit: line editing, Up/Down history and Tab completion.
///
/// History is kept in a private file under the Casebook home, one line appended as each is
/// entered (libedit's own history file is rewritten whole, with no fsync).
final class LibEditLineReader: LineReader {
  private let console: Console
  private let historyPath: String?
  private var lastWasCancel = false

  /// - Parameters:
  ///   - console: Where prompts and notices go.
  ///   - historyPath: The history file, or `nil` to keep answers out of history.
  init(console: Console, historyPath: String?) {
    self.console = console
    self.historyPath = historyPath
    cel_initialize("casebook")
    if let historyPath { loadHistory(historyPath) }
  }

  func read(_ prompt: Prompt) -> LineRead {
    setCompletions(prompt.completions)
    console.flush()
    let interruptsBefore = cel_interrupt_count()
    var errorNumber: Int32 = 0
    guard let raw = cel_readline(prompt.text, &errorNumber) else {
      if cel_termination_signal() != 0 || errorNumber == EIO { return .interrupted }
      if errorNumber == EINTR || cel_interrupt_count() != interruptsBefore {
        console.write("\n")
        if lastWasCancel { return .interrupted }
        lastWasCancel = true
        return .cancelled
      }
      console.write("\n")
      return .endOfInput
    }
    defer { cel_free(raw) }
    lastWasCancel = false
    let line = String(cString: raw)
    let entry = line.trimmingCharacters(in: .whitespaces)
    if !entry.isEmpty {
      cel_add_history(entry)
      if let historyPath { appendHistory(entry, to: historyPath) }
    }
    if cel_termination_signal() != 0 { return .interrupted }
    return .line(line)
  }

  private func setCompletions(_ words: [String]) {
    var pointers = words.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    pointers.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
        cel_set_completions(rebound.baseAddress, Int32(rebound.count))
      }
    }
  }

  private func loadHistory(_ path: String) {
    let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      if count <= 0 { break }
      bytes += buffer[0..<count]
    }
    let lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n")
    for line in lines.suffix(500) { cel_add_history(String(line)) }
  }

  private func appendHistory(_ line: String, to path: String) {
    guard !line.contains("\n") else { return }
    let descriptor = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return }
    defer { close(descriptor) }
    let bytes = Array((line + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
  }
}
