import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct TerminalTests {
  /// Runs `casebook ARGS` in a new tmux session with a private home and a fake clock that starts
  /// at a fixed instant and runs in real time (the countdown and one-key timing need real seconds).
  func startSession(
    _ arguments: [String], in casebook: CasebookProcess, width: Int = 100, height: Int = 30,
    environment extra: [String: String] = [:]
  ) throws -> TmuxSession {
    // An empty profile, so that no first-run tip comes before the case.
    try FileManager.default.createDirectory(atPath: casebook.home + "/config", withIntermediateDirectories: true)
    FileManager.default.createFile(atPath: casebook.home + "/config/profile.yaml", contents: Data())
    var environment = casebook.baseEnvironment().filter {
      ["CASEBOOK_HOME", "TZ", "CASEBOOK_FAKE_NOW", "PATH", "HOME"].contains($0.key)
    }
    environment["CASEBOOK_FAKE_CLOCK"] = "running"
    environment["TERM"] = "xterm-256color"
    environment["LANG"] = "C.UTF-8"
    environment.merge(extra) { $1 }
    return try TmuxSession(
      command: [CasebookProcess.binary] + arguments, environment: environment, width: width, height: height)
  }

  @Test func `at a real terminal, Tab completes answers, Up recalls history and Ctrl-C clears the line`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // Coaching: answers wait for Enter, so a first letter can be completed with Tab.
    let session = try startSession(["run", fixture("small.yaml"), "--client", "Ana", "--mode", "coach"], in: casebook)

    var screen = try session.waitFor { $0.contains("Did you reach them?") }
    #expect(screen.contains("1 yes"))

    // Tab completes the unique answer starting with "n".
    try session.type("n")
    try session.send("Tab")
    screen = try session.waitFor { $0.contains("> no") }
    #expect(screen.contains("> no"))
    try session.send("Enter")
    screen = try session.waitFor { $0.contains("How long will you wait?") }
    #expect(screen.contains("How long will you wait?"))

    // Ctrl-C drops a half-typed line; nothing of it is recorded.
    try session.type("half typ")
    screen = try session.waitFor { $0.contains("> half typ") }
    try session.send("C-c")
    screen = try session.waitFor { $0.contains("Line cleared") }
    #expect(screen.contains("Line cleared"))
    try session.enter("1h")
    screen = try session.waitFor { $0.contains("When is the new appointment?") }
    #expect(screen.contains("When is the new appointment?"))

    // Up brings back the previous line, which is then edited and entered (once the prompt is up:
    // a key sent before it is drawn may reach the terminal before the line editor reads it).
    _ = try session.waitFor { $0.split(separator: "\n").last?.hasPrefix(">") == true }
    try session.send("Up")
    screen = try session.waitFor { $0.hasSuffix("> 1h\n") || $0.contains("> 1h\n\n") || $0.split(separator: "\n").last == "> 1h" }
    #expect(screen.split(separator: "\n").last == "> 1h")
    try session.send("C-u")
    try session.enter("2026-12-02 09:30")
    screen = try session.waitFor { $0.contains("Case record:") }
    #expect(screen.contains("= Wait, then send the follow-up."))
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    #expect(try casebook.answers("2026-11-24-small-ana") == ["no", "1h", "2026-12-02 09:30"])

    let history = try String(contentsOfFile: "\(casebook.home)/history", encoding: .utf8)
    // The half-typed line was never entered, so it is not in the history either.
    #expect(history == "no\n1h\n2026-12-02 09:30\n")
    let mode = try FileManager.default.attributesOfItem(atPath: "\(casebook.home)/history")[.posixPermissions] as? Int
    #expect(mode == 0o600)
  }

  @Test func `with --no-history, answers stay out of the history file; Ctrl-C twice leaves`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSession(["run", fixture("small.yaml"), "--no-history"], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    try session.enter("no")
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.send("C-c")
    _ = try session.waitFor { $0.contains("Line cleared") }
    try session.send("C-c")
    let screen = try session.waitFor { $0.contains("Case kept as interrupted") }
    #expect(screen.contains("casebook resume 2026-11-24-small"))
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 3)
    #expect(!FileManager.default.fileExists(atPath: "\(casebook.home)/history"))
    #expect(try casebook.answers("2026-11-24-small") == ["no"])

    // The journal remembers it: resuming without the flag keeps the case out of the history.
    let resumed = try startSession(["resume", "2026-11-24-small"], in: casebook)
    _ = try resumed.waitFor { $0.contains("How long will you wait?") }
    try resumed.enter("1h")
    _ = try resumed.waitFor { $0.contains("When is the new appointment?") }
    try resumed.enter(":quit")
    _ = try resumed.waitFor { _ in (try? resumed.exitStatus()) != nil }
    #expect(try casebook.answers("2026-11-24-small") == ["no", "1h"])
    #expect(!FileManager.default.fileExists(atPath: "\(casebook.home)/history"))
  }

  @Test func `free text never reaches the history: names, text answers and notes; answer words and commands do`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSession(["run", fixture("inputs.yaml")], in: casebook)
    _ = try session.waitFor { $0.contains("What is the client's name?") }
    try session.enter("Hist Secretname")
    _ = try session.waitFor { $0.contains("When was the appointment?") }
    try session.enter(":note Hist has a secret diagnosis")
    _ = try session.waitFor { $0.contains("Noted.") }
    try session.enter("2026-11-24 09:00")
    _ = try session.waitFor { $0.contains("How much notice") }
    try session.enter("3")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    let history = try String(contentsOfFile: "\(casebook.home)/history", encoding: .utf8)
    #expect(history == ":note\n2026-11-24 09:00\n3\n")
  }

  @Test func `the wait limit counts down in the prompt, keeps the half-typed answer, and takes the expiry branch`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // The fake clock runs in real time from a fixed instant: the countdown is about seconds passing.
    let session = try startSession(["run", fixture("timer.yaml")], in: casebook)
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("8s")
    // (capture-pane drops trailing spaces, so the bare prompt reads "left] >".)
    var screen = try session.waitFor { $0.contains("left] >") }
    // "a" begins both "arrived" and "absent", so it waits, half-typed, for more.
    try session.type("a")
    screen = try session.waitFor { $0.contains("left] > a") }
    let first = screen.split(separator: "\n").last { $0.contains("left] > a") }.map(String.init)
    // A bare Esc (libedit then waits for the rest of a key sequence) does not stop the clock.
    try session.send("Escape")
    // The countdown moves on while the half-typed answer stays as it is.
    screen = try session.waitFor { screen in
      screen.split(separator: "\n").contains { $0.contains("left] > a") && String($0) != first }
    }
    #expect(screen.split(separator: "\n").contains { $0.contains("left] > a") && String($0) != first }, "first: \(first ?? "-")\n\(screen)")
    // At the limit: the alert, and the expiry branch at once, with nothing more typed.
    screen = try session.waitFor { $0.contains("Case record:") }
    #expect(screen.contains("! Wait limit of 8s reached"))
    #expect(screen.contains("= Send the follow-up."))
    let lines = screen.split(separator: "\n").map(String.init)
    let alert = try #require(lines.firstIndex { $0.contains("Wait limit of 8s reached") })
    let outcome = try #require(lines.firstIndex { $0.contains("Send the follow-up.") })
    #expect(alert < outcome)
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    let record = try String(contentsOfFile: "\(casebook.home)/cases/2026-11-24-wait/record.json", encoding: .utf8)
    #expect(record.contains("\"event\" : \"expired\""))
    #expect(record.contains("before an answer to 'Have they arrived?': when wait_limit expired"))
  }

  @Test func `live answers take one key: a number or an unshared first letter, no Enter needed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSession(["run", fixture("small.yaml"), "--client", "Ana"], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    // "y" alone answers "yes", and the screen shows the whole word.
    try session.type("y")
    var screen = try session.waitFor { $0.contains("Did they agree to a new time?") }
    #expect(screen.contains("> yes"))
    // :back takes the answer back, so the question comes again.
    try session.enter(":back")
    screen = try session.waitFor { $0.contains("Took back 'yes'") }
    // A number alone answers too, and the Enter typed just after it out of habit is absorbed
    // (before the next question appears: once it is on screen, an Enter would be its own).
    try session.type("1")
    try session.send("Enter")
    screen = try session.waitFor { $0.contains("> 1 → yes") }
    #expect(screen.contains("> 1 → yes"), "\(screen)")
    _ = try session.waitFor { $0.components(separatedBy: "Did they agree to a new time?").count == 3 }
    // A whole word typed quickly after its first letter is absorbed as well.
    try session.type("l")
    try session.enter("ater")
    screen = try session.waitFor { $0.contains("Case record:") }
    #expect(!screen.contains("is not an answer"), "\(screen)")
    #expect(!screen.contains("Type an answer"), "\(screen)")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    #expect(try casebook.answers("2026-11-24-small-ana") == ["yes", "later"])
  }

  @Test func `at a terminal, rehearse asks for the plan first: a hint, a refused answer, then the conversation`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSession(["rehearse", fixture("practice.yaml"), "--seed", "7", "--client", "Ola"], in: casebook)
    _ = try session.waitFor { $0.contains("On what date does the work end?") }
    try session.enter(":hint")
    var screen = try session.waitFor { $0.contains("Suggestion: The client needs a date to plan around.") }
    try session.enter("next fridy")
    screen = try session.waitFor { $0.contains("'next fridy' is not understood") }
    try session.enter("2026-12-31")
    screen = try session.waitFor { $0.contains("Client (angry): You can't just leave us like this.") }
    #expect(screen.contains("  Last day of work: 2026-12-31"))
    try session.enter("We will finish the current project first, by 31 December 2026.")
    screen = try session.waitFor { $0.contains("Record:") }
    #expect(screen.contains("  + Last day of work"))
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    let record = try casebook.record("2026-11-24-practice-demo-ola")
    #expect((record["values"] as? [String: String])?["last_day"] == "2026-12-31")
    #expect((record["transcript"] as? [[String: Any]])?.count == 1)
  }

  @Test func `the home screen takes a playbook's number as one key`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSession([], in: casebook)
    _ = try session.waitFor { $0.contains("Which playbook?") }
    try session.type("4")
    let screen = try session.waitFor { $0.contains("Client's name") }
    #expect(screen.contains("> 4 → no-show"))
    try session.enter("Dana")
    _ = try session.waitFor { $0.contains("what time was the appointment?") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("What kind of appointment") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("Did you get through to them?") }
    try session.send("C-d")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 3)
  }

  @Test func `Ctrl-D at an empty prompt leaves like quit and keeps the case`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSession(["run", fixture("small.yaml")], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    try session.enter("yes")
    _ = try session.waitFor { $0.contains("Did they agree to a new time?") }
    try session.send("C-d")
    let screen = try session.waitFor { $0.contains("casebook resume 2026-11-24-small") }
    #expect(screen.contains("Case kept as interrupted. Resume it with: casebook resume 2026-11-24-small"))
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 3)
    #expect(try casebook.answers("2026-11-24-small") == ["yes"])
  }
}

