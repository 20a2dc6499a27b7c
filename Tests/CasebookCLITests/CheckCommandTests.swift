import Foundation
import Testing

/// `casebook check` with no path checks the bundled playbooks and the user's own; `casebook test`
/// given a playbook runs its tests file, or says how to write one.
@Suite struct CheckCommandTests {
  static let bundledFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("playbooks").path

  @Test func `check with no path checks the bundled playbooks and yours, and says so in one line`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let own = casebook.home + "/playbooks"
    try FileManager.default.createDirectory(atPath: own, withIntermediateDirectories: true)
    let clean = try casebook.run(["check"])
    #expect(clean.status == 0)
    #expect(clean.stdout == "checked 6 bundled playbooks and 0 of yours ($CASEBOOK_HOME/playbooks): no problems\n")

    let mine = try String(contentsOfFile: Self.bundledFolder + "/no-show.yaml", encoding: .utf8)
      .replacingOccurrences(of: "id: no-show\n", with: "id: mine\n")
    try mine.write(toFile: own + "/mine.yaml", atomically: true, encoding: .utf8)
    #expect(try casebook.run(["check"]).stdout == "checked 6 bundled playbooks and 1 of yours ($CASEBOOK_HOME/playbooks): no problems\n")

    try mine.replacingOccurrences(of: "    next: booked-time\n", with: "    next: booked-tim\n")
      .write(toFile: own + "/mine.yaml", atomically: true, encoding: .utf8)
    let broken = try casebook.run(["check"])
    #expect(broken.status == 1)
    #expect(broken.stdout == "")
    #expect(broken.stderr.contains("$CASEBOOK_HOME/playbooks/mine.yaml:35:11: error:"))
    #expect(broken.stderr.contains("[dangling-next]"))
    #expect(broken.stderr.hasSuffix("1 error\n"))
  }

  @Test func `test given a playbook runs its tests file, or says how to write one`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let tested = try casebook.run(["test", Self.bundledFolder + "/late-cancel.yaml"])
    #expect(tested.status == 0)
    #expect(tested.stdout.contains("late-cancel.tests.yaml (late-cancel)"))
    #expect(tested.stdout.hasSuffix(" passed, 0 failed\n"))

    let folder = casebook.home + "-own"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: Self.bundledFolder + "/late-cancel.yaml", toPath: folder + "/my.yaml")
    let untested = try casebook.run(["test", folder + "/my.yaml"])
    #expect(untested.status == 1)
    #expect(!untested.stderr.contains("test file"))
    #expect(untested.stderr.contains("is a playbook, and it has no tests file yet"))
    #expect(untested.stderr.contains("playbook: ../my.yaml"))
  }

  @Test func `test --coverage lists what no test visits, by kind`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["test", "--coverage", Self.bundledFolder + "/tests/late-cancel.tests.yaml"])
    #expect(outcome.status == 0)
    let report = try #require(outcome.stdout.components(separatedBy: "coverage of late-cancel:\n").last)
    #expect(report.contains("  steps no test visits:\n    ask-now\n"))
    #expect(report.contains("  answers no test gives:\n    booked-kind: call\n"))
    #expect(report.contains("    need-input: no\n"))
    #expect(report.contains("  ends no test reaches:\n    end-open\n    end-pattern\n"))
    #expect(!report.contains("end-kept"))
  }

  @Test func `a misspelt handover is reported at its value, also when the file has other errors`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    var text = try String(contentsOfFile: Self.bundledFolder + "/no-show.yaml", encoding: .utf8)
      .replacingOccurrences(of: "    next: booked-time\n", with: "    next: booked-tim\n")
    // One misspelt handover: the first of the playbook's.
    text.replaceSubrange(try #require(text.range(of: "handover: root-cause")), with: "handover: root-cuase")
    let file = casebook.home + "-handover.yaml"
    try text.write(toFile: file, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: file) }
    let line = text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("handover: root-cuase") }! + 1
    let checked = try casebook.run(["check", file])
    #expect(checked.status == 1)
    #expect(checked.stderr.contains("-handover.yaml:\(line):15: error: hands over to playbook 'root-cuase', which is neither bundled nor yours [missing-handover]"))
    #expect(checked.stderr.contains("note: did you mean 'root-cause'?"))
    #expect(checked.stderr.contains("[dangling-next]"))
    #expect(checked.stderr.hasSuffix("2 errors\n"))
  }

  @Test func `a tests file in the current folder finds its playbook beside it`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let folder = casebook.home + "-own"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try String(contentsOfFile: Self.bundledFolder + "/late-cancel.yaml", encoding: .utf8)
      .write(toFile: folder + "/my.yaml", atomically: true, encoding: .utf8)
    try String(contentsOfFile: Self.bundledFolder + "/tests/late-cancel.tests.yaml", encoding: .utf8)
      .replacingOccurrences(of: "playbook: late-cancel\n", with: "playbook: my.yaml\n")
      .write(toFile: folder + "/my.tests.yaml", atomically: true, encoding: .utf8)
    casebook.currentDirectory = folder
    let tested = try casebook.run(["test", "my.tests.yaml"])
    #expect(tested.status == 0, "\(tested.stderr)")
    #expect(tested.stdout.contains("my.tests.yaml (late-cancel)"))
    #expect(tested.stdout.hasSuffix(" passed, 0 failed\n"))
  }
}
