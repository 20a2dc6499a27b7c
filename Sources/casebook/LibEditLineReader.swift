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
  private let clock: Clock
  private var resizesSeen = cel_resize_count()
  /// The keys that answer the current prompt on their own, and what each shows after itself.
  private var lineKeys: [Character: (answer: String, echo: String)] = [:]
  /// The prompt of the line being read, for what of it the history may keep.
  private var asked: Prompt?
  private let accessible: Bool
  private let marksPrompts: Bool
  private let times: TimeFormatter
  private var spoken: SpokenCountdown?

  /// - Parameters:
  ///   - console: Where prompts and notices go.
  ///   - historyPath: The history file, or `nil` to keep answers out of history.
  ///   - clock: The time, for the countdown and the timing of one-key answers.
  ///   - accessible: Speak the countdown at set points in plain lines (``SpokenCountdown``)
  ///     instead of redrawing it every second.
  ///   - timeZone: The zone the accessible prompt writes its deadline in.
  ///   - marksPrompts: Wrap the prompt in OSC 133 marks (prompt start, input start), so that
  ///     terminals that know them can jump from question to question.
  init(
    console: Console, historyPath: String?, clock: Clock, accessible: Bool = false, timeZone: TimeZone = .current,
    marksPrompts: Bool = false
  ) {
    self.marksPrompts = marksPrompts
    self.console = console
    self.historyPath = historyPath
    self.clock = clock
    self.accessible = accessible
    self.times = TimeFormatter(timeZone: timeZone)
    cel_initialize("casebook")
    cel_set_escape_timeout(Self.escapeWaitMilliseconds)
    if let historyPath { loadHistory(historyPath) }
  }

  func announce(_ text: String) {
    let line = "\u{07}" + console.wrapped("! " + TextSanitizer.clean(text))
    if isReading {
      cel_line_print_above(line)
    } else {
      console.writeVerbatim(line + "\n")
    }
  }

  func abandonLine() {
    guard isReading else { return }
    cel_line_end()
    isReading = false
  }

  /// Asked about once a second while a line is read; when it says yes, the read returns
  /// `.deadlinePassed` with the line still being edited (`casebook run --watch` polls its file).
  var stopReading: (() -> Bool)?

  /// Reads a line with libedit's callback interface. A prompt with a deadline counts down to it,
  /// redrawn every second without disturbing the line being typed, and returns `.deadlinePassed`
  /// once when it passes; the line goes on being edited at the next call.
  func read(_ prompt: Prompt) -> LineRead {
    if !isReading {
      _ = followResize()
      setCompletions(prompt.completions)
      console.flush()
      shownPrompt = countdown(to: prompt.deadline, now: clock.now()) + prompt.text
      lineKeys = Self.lineKeys(prompt.singleKeys)
      asked = prompt
      cel_line_begin(marked(shownPrompt))
      isReading = true
    }
    let interruptsBefore = cel_interrupt_count()
    while true {
      let now = clock.now()
      if accessible { speakCountdown(to: prompt.deadline, now: now) }
      let text = countdown(to: prompt.deadline, now: now) + prompt.text
      if text != shownPrompt {
        shownPrompt = text
        cel_line_set_prompt(marked(text))
      }
      if let deadline = prompt.deadline, now >= deadline, announcedDeadline != deadline {
        announcedDeadline = deadline
        return .deadlinePassed
      }
      if let stopReading, stopReading() { return .deadlinePassed }
      var key: Int32 = 0
      var alone: Int32 = 0
      switch cel_line_read_key(prompt.deadline == nil ? 1000 : 250, &key, &alone) {
      case CEL_KEY_READ:
        // Any key between two Ctrl-Cs (typing, Up) makes the next one clear again, not leave.
        lastWasCancel = false
        switch feed(key, alone: alone != 0) {
        case .pending: continue
        case .interrupted: return cancel(interruptsBefore: interruptsBefore)
        case .line(let answer): return finishLine(oneKeyAnswer: answer)
        }
      case CEL_KEY_LINE_READY:
        return finishLine(oneKeyAnswer: nil)
      case CEL_KEY_PASTED:
        // A pasted text is one answer, never several: its lines were joined, and it waits for Enter.
        lastWasCancel = false
        let lines = Int(cel_last_paste_lines())
        if lines > 1 {
          cel_line_print_above(console.wrapped("! Pasted \(lines) lines as one answer: Enter takes it, Ctrl-C clears it."))
        }
      case CEL_KEY_SIGNAL:
        guard let read = signalled(interruptsBefore: interruptsBefore) else { continue }
        return read
      case CEL_KEY_CLOSED:
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

  /// What giving a key to the line did.
  private enum Fed {
    case pending
    case interrupted
    /// The line is complete; with the answer when one key gave it.
    case line(String?)
  }

  /// Gives a key to libedit; a key pressed alone at an empty line that names a choice answers at
  /// once, and the habit typed after it is absorbed before the line ends.
  private func feed(_ key: Int32, alone: Bool) -> Fed {
    switch cel_line_feed(key) {
    case CEL_FEED_LINE_READY: return .line(nil)
    case CEL_FEED_INTERRUPTED: return .interrupted
    default: break
    }
    guard alone, cel_line_holds_one_key() != 0, let character = Unicode.Scalar(UInt32(key)).map(Character.init),
      character.isASCII, let named = lineKeys[character]
    else { return .pending }
    cel_line_insert(TextSanitizer.clean(named.echo))
    absorbHabit(rest: character.isLetter ? named.echo : "")
    cel_line_enter()
    return .line(named.answer)
  }

  /// Waits, after a one-key answer, for the rest of its word and the Enter typed out of habit, and
  /// drops them (``OneKeyTiming``); the first other key is kept for the next question, which
  /// appears only once the wait is over.
  private func absorbHabit(rest: String) {
    var timing = OneKeyTiming()
    timing.answered(rest: rest, at: clock.now())
    while let until = timing.waitsUntil {
      let left = until.timeIntervalSince(clock.now())
      guard left > 0 else { return }
      var key: Int32 = 0
      var alone: Int32 = 0
      switch cel_line_read_key(Int32((left * 1000).rounded(.up)), &key, &alone) {
      case CEL_KEY_READ:
        let character = Unicode.Scalar(UInt32(key)).map(Character.init) ?? "\u{FFFD}"
        if timing.judge(character, at: clock.now()) == .kept { cel_line_keep_key(key) }
      case CEL_KEY_TIMEOUT:
        continue
      case CEL_KEY_SIGNAL:
        // A resize is followed; Ctrl-C or a request to stop ends the wait (the answer stands).
        guard followResize() else { return }
        cel_line_set_prompt(marked(shownPrompt))
      default:
        return
      }
    }
  }

  /// Whether the terminal was resized since last seen; if so libedit is told its new size.
  private func followResize() -> Bool {
    let count = cel_resize_count()
    guard count != resizesSeen else { return false }
    resizesSeen = count
    cel_line_resize()
    return true
  }

  private func finishLine(oneKeyAnswer: String?) -> LineRead {
    isReading = false
    guard let raw = cel_line_take() else {
      console.write("\n")
      return .endOfInput
    }
    defer { cel_free(raw) }
    lastWasCancel = false
    return remember(oneKeyAnswer ?? String(cString: raw))
  }

  /// A signal arrived while waiting: the process is asked to stop, Ctrl-C cancels the line, and any
  /// other signal (Ctrl-Z and fg, say) only redraws it (`nil`: go on reading).
  private func signalled(interruptsBefore: Int32) -> LineRead? {
    if cel_termination_signal() != 0 {
      abandonLine()
      return .interrupted
    }
    guard cel_interrupt_count() != interruptsBefore else {
      _ = followResize()
      cel_line_set_prompt(marked(shownPrompt))
      return nil
    }
    return cancel(interruptsBefore: interruptsBefore)
  }

  private func cancel(interruptsBefore: Int32) -> LineRead {
    if cel_termination_signal() != 0 {
      abandonLine()
      return .interrupted
    }
    abandonLine()
    if lastWasCancel { return .interrupted }
    lastWasCancel = true
    return .cancelled
  }

  /// Each one-key answer's key (both cases of a letter) with what it shows after itself: the rest
  /// of its word for a letter, the answer for a number.
  static func lineKeys(_ singleKeys: [Character: String]) -> [Character: (answer: String, echo: String)] {
    var keys: [Character: (answer: String, echo: String)] = [:]
    for (key, answer) in singleKeys where key.isASCII {
      if key.isLetter {
        let rest = String(answer.dropFirst())
        keys[key] = (answer, rest)
        keys[Character(key.uppercased())] = (answer, rest)
      } else {
        keys[key] = (answer, " → \(answer)")
      }
    }
    return keys
  }

  /// `prompt` as libedit is given it: between OSC 133's prompt-start and input-start marks, each
  /// inside \u{01}…\u{02} so that neither libedit nor the redraw counts it as columns.
  private func marked(_ prompt: String) -> String {
    guard marksPrompts else { return prompt }
    return "\u{01}\u{1B}]133;A\u{07}\u{02}" + prompt + "\u{01}\u{1B}]133;B\u{07}\u{02}"
  }

  /// The countdown before the prompt: the time left, redrawn each second; in accessible mode the
  /// deadline itself (`[until 10:42] `), which changes only when it passes.
  private func countdown(to deadline: Date?, now: Date) -> String {
    guard accessible, let deadline, deadline > now else { return Self.countdown(to: deadline, now: now) }
    return "[until \(times.clock(deadline))] "
  }

  /// In accessible mode the set points of the countdown are said once each, above the line being
  /// typed.
  private func speakCountdown(to deadline: Date?, now: Date) {
    guard let deadline else { return }
    if spoken?.deadline != deadline { spoken = SpokenCountdown(deadline: deadline, start: now) }
    if let line = spoken?.announcement(at: now) { cel_line_print_above(console.wrapped(line)) }
  }

  /// How long libedit waits after a bare Esc for the rest of a key sequence: short enough that the
  /// countdown and Ctrl-C are never held up, long enough for a sequence sent in pieces.
  static let escapeWaitMilliseconds: Int32 = 300

  /// `[12:41 left] ` or `[time's up] `; empty without a deadline.
  static func countdown(to deadline: Date?, now: Date) -> String {
    guard let deadline else { return "" }
    let left = Int(deadline.timeIntervalSince(now).rounded(.up))
    guard left > 0 else { return "[time's up] " }
    let minutes = left / 60
    let seconds = left % 60
    return "[\(minutes):\(seconds < 10 ? "0" : "")\(seconds) left] "
  }

  /// Keeps what of an entered line may be kept (``LineHistory``) in the history, in memory and in
  /// the history file.
  private func remember(_ line: String) -> LineRead {
    if let asked, let entry = LineHistory.entry(for: line, keeping: asked.history, completions: asked.completions) {
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