/// Signals and a vanishing terminal: the case is kept as interrupted and the process leaves
/// within a second, never spinning.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct TerminalSignalTests {
  func pid(matching pattern: String) throws -> Int32? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/pgrep")
    process.arguments = ["-f", pattern]
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return text.split(separator: "\n").compactMap { Int32($0) }.first
  }

  func waitUntilGone(_ pid: Int32, seconds: Double) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if kill(pid, 0) != 0 && errno == ESRCH { return true }
      // An exited child whose parent is gone too may stay a zombie here: it has still left.
      let stat = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
      if let close = stat.lastIndex(of: ")"), stat[close...].dropFirst(2).first == "Z" { return true }
      usleep(10_000)
    }
    return false
  }

  func startAndAnswer(_ casebook: CasebookProcess, client: String) throws -> (TmuxSession, Int32) {
    let session = try TerminalTests().startSession(["run", fixture("small.yaml"), "--client", client], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    try session.enter("no")
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.type("half")
    let pid = try #require(try pid(matching: "^\(CasebookProcess.binary) run .*--client \(client)"))
    return (session, pid)
  }

  @Test func `SIGTERM keeps the case as interrupted and exits at once`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let client = "term-\(UUID().uuidString.prefix(8).lowercased())"
    let (session, pid) = try startAndAnswer(casebook, client: client)
    let sent = Date()
    kill(pid, SIGTERM)
    #expect(waitUntilGone(pid, seconds: 1))
    #expect(Date().timeIntervalSince(sent) < 1)
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 3)
    let reading = try #require(JournalReading(path: "\(casebook.home)/cases/2026-11-24-small-\(client)/journal.log"))
    #expect(reading.answers == ["no"])
    #expect(reading.events.last == "left")
    #expect(try casebook.record("2026-11-24-small-\(client)")["status"] as? String == "interrupted")
  }

  @Test func `a closed terminal keeps the case and the process leaves within a second`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let client = "hup-\(UUID().uuidString.prefix(8).lowercased())"
    let (session, pid) = try startAndAnswer(casebook, client: client)
    try session.tmux(["kill-server"])
    #expect(waitUntilGone(pid, seconds: 1))
    let reading = try #require(JournalReading(path: "\(casebook.home)/cases/2026-11-24-small-\(client)/journal.log"))
    // The half-typed line is never recorded as an answer.
    #expect(reading.answers == ["no"])
    #expect(reading.events.last == "left")
  }

  @Test func `a hostile client name cannot retitle the window or reach the screen raw`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let hostile = "Dana\u{1B}]0;PWNED\u{07}\u{1B}[2J\u{202E}/../../x"
    let session = try TerminalTests().startSession(["run", fixture("small.yaml"), "--client", hostile], in: casebook)
    let titleBefore = try session.tmux(["display-message", "-p", "-t", "main", "#{pane_title}"])
    let screen = try session.waitFor { $0.contains("Did you reach them?") }
    #expect(screen.contains("Dana␛]0;PWNED␇␛[2J"))
    #expect(try session.tmux(["display-message", "-p", "-t", "main", "#{pane_title}"]) == titleBefore)
    #expect(!titleBefore.contains("PWNED"))
    try session.send("C-d")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    let folders = casebook.caseFolders()
    #expect(folders == ["2026-11-24-small-dana-0-pwned-2j-x"])
    #expect(try casebook.record(folders.first ?? "")["client"] as? String == hostile)
  }
}
