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
  /// Whether a line is being read (libedit's callback interface is installed).
  private var isReading = false
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
    if isReading {
      cel_line_print_above(line)
    } else {
      console.write(line + "\n")
    }
  }

  func abandonLine() {
    guard isReading else { return }
    cel_line_end()
    isReading = false
  }

  /// Reads a line with libedit's callback interface. A prompt with a deadline counts down to it,
  /// redrawn every second without disturbing the line being typed, and returns `.deadlinePassed`
  /// once when it passes; the line goes on being edited at the next call.
  func read(_ prompt: Prompt) -> LineRead {
    if !isReading {
      setCompletions(prompt.completions)
      console.flush()
      shownPrompt = Self.countdown(to: prompt.deadline) + prompt.text
      beginLine(shownPrompt, singleKeys: prompt.singleKeys)
      isReading = true
    }
    let interruptsBefore = cel_interrupt_count()
    while true {
      let text = Self.countdown(to: prompt.deadline) + prompt.text
      if text != shownPrompt {
        shownPrompt = text
        cel_line_set_prompt(text)
      }
      if let deadline = prompt.deadline {
        if Date() >= deadline, announcedDeadline != deadline {
          announcedDeadline = deadline
          return .deadlinePassed
        }
      }
      switch cel_line_wait(prompt.deadline == nil ? 1000 : 250) {
      case 1:
        isReading = false
        let key = cel_line_single_key()
        guard let raw = cel_line_take() else {
          console.write("\n")
          return .endOfInput
        }
        defer { cel_free(raw) }
        lastWasCancel = false
        if key > 0, let scalar = Unicode.Scalar(UInt32(key)),
          let answer = prompt.singleKeys[Character(String(Character(scalar)).lowercased())]
        {
          return remember(answer)
        }
        return remember(String(cString: raw))
      case -1:
        if cel_termination_signal() != 0 {
          abandonLine()
          return .interrupted
        }
        // A signal other than Ctrl-C (Ctrl-Z and fg, say) only redraws the line.
        guard cel_interrupt_count() != interruptsBefore else {
          cel_line_set_prompt(shownPrompt)
          continue
        }
        abandonLine()
        if lastWasCancel { return .interrupted }
        lastWasCancel = true
        return .cancelled
      case -2:
        abandonLine()
        return .interrupted
      default:
        if cel_termination_signal() != 0 {
          abandonLine()
          return .interrupted
        }
      }
    }
  }

  /// Starts a line; each single key shows the rest of its answer (a letter) or the answer (a number).
  private func beginLine(_ prompt: String, singleKeys: [Character: String]) {
    var keys: [(key: Character, echo: String)] = []
    for (key, answer) in singleKeys.sorted(by: { $0.key < $1.key }) where key.isASCII {
      if key.isLetter {
        let rest = String(answer.dropFirst())
        keys.append((key, rest))
        keys.append((Character(key.uppercased()), rest))
      } else {
        keys.append((key, " → \(answer)"))
      }
    }
    let keyString = String(keys.map(\.key))
    var echoes = keys.map { strdup(TextSanitizer.clean($0.echo)) }
    defer { echoes.forEach { free($0) } }
    echoes.append(nil)
    echoes.withUnsafeMutableBufferPointer { buffer in
      buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { rebound in
        cel_line_begin(prompt, keyString, rebound.baseAddress)
      }
    }
  }

  /// `[12:41 left] ` or `[time's up] `; empty without a deadline.
  static func countdown(to deadline: Date?) -> String {
    guard let deadline else { return "" }
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
