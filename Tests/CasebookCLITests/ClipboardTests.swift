import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// `:copy` says exactly where a draft went: the platform's clipboard tool, the terminal's
/// clipboard (OSC 52), or only the draft file, which is always written.
@Suite struct ClipboardTests {
  static let draftFile = "draft-leave-message-1-voicemail.txt"

  /// A folder holding a fake clipboard tool `name` that writes its arguments and what it reads to
  /// files beside it, then exits with `status`.
  func fakeTool(_ name: String, status: Int = 0, in casebook: CasebookProcess) throws -> String {
    let folder = casebook.home + "-bin"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    let script = "#!/bin/sh\necho \"$@\" > \"$0.args\"\ncat > \"$0.input\"\nexit \(status)\n"
    try script.write(toFile: "\(folder)/\(name)", atomically: true, encoding: .utf8)
    chmod("\(folder)/\(name)", 0o755)
    return folder
  }

  func copyFirstDraft(_ casebook: CasebookProcess) throws -> CasebookProcess.Outcome {
    try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nno\nyes\n15m\n:copy 1\n")
  }

  @Test func `piped, with no clipboard tool, it says the draft is only saved`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try copyFirstDraft(casebook)
    let path = "$CASEBOOK_HOME/cases/2026-11-24-no-show-dana/\(Self.draftFile)"
    #expect(outcome.stdout.contains("> :copy 1\nSaved in\n\(path)\n"), "\(outcome.stdout)")
    #expect(!outcome.stdout.contains("Copied"))
    #expect(!outcome.stdout.contains("\u{1B}]52"))
    #expect(casebook.read("2026-11-24-no-show-dana", Self.draftFile).hasPrefix("Hi Dana, it's [casebook profile set name …]."))
  }

  @Test(arguments: [
    ("wl-copy", "WAYLAND_DISPLAY", ""),
    ("xclip", "DISPLAY", "-selection clipboard"),
    ("xsel", "DISPLAY", "--clipboard --input"),
  ])
  func `a platform tool on PATH gets the draft, and the message names it`(
    tool: String, display: String, arguments: String
  ) throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let bin = try fakeTool(tool, in: casebook)
    defer { try? FileManager.default.removeItem(atPath: bin) }
    casebook.environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    casebook.environment[display] = display == "DISPLAY" ? ":0" : "wayland-0"
    let outcome = try copyFirstDraft(casebook)
    let message = "> :copy 1\nCopied to the clipboard (\(tool)); also in\n$CASEBOOK_HOME/"
    #expect(outcome.stdout.contains(message), "\(outcome.stdout)")
    let saved = casebook.read("2026-11-24-no-show-dana", Self.draftFile)
    #expect(try String(contentsOfFile: "\(bin)/\(tool).input", encoding: .utf8) == saved)
    #expect(try String(contentsOfFile: "\(bin)/\(tool).args", encoding: .utf8) == arguments + "\n")
  }

  @Test func `a name carrying escapes reaches neither the clipboard nor the draft file raw`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let bin = try fakeTool("wl-copy", in: casebook)
    defer { try? FileManager.default.removeItem(atPath: bin) }
    casebook.environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    casebook.environment["WAYLAND_DISPLAY"] = "wayland-0"
    let name = "Dana\u{1B}]52;c;SGk=\u{07}\u{9B}2J\u{202E}\u{0}"
    let outcome = try casebook.run(["run", "no-show", "--client", name], input: "\n\nno\nyes\n15m\n:copy 1\n")
    #expect(outcome.stdout.contains("Copied to the clipboard (wl-copy)"), "\(outcome.stdout)")
    let copied = try String(contentsOfFile: "\(bin)/wl-copy.input", encoding: .utf8)
    #expect(copied.hasPrefix("Hi Dana]52;c;SGk=2J, it's"), "\(copied)")
    let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: casebook.home + "/cases").first)
    let file = try String(contentsOfFile: "\(casebook.home)/cases/\(folder)/\(Self.draftFile)", encoding: .utf8)
    for text in [copied, file] {
      #expect(!text.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n") || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}" })
    }
  }

  @Test func `a tool with no display to talk to is not used`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let bin = try fakeTool("xclip", in: casebook)
    defer { try? FileManager.default.removeItem(atPath: bin) }
    casebook.environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    let outcome = try copyFirstDraft(casebook)
    #expect(outcome.stdout.contains("> :copy 1\nSaved in\n"), "\(outcome.stdout)")
    #expect(!FileManager.default.fileExists(atPath: "\(bin)/xclip.input"))
  }

  @Test func `a tool that fails is not reported as a copy`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let bin = try fakeTool("wl-copy", status: 1, in: casebook)
    defer { try? FileManager.default.removeItem(atPath: bin) }
    casebook.environment["PATH"] = bin + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
    casebook.environment["WAYLAND_DISPLAY"] = "wayland-0"
    let outcome = try copyFirstDraft(casebook)
    #expect(FileManager.default.fileExists(atPath: "\(bin)/wl-copy.input"))
    #expect(outcome.stdout.contains("> :copy 1\nSaved in\n"), "\(outcome.stdout)")
    #expect(!outcome.stdout.contains("Copied"))
  }
}

@Suite(.serialized, .enabled(if: TmuxSession.isAvailable, "tmux is not installed; run .ci/setup"))
struct TerminalClipboardTests {
  @Test func `at a terminal with no tool, the draft goes out as OSC 52 and the message says so`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let session = try TerminalTests().startSession(
      ["run", "no-show", "--client", "Dana", "--mode", "coach"], in: casebook)
    // So that the test can read what reached the clipboard: tmux keeps it as a paste buffer.
    try session.tmux(["set-option", "-s", "set-clipboard", "on"])
    _ = try session.waitFor { $0.contains("what time was the appointment?") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("What kind of appointment") }
    try session.enter("")
    _ = try session.waitFor { $0.contains("Did you get through to them?") }
    try session.enter("no")
    _ = try session.waitFor { $0.contains("Are you willing to wait") }
    try session.enter("yes")
    _ = try session.waitFor { $0.contains("How long will you wait?") }
    try session.enter("15m")
    _ = try session.waitFor { $0.contains("Have they arrived") }
    try session.enter(":copy 1")
    let screen = try session.waitFor { $0.contains("also in") }
    let message = "Sent to the terminal's clipboard (OSC 52; your terminal may need to allow it); also in"
    #expect(screen.contains(message), "\(screen)")
    let saved = casebook.read("2026-11-24-no-show-dana", ClipboardTests.draftFile)
    #expect(!saved.isEmpty)
    #expect(try session.tmux(["show-buffer"]) == saved)
    try session.send("C-d")
    _ = try session.waitFor { _ in (try? session.exitStatus()) != nil }
  }
}
