import Foundation
import Testing

/// A step with several drafts fits the screen: what to do and the question stay in view, the
/// drafts fold to fit, and `:show` and `:drafts` open them.
@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct ScreenBudgetTests {
  /// The no-show case up to the follow-up step (three drafts) at a terminal of this size; returns
  /// the session and the screen once the next question is on it.
  func followUp(width: Int, height: Int, in casebook: CasebookProcess) throws -> (TmuxSession, String) {
    let session = try TerminalTests().startSession(
      ["run", "no-show", "--client", "Dana"], in: casebook, width: width, height: height)
    _ = try session.waitFor { $0.contains("what time was the appointment?") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("What kind of appointment") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("Did you get through to them?") }
    try session.type("2")
    _ = try session.waitFor { $0.contains("willing to wait") }
    try session.type("2")
    let screen = try session.waitFor { $0.contains("Has this client missed or cancelled late before?") }
    return (session, screen)
  }

  @Test(arguments: [(100, 32), (80, 24)])
  func `the follow-up's instruction and question stay on screen, the drafts folded to fit`(width: Int, height: Int) throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let (session, screen) = try followUp(width: width, height: height, in: casebook)
    #expect(screen.contains("* Send a follow-up"), "\(width)×\(height):\n\(screen)")
    #expect(screen.contains("2 yes  Yes, it has happened before"))
    #expect(screen.contains("2 email  Missed appointment and my no-show policy"))
    #expect(screen.contains("3 text   Hi Dana, sorry we missed each other today"))
    #expect(!screen.contains("As a reminder, here is my no-show policy"))
    if height >= 32 {
      // Room for the first draft in full, the others by name and first line.
      #expect(screen.contains("--- email draft 1 of 3, ready to copy (:copy 1) ---"))
      #expect(screen.contains("Also ready (:show N reads one, :copy N copies it):"))
    }

    try session.enter(":show 2")
    let shown = try session.waitFor { $0.contains("As a reminder, here is my no-show policy") }
    #expect(shown.contains("[casebook profile set no_show_policy …]"))
    try session.enter(":drafts")
    let listed = try session.waitFor { $0.contains("Drafts of this step (:show N reads one") }
    #expect(listed.contains("1 email  Our appointment today"))
  }

  @Test func `a tall screen shows every draft in full`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let (_, screen) = try followUp(width: 100, height: 80, in: casebook)
    #expect(screen.contains("As a reminder, here is my no-show policy"))
    #expect(screen.contains("--- text draft 3 of 3, ready to copy (:copy 3) ---"))
    #expect(!screen.contains("Also ready"))
  }

  @Test func `in coach mode at 40 by 24 what to do and the question stay on screen, the coaching folded`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(
      ["run", "no-show", "--client", "Dana", "--mode", "coach"], in: casebook, width: 40, height: 24)
    _ = try session.waitFor { $0.contains("what time was the appointment?") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("What kind of appointment") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("Did you get through to them?") }
    try session.enter("no")
    _ = try session.waitFor { $0.contains("2 no   No, I can't wait") }
    try session.enter("yes")
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("15m")
    let screen = try session.waitFor { $0.contains("3 not-yet") }
    #expect(screen.contains("* Leave one message with your limit."), "\(screen)")
    #expect(screen.contains("Why: They may simply have forgotten."))
    #expect(!screen.contains("Give the time and the place"))

    // A long command output is followed by the question again, so it is never left off screen.
    try session.enter(":help")
    let helped = try session.waitFor { $0.split(separator: "\n").last?.hasPrefix(">") == true && $0.contains(":quit") }
    #expect(helped.contains("? Have they arrived or been in touch?"), "\(helped)")
    #expect(helped.contains("3 not-yet"))
  }
}
