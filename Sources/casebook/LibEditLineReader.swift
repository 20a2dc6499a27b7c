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
  /// Whether a line is being read with a countdown in its prompt (libedit's callback interface).
  private var isTimed = false
  private var shownPrompt = ""
  private var announcedDeadline: Date?

  /// - Parameters:
  ///   - console: Where prompts and notices go.
  ///   - historyPath: The history file, or `nil` to keep answers out of history.
  init(console: Console, historyPath: String?) {
    self.console = console
    self.historyPath = historyPath
    cel_initialize("casebook")
    if let historyPath { loadHistory(historyPath) }
  }

  func announce(_ text: String) {
    let line = "\u{07}! " + TextSanitizer.clean(text)
    if isTimed {
      cel_timed_print_above(line)
    } else {
      console.write(line + "\n")
    }
  }

  func read(_ prompt: Prompt) -> LineRead {
    if let deadline = prompt.deadline { return readTimed(prompt, deadline: deadline) }
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
    return remember(String(cString: raw))
  }

  /// Reads a line while the prompt counts down to `deadline`, redrawn every second without
  /// disturbing the line being typed; returns `.deadlinePassed` once when it passes.
  private func readTimed(_ prompt: Prompt, deadline: Date) -> LineRead {
    if !isTimed {
      setCompletions(prompt.completions)
      console.flush()
      shownPrompt = Self.countdown(to: deadline) + prompt.text
      cel_timed_begin(shownPrompt)
      isTimed = true
    }
    let interruptsBefore = cel_interrupt_count()
    while true {
      let text = Self.countdown(to: deadline) + prompt.text
      if text != shownPrompt {
        shownPrompt = text
        cel_timed_set_prompt(text)
      }
      if Date() >= deadline, announcedDeadline != deadline {
        announcedDeadline = deadline
        return .deadlinePassed
      }
      switch cel_timed_wait(250) {
      case 1:
        isTimed = false
        guard let raw = cel_timed_take() else {
          console.write("\n")
          return .endOfInput
        }
        defer { cel_free(raw) }
        lastWasCancel = false
        return remember(String(cString: raw))
      case -1:
        if cel_termination_signal() != 0 || cel_interrupt_count() == interruptsBefore {
          cel_timed_end()
          isTimed = false
          return .interrupted
        }
        cel_timed_end()
        isTimed = false
        console.write("\n")
        if lastWasCancel { return .interrupted }
        lastWasCancel = true
        return .cancelled
      case -2:
        cel_timed_end()
        isTimed = false
        return .interrupted
      default:
        if cel_termination_signal() != 0 {
          cel_timed_end()
          isTimed = false
          return .interrupted
        }
      }
    }
  }

  /// `[12:41 left] ` or `[time's up] `.
  static func countdown(to deadline: Date) -> String {
    let left = Int(deadline.timeIntervalSinceNow.rounded(.up))
    guard left > 0 else { return "[time's up] " }
    let minutes = left / 60
    let seconds = left % 60
    return "[\(minutes):\(seconds < 10 ? "0" : "")\(seconds) left] "
  }

  /// Keeps an entered line in the history, in memory and in the history file.
  private func remember(_ line: String) -> LineRead {
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
