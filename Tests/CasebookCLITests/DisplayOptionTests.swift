import Foundation
import Testing

/// `--color`, `--no-pager`, `--accessible` and the variables behind them, from outside.
@Suite(.serialized)
struct DisplayOptionTests {
  static let broken = """
    id: broken
    title: Broken
    start: a
    steps:
      - id: a
        say: Hello.
        next: b
    """

  @Test func `check colours its diagnostics only when asked to through a pipe`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try FileManager.default.createDirectory(atPath: casebook.home, withIntermediateDirectories: true)
    let file = casebook.home + "/broken.yaml"
    try Self.broken.write(toFile: file, atomically: true, encoding: .utf8)
    let plain = try casebook.run(["check", file])
    #expect(plain.status == 1)
    #expect(!plain.stderr.contains("\u{1B}["), "\(plain.stderr)")
    let coloured = try casebook.run(["check", file, "--color", "always"])
    #expect(coloured.status == 1)
    #expect(coloured.stderr.contains("\u{1B}[1;31merror:\u{1B}[0m"), "\(coloured.stderr)")
    // Before the command too, and `never` over CLICOLOR_FORCE.
    #expect(try casebook.run(["--color=always", "check", file]).stderr.contains("\u{1B}[1;31m"))
    var forced = casebook
    forced.environment = ["NO_COLOR": "", "CLICOLOR_FORCE": "1"]
    #expect(try forced.run(["check", file]).stderr.contains("\u{1B}[1;31m"))
    #expect(try !forced.run(["check", file, "--color", "never"]).stderr.contains("\u{1B}["))
  }

  @Test func `a --color that is not auto, always or never is refused with the choices`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["list", "--color", "sometimes"])
    #expect(outcome.status != 0)
    #expect(outcome.stderr.contains("--color takes one of auto, always, never; got 'sometimes'"), "\(outcome.stderr)")
  }

  @Test func `help through a pipe is written directly, with the three moments`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    var paged = casebook
    paged.environment = ["PAGER": "false"]
    let help = try paged.run(["--help"])
    #expect(help.status == 0)
    #expect(help.stdout.contains("In the moment"), "\(help.stdout)")
    #expect(help.stdout.contains("Coaching new staff"))
    #expect(help.stdout.contains("Rehearsing a hard conversation"))
    let run = try paged.run(["run", "--help"])
    #expect(run.stdout.contains("Examples:"), "\(run.stdout)")
  }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct PagerAndAccessibleTests {
  @Test func `at a terminal, help and a record go through PAGER, and --no-pager writes them directly`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try FileManager.default.createDirectory(atPath: casebook.home, withIntermediateDirectories: true)
    let paged = casebook.home + "/paged.txt"
    // The pager reads keys from the terminal as less does: it must own it, not be stopped.
    let session = try TerminalTests().startSession(
      ["--help"], in: casebook,
      environment: ["PAGER": "cat > \(TmuxSession.quote(paged)); echo READY; read key < /dev/tty; echo PAGED $key"])
    _ = try session.waitFor { $0.contains("READY") }
    try session.enter("q")
    _ = try session.waitFor { $0.contains("PAGED q") }
    #expect(try String(contentsOfFile: paged, encoding: .utf8).contains("Rehearsing a hard conversation"))

    let direct = try TerminalTests().startSession(
      ["--help", "--no-pager"], in: casebook, environment: ["PAGER": "echo PAGED"])
    let screen = try direct.waitFor { $0.contains("SUBCOMMANDS") }
    #expect(!screen.contains("PAGED"), "\(screen)")
  }

  @Test func `a pasted text of several lines is one answer that waits for Enter, never several answers`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(["run", fixture("small.yaml"), "--client", "Ana"], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    try session.type(":note ")
    _ = try session.tmux(["set-buffer", "-b", "paste", "rang twice\nno answer\n"], capture: false)
    _ = try session.tmux(["paste-buffer", "-p", "-b", "paste", "-t", "main"], capture: false)
    var screen = try session.waitFor { $0.contains(":note rang twice no answer") && $0.contains("Pasted 2 lines") }
    #expect(screen.contains("Pasted 2 lines as one answer"), "\(screen)")
    // Nothing was entered: the question still waits, and Enter takes the whole paste as one note.
    #expect(!screen.contains("Noted."), "\(screen)")
    try session.send("Enter")
    screen = try session.waitFor { $0.contains("Noted.") }
    #expect(screen.components(separatedBy: "Noted.").count == 2, "\(screen)")
    #expect(!screen.contains("How long will you wait?"), "\(screen)")
    try session.send("C-c")
    try session.send("C-c")
  }

  @Test func `a pasted line that wraps is redrawn in place as the countdown moves`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(["run", fixture("timer.yaml")], in: casebook, width: 40, height: 20)
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("30s")
    _ = try session.waitFor { $0.contains("left] >") }
    try session.type(":note ")
    _ = try session.tmux(["set-buffer", "-b", "paste", "ran late again,\nthird time this month\n"], capture: false)
    _ = try session.tmux(["paste-buffer", "-p", "-b", "paste", "-t", "main"], capture: false)
    var screen = try session.waitFor { $0.contains("month") }
    let first = screen.split(separator: "\n").first { $0.contains("left] >") }.map(String.init)
    screen = try session.waitFor { screen in
      screen.split(separator: "\n").contains { $0.contains("left] >") && String($0) != first }
    }
    usleep(1_500_000)
    screen = try session.screen()
    #expect(screen.split(separator: "\n").filter { $0.contains("left] >") }.count == 1, "\(screen)")
    #expect(screen.components(separatedBy: "month").count == 2, "\(screen)")
    try session.send("Enter")
    screen = try session.waitFor { $0.contains("Noted.") }
    #expect(screen.contains("Noted."), "\(screen)")
    try session.send("C-c")
    try session.send("C-c")
  }

  @Test func `accessible mode does not redraw the countdown; it says the time left in plain lines`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // The stepped fake clock moves a minute at each reading: a 20-minute wait passes in seconds.
    var environment = casebook.baseEnvironment().filter {
      ["CASEBOOK_HOME", "TZ", "CASEBOOK_FAKE_NOW", "PATH", "HOME"].contains($0.key)
    }
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment["ACCESSIBLE"] = "1"
    let session = try TmuxSession(
      command: [CasebookProcess.binary, "run", fixture("timer.yaml")], environment: environment, width: 60, height: 40)
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("20m")
    let screen = try session.waitFor(seconds: 30) { $0.contains("1 minute left.") }
    #expect(screen.contains("5 minutes left."), "\(screen)")
    #expect(screen.contains("Half the wait has passed"), "\(screen)")
    // The prompt shows the deadline, not a figure redrawn every second.
    #expect(!screen.contains("left] >"), "\(screen)")
    #expect(screen.contains("[until "), "\(screen)")
    #expect(screen.components(separatedBy: "1 minute left.").count == 2, "\(screen)")
    try session.send("C-c")
    try session.send("C-c")
  }
}
