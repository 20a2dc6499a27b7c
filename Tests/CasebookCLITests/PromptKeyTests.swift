import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Keys at a real terminal as a hurried person presses them: Ctrl-C that clears, and one-key
/// answers given fast, one after another.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct PromptKeyTests {
  func count(_ text: String, in screen: String) -> Int { screen.components(separatedBy: text).count - 1 }

  @Test func `Ctrl-C leaves only when pressed twice with nothing typed or recalled between`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSmall(casebook)
    try session.enter("no")
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    // Typed, cleared; typed again, cleared again: the case goes on.
    for (index, text) in [":note abc", ":note def"].enumerated() {
      try session.type(text)
      _ = try session.waitFor { $0.contains("> \(text)") }
      try session.send("C-c")
      let screen = try session.waitFor { count("Line cleared", in: $0) == index + 1 }
      #expect(count("Line cleared", in: screen) == index + 1, "\(screen)")
    }
    // Up recalls a line, and that counts as something between two presses too.
    try session.send("Up")
    _ = try session.waitFor { $0.split(separator: "\n").last == "> no" }
    try session.send("C-c")
    var screen = try session.waitFor { count("Line cleared", in: $0) == 3 }
    #expect(count("Line cleared", in: screen) == 3, "\(screen)")
    #expect(!screen.contains("Case kept as interrupted"))
    #expect(try session.exitStatus() == nil)
    // Nothing between that press and this one: this one leaves, keeping the case.
    try session.send("C-c")
    screen = try session.waitFor { $0.contains("Case kept as interrupted") }
    #expect(screen.contains("casebook resume 2026-11-24-small-ana"))
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 3)
    #expect(try casebook.answers("2026-11-24-small-ana") == ["no"])
  }

  @Test func `a key pressed right after a one-key answer answers the next question`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSmall(casebook)
    // The next key 0.2 s after the first, before the next question is on screen.
    try session.type("1")
    usleep(200_000)
    try session.type("2")
    let screen = try session.waitFor { $0.contains("Case record:") }
    #expect(screen.contains("> 2 → later"), "\(screen)")
    #expect(!screen.contains("not an answer"), "\(screen)")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try casebook.answers("2026-11-24-small-ana") == ["yes", "later"])
  }

  @Test func `once the next question is on screen, a key belongs to it, even the Enter after a number`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try startSmall(casebook)
    try session.type("1")
    _ = try session.waitFor { $0.contains("Did they agree to a new time?") }
    try session.send("Enter")
    var screen = try session.waitFor { $0.contains("Type an answer") }
    #expect(screen.contains("! Type an answer: agreed or later (or 1-2)."), "\(screen)")
    // And a first letter, just after the question appeared, answers at once.
    try session.type("l")
    screen = try session.waitFor { $0.contains("Case record:") }
    #expect(screen.contains("> later"), "\(screen)")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try casebook.answers("2026-11-24-small-ana") == ["yes", "later"])
  }

  @Test func `with TERM=dumb and a countdown running, fast one-key answers work`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(
      ["run", fixture("timer.yaml")], in: casebook, environment: ["TERM": "dumb"])
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("5m")
    _ = try session.waitFor { $0.contains("left] >") }
    // "absent" (the limit is not up, so the question comes again), then "arrived", 0.3 s apart.
    try session.type("2")
    usleep(300_000)
    try session.type("1")
    let screen = try session.waitFor { $0.contains("Case record:") }
    #expect(screen.contains("= Start the meeting."), "\(screen)")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
    #expect(try session.exitStatus() == 0)
    #expect(try casebook.answers("2026-11-24-wait") == ["5m", "absent", "arrived"])
  }

  /// The small playbook in live mode, at "Did you reach them?" (yes leads to "Did they agree to a
  /// new time?": agreed or later).
  func startSmall(_ casebook: CasebookProcess) throws -> TmuxSession {
    let session = try TerminalTests().startSession(["run", fixture("small.yaml"), "--client", "Ana"], in: casebook)
    _ = try session.waitFor { $0.contains("Did you reach them?") }
    return session
  }
}
