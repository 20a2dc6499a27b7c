import Foundation
import Testing

/// The home screen of bare `casebook`, and the smaller things seen in real use (issue 15, items 8
/// and 11), driven through a pipe.
@Suite struct LauncherTests {
  @Test func `the home screen asks for the client's name once, and only where the playbook does not`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // no-show has a `client` input: its own question asks, and Enter is refused there only.
    let asked = try casebook.run([], input: "4\n\nDana\n")
    #expect(!asked.stdout.contains("Client's name"))
    #expect(asked.stdout.components(separatedBy: "? What is the client's name?").count == 2)
    #expect(asked.stdout.contains("! An answer is needed: type a short answer."))
    #expect(asked.status == 3)
    #expect(casebook.caseFolders() == ["2026-11-24-no-show-dana"])

    // A playbook with no `client` input: the home screen asks, and Enter leaves the name out.
    try installOwnPlaybook(casebook, from: fixture("small.yaml"))
    let named = try casebook.run([], input: "small\nAnn\nyes\nlater\n")
    #expect(named.stdout.contains("\nClient's name (Enter to leave it out):\n> "))
    #expect(named.status == 0)
    #expect(try casebook.answers("2026-11-24-small-ann") == ["yes", "later"])
    let unnamed = try casebook.run([], input: "small\n\nyes\nlater\n")
    #expect(unnamed.status == 0)
    #expect(try casebook.record("2026-11-24-small")["client"] == nil)
  }

  @Test func `the home screen offers interrupted cases to resume, by number or name`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    #expect(try casebook.run(["run", "no-show", "--client", "Dana"], input: "").status == 3)
    #expect(try casebook.run(["run", "no-show"], input: "Kim\n").status == 3)
    // Completed cases are not offered.
    #expect(try casebook.run(["run", fixture("small.yaml"), "--client", "Lee"], input: "yes\nlater\n").status == 0)

    let home = try casebook.run([], input: "8\n\n\nyes\n")
    #expect(home.stdout.contains("\nInterrupted cases, to resume:\n  7 2026-11-24-no-show-kim   (Kim, no-show)\n  8 2026-11-24-no-show-dana  (Dana, no-show)\n"))
    #expect(!home.stdout.contains("small-lee"))
    #expect(home.stdout.contains("Which playbook, or which case to resume? Type its number or name.\n> "))
    #expect(home.stdout.contains("Resuming case 2026-11-24-no-show-dana\n"))
    #expect(try casebook.answers("2026-11-24-no-show-dana").last == "yes")

    let byName = try casebook.run([], input: "2026-11-24-no-show-kim\n\n\nno\n")
    #expect(byName.stdout.contains("Resuming case 2026-11-24-no-show-kim\n"))
    #expect(try casebook.answers("2026-11-24-no-show-kim").last == "no")
  }

  @Test func `an unknown name at the home screen gets did you mean`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run([], input: "no-shw\nxyzzy\n")
    #expect(outcome.stdout.contains("! 'no-shw' is not a playbook here. Did you mean 'no-show'? Type 1-6 or a name.\n"))
    #expect(outcome.stdout.contains("! 'xyzzy' is not a playbook here. Type 1-6 or a name.\n"))
    #expect(outcome.status == 0)
  }

  @Test func `where shows the path by the steps' text, without their ids`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: ":where\n")
    let expected = """
      > :where
      Path so far:
        1. What is the client's name? -> Dana
        2. Take one slow breath. A no-show is rarely about you.
        3. Phone the client now, on the number you have for them.
      Now: While it rings: what time was the appointment? e.g. 10:00 (Enter skips)

      """
    #expect(outcome.stdout.contains(expected))
    // The record's JSON keeps the ids.
    let steps = try casebook.record("2026-11-24-no-show-dana")["steps"] as? [[String: Any]] ?? []
    #expect(steps.map { $0["id"] as? String } == ["input-client", "breathe", "call-now"])
  }

  @Test func `coach mode's heading says it is coach mode`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let coach = try casebook.run(["run", "no-show", "--client", "Dana", "--mode", "coach"], input: "")
    #expect(coach.stdout.hasPrefix("Client did not show up · client: Dana\nCoach mode: each step with its detail and reason.\nAnswer"))
    let live = try casebook.run(["run", "no-show", "--client", "Lee"], input: "")
    #expect(live.stdout.hasPrefix("Client did not show up · client: Lee\nAnswer"))
  }

  @Test func `edit with input from a pipe and no editor named refuses and says where the draft is`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // No vi on the path either: were it started, the editor would fail, not hang the test.
    casebook.environment = ["VISUAL": "", "EDITOR": "", "PATH": "/nonexistent"]
    let path = try draftsWithQuestion(casebook)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let outcome = try casebook.run(["run", path, "--client", "Dana"], input: "20m\n:edit 2\nsent\n")
    let file = "$CASEBOOK_HOME/cases/2026-11-24-follow-up-dana/draft-send-2-text.txt"
    #expect(outcome.stdout.contains("> :edit 2\n! :edit needs a terminal (or $EDITOR set); the draft is in\n  \(file)\n> sent\n"))
    #expect(outcome.stderr == "")
    #expect(outcome.status == 0)
  }

  @Test func `cases export copies the draft files too`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let path = try draftsWithQuestion(casebook)
    defer { try? FileManager.default.removeItem(atPath: path) }
    #expect(try casebook.run(["run", path, "--client", "Dana"], input: "20m\n:copy 1\n:copy 2\nsent\n").status == 0)
    let target = casebook.home + "-export"
    defer { try? FileManager.default.removeItem(atPath: target) }
    let export = try casebook.run(["cases", "export", "2026-11-24-follow-up-dana", "--to", target])
    #expect(export.status == 0, "\(export.stderr)")
    let folder = "\(target)/2026-11-24-follow-up-dana"
    let files = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    #expect(files == ["draft-send-1-email.txt", "draft-send-2-text.txt", "journal.log", "playbook.yaml", "record.json", "record.md"])
    let exported = try String(contentsOfFile: "\(folder)/draft-send-2-text.txt", encoding: .utf8)
    #expect(exported == casebook.read("2026-11-24-follow-up-dana", "draft-send-2-text.txt"))
  }

  // MARK: - Helpers

  /// Copies a fixture into the user's own playbooks, where the home screen lists it.
  private func installOwnPlaybook(_ casebook: CasebookProcess, from path: String) throws {
    let folder = "\(casebook.home)/playbooks"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: path, toPath: "\(folder)/\(URL(fileURLWithPath: path).lastPathComponent)")
  }

  /// The drafts fixture with a question after its drafts, so that commands can be typed there;
  /// returns the file's path.
  private func draftsWithQuestion(_ casebook: CasebookProcess) throws -> String {
    let yaml = try String(contentsOfFile: fixture("drafts.yaml"), encoding: .utf8).replacingOccurrences(
      of: "    next: done\n  - id: done",
      with: "    next: check\n  - id: check\n    ask: Sent?\n    why: So the record says.\n    choices:\n"
        + "      - answer: sent\n        next: done\n      - answer: later\n        next: done\n  - id: done")
    let path = casebook.home + "-drafts.yaml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    return path
  }
}
