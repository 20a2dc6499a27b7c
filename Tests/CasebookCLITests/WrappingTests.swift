import CasebookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// What a screen or a piped run shows, checked for wrapping: no line wider than allowed, no word
/// broken across lines, and every text still there.
struct WrappedText {
  let lines: [String]

  init(_ text: String) {
    lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
      String($0.reversed().drop { $0 == " " }.reversed())
    }
  }

  /// The words of the text, whatever its line breaks.
  var words: [Substring] { lines.joined(separator: "\n").split(whereSeparator: \.isWhitespace) }

  /// The lines wider than `width` columns, save a path longer than a line, which is left whole.
  func lines(widerThan width: Int) -> [String] {
    lines.filter { DisplayWidth.of($0) > width && !($0.split(separator: " ").count == 1 && $0.contains("/")) }
  }

  /// Each place where the last word of a line and the first of the next make one word of
  /// `vocabulary` that is not itself two words of it: a word broken across lines.
  func brokenWords(_ vocabulary: Set<Substring>) -> [String] {
    zip(lines, lines.dropFirst()).compactMap { line, next in
      guard let end = line.split(separator: " ").last, let start = next.split(separator: " ").first else { return nil }
      let joined = end + start
      guard vocabulary.contains(joined), !(vocabulary.contains(end) && vocabulary.contains(start)) else { return nil }
      return "\(line) | \(next)"
    }
  }

  /// Whether `text`'s words appear in this text in a row, however the lines break.
  func contains(_ text: some StringProtocol) -> Bool {
    let wanted = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    return words.joined(separator: " ").contains(wanted)
  }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct WrappingTests {
  /// A whole no-show case in coach mode (every detail and reason shown), with a client whose name
  /// has wide characters: each answer, and a text to wait for after it. The terminal is tall, so
  /// that nothing is folded to fit (ScreenBudgetTests checks that); `:show` shows drafts again.
  static let run: [(answer: String, next: String)] = [
    ("", "What kind of appointment"), ("", "Did you get through to them?"),
    ("no", "Are you willing to wait"), ("yes", "How long will you wait?"),
    ("1h", "Have they arrived or been in touch?"), (":show", "voicemail draft 1 of 2"), (":copy 1", "also in"),
    (":where", "Now:"), (":help", "unique first letter is enough"),
    ("replied", "Did you agree a new time?"), ("booked", "What date and time did you agree?"),
    ("2026-11-30 10:00", "Has this client missed or cancelled late before?"), (":show", "message draft 2 of 2"),
    ("no", "Case record:"),
  ]
  static let arguments = ["run", "no-show", "--client", "李小龍 Dana", "--mode", "coach"]

  /// The same case through a pipe, too wide to wrap: every text Casebook prints in it, whole.
  static func unwrapped() throws -> WrappedText {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    casebook.environment["COLUMNS"] = "100000"
    let input = run.map(\.answer).joined(separator: "\n") + "\n"
    let outcome = try casebook.run(arguments, input: input)
    #expect(outcome.status == 0)
    return WrappedText(outcome.stdout)
  }

  /// Runs the case at a terminal `width` columns wide and returns everything it showed.
  func screen(width: Int) throws -> WrappedText {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(Self.arguments, in: casebook, width: width, height: 200)
    _ = try session.waitFor { WrappedText($0).contains("what time was the appointment?") }
    for step in Self.run {
      try session.enter(step.answer)
      let screen = try session.waitFor { WrappedText($0).contains(step.next) }
      #expect(WrappedText(screen).contains(step.next), "after '\(step.answer)':\n\(screen)")
    }
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    // Less the line tmux writes itself once the program has ended.
    let lines = try session.history().split(separator: "\n", omittingEmptySubsequences: false)
    return WrappedText(lines.filter { !$0.hasPrefix("Pane is dead") }.joined(separator: "\n"))
  }

  /// Every line fits in the width minus one, no word is broken, and every text printed is there.
  func expectWrapped(_ screen: WrappedText, width: Int) throws {
    let whole = try Self.unwrapped()
    #expect(screen.lines(widerThan: width - 1) == [])
    #expect(screen.brokenWords(Set(whole.words)) == [])
    // Lines that differ between a pipe and a terminal: prompts, paths, times and the copy.
    let same = whole.lines.filter { line in
      !line.isEmpty && !line.hasPrefix(">") && !["/", "until", "also in", "Saved in"].contains { line.contains($0) }
    }
    #expect(same.count > 50)
    for line in same where !screen.contains(line) {
      Issue.record("missing at \(width) columns: \(line)")
    }
  }

  @Test func `at 40 columns the whole no-show case wraps at words, under each choice's label`() throws {
    let screen = try screen(width: 40)
    try expectWrapped(screen, width: 40)
    // A choice continues under its label, a list item under its text.
    let choice = try #require(screen.lines.firstIndex { $0.hasPrefix("  2 replied  They called,") })
    #expect(screen.lines[choice + 1] == "             emailed")
    let action = try #require(screen.lines.firstIndex { $0.hasPrefix("  - Schedule a reminder") })
    #expect(screen.lines[action + 1].hasPrefix("    ") && !screen.lines[action + 1].hasPrefix("     "))
    // The name's wide characters count twice: the greeting breaks sooner than its letters alone.
    #expect(screen.lines.contains { $0.hasPrefix("Hi 李小龍, it's [casebook profile set") })
  }

  @Test func `at 120 columns the same case uses the whole width and breaks no word`() throws {
    let screen = try screen(width: 120)
    try expectWrapped(screen, width: 120)
    #expect(screen.lines.contains { DisplayWidth.of($0) > 100 })
  }

  @Test func `after the terminal is resized, the next text wraps to the new width`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(["run", fixture("small.yaml"), "--mode", "coach"], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    try session.enter(":help")
    _ = try session.waitFor { $0.contains("unique first letter") }
    try session.tmux(["resize-window", "-t", "main", "-x", "40", "-y", "30"])
    _ = try session.waitFor { $0.split(separator: "\n").allSatisfy { $0.count <= 40 } }
    try session.enter(":help")
    _ = try session.waitFor { _ in
      WrappedText((try? session.history()) ?? "").words.joined(separator: " ")
        .components(separatedBy: "a unique first letter is enough.").count == 3
    }
    let screen = WrappedText(try session.history())
    let help = try #require(screen.lines.lastIndex { $0.hasPrefix("> :help") })
    let after = WrappedText(screen.lines[help...].joined(separator: "\n"))
    #expect(after.lines(widerThan: 39) == [])
    let copy = try #require(after.lines.firstIndex { $0.hasPrefix("  :copy [N]   copy the") })
    #expect(after.lines[copy + 1].hasPrefix(String(repeating: " ", count: 14)))
    // Before the resize, the same list was wrapped at 99 columns: one line per command.
    let before = WrappedText(screen.lines[..<help].joined(separator: "\n"))
    #expect(before.lines.contains { $0.hasPrefix("  :copy [N]") && $0.hasSuffix("to the clipboard and a file") })
    try session.send("C-d")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
  }
}

