import Foundation
import Testing

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct CountdownRedrawTests {
  @Test func `a typed line that wraps is redrawn in place as the countdown moves, never below itself`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(["run", fixture("timer.yaml")], in: casebook, width: 40, height: 20)
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("30s")
    _ = try session.waitFor { $0.contains("left] >") }
    // 14 columns of prompt and 41 of text: the line takes two rows at 40 columns.
    try session.type(":note typed while waiting, long enough!")
    var screen = try session.waitFor { $0.contains("enough!") }
    let first = screen.split(separator: "\n").first { $0.contains("left] >") }.map(String.init)
    // Three ticks later the countdown has moved, and the line is on screen once.
    screen = try session.waitFor { screen in
      screen.split(separator: "\n").contains { $0.contains("left] >") && String($0) != first }
    }
    usleep(1_500_000)
    screen = try session.screen()
    let prompts = screen.split(separator: "\n").filter { $0.contains("left] >") }
    #expect(prompts.count == 1, "\(screen)")
    #expect(screen.components(separatedBy: "enough!").count == 2, "\(screen)")
    // Entered, the note is kept and the next prompt's countdown leaves the screen above it alone.
    try session.send("Enter")
    screen = try session.waitFor { $0.contains("Noted.") }
    usleep(2_500_000)
    screen = try session.screen()
    #expect(screen.contains("Noted."), "\(screen)")
    #expect(screen.contains("2 absent"), "\(screen)")
    #expect(screen.split(separator: "\n").filter { $0.contains("left] >") }.count == 2, "\(screen)")
    try session.send("C-c")
    try session.send("C-c")
  }
}