/// Piped output wraps at 80 columns, or at `COLUMNS`, and keeps the layout scripts read.
@Suite struct PipedWrappingTests {
  @Test func `COLUMNS sets the width of a piped run, and questions, choices and prompts keep their shape`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    casebook.environment["COLUMNS"] = "44"
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nno\nno\n")
    let text = WrappedText(outcome.stdout)
    #expect(text.lines(widerThan: 44) == [])
    #expect(text.lines.contains("? Are you willing to wait a little while for"))
    #expect(text.lines.contains("  them?"))
    #expect(text.lines.contains("  2 no   No, I can't wait"))
    #expect(text.lines.filter { $0.hasPrefix("> ") && $0.count > 2 } == ["> no", "> no"])
    #expect(text.contains("Hi Dana, sorry we missed each other today. Reply with a couple of times that suit you"))
  }

  @Test func `cases show wraps the record, list items under their text; record.md is not wrapped`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nyes\ncoming\nyes\n20m\narrived\n")
    casebook.environment["COLUMNS"] = "50"
    let shown = try casebook.run(["cases", "show", "2026-11-24-no-show-dana"])
    #expect(shown.status == 0)
    let text = WrappedText(shown.stdout)
    #expect(text.lines(widerThan: 50) == [])
    let action = try #require(text.lines.firstIndex { $0.hasPrefix("- [ ] Note the late arrival") })
    #expect(text.lines[action + 1].hasPrefix("      ") && !text.lines[action + 1].hasPrefix("       "))
    let record = casebook.read("2026-11-24-no-show-dana", "record.md")
    #expect(record.contains("- [ ] Note the late arrival in the client's file (by 2026-11-24)"))
    #expect(text.words == WrappedText(record).words)
  }

  @Test func `without COLUMNS a piped run wraps at 80`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nno\nyes\n15m\n")
    let text = WrappedText(outcome.stdout)
    #expect(text.lines(widerThan: 80) == [])
    #expect(text.lines.contains { DisplayWidth.of($0) > 70 })
  }

  @Test(arguments: [40, 80, 120])
  func `cases and next fit the width, long names shortened in the middle, ids whole`(width: Int) throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let long = "Dana Ruiz-Montgomery of the Very Long Family Name"
    _ = try casebook.run(["run", "no-show", "--client", long], input: "\n\nyes\ncoming\n")
    _ = try casebook.run(["run", "no-show", "--client", "李小龍"], input: "\n\nyes\ncoming\nyes\n20m\narrived\n")
    let ids = ["2026-11-24-no-show-dana-ruiz-montgomery-of-the-very-long-fa", "2026-11-24-no-show-li-xiao-long"]
    casebook.environment["COLUMNS"] = String(width)
    for command in [["cases"], ["next"]] {
      let outcome = try casebook.run(command)
      let lines = WrappedText(outcome.stdout).lines
      // A case id longer than the screen is the one thing left whole, on a line of its own.
      #expect(lines.filter { DisplayWidth.of($0) > width && !ids.contains($0) } == [], "\(command) at \(width): \(outcome.stdout)")
      for id in ids { #expect(lines.contains { $0.contains(id) }, "\(command) at \(width): \(outcome.stdout)") }
    }
    let wide = try casebook.run(["cases"]).stdout
    #expect(width < 120 || !wide.contains(long))
    #expect(wide.contains("Dana"))
  }
}
