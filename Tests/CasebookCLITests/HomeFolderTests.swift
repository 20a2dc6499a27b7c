import Foundation
import Testing

/// Where cases are kept: a home reached through a link the person made, and a case deleted whole.
@Suite struct HomeFolderTests {
  @Test func `a link above the home is followed: the case is saved, listed and exported through links`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let base = casebook.home + "-linked"
    defer { try? FileManager.default.removeItem(atPath: base) }
    try FileManager.default.createDirectory(atPath: base + "/real", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: base + "/exports", withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: base + "/link", withDestinationPath: base + "/real")
    try FileManager.default.createSymbolicLink(atPath: base + "/out", withDestinationPath: base + "/exports")
    casebook.environment["CASEBOOK_HOME"] = base + "/link/home"

    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nyes\ncoming\nyes\n20m\narrived\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(!outcome.stdout.contains("[unsaved]"))
    #expect(outcome.stderr == "")
    #expect(FileManager.default.fileExists(atPath: base + "/real/home/cases/2026-11-24-no-show-dana/record.json"))
    #expect(try casebook.run(["cases"]).stdout.contains("2026-11-24-no-show-dana"))

    let export = try casebook.run(["cases", "export", "dana", "--to", base + "/out"])
    #expect(export.status == 0, "\(export.stderr)")
    #expect(FileManager.default.fileExists(atPath: base + "/exports/2026-11-24-no-show-dana/journal.log"))
  }

  @Test func `a link inside the home is not followed`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let elsewhere = casebook.home + "-elsewhere"
    defer { try? FileManager.default.removeItem(atPath: elsewhere) }
    try FileManager.default.createDirectory(atPath: elsewhere, withIntermediateDirectories: true)
    try FileManager.default.createDirectory(atPath: casebook.home, withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: casebook.home + "/cases", withDestinationPath: elsewhere)
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nyes\n")
    #expect(outcome.stderr.contains("Not a directory"), "\(outcome.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere) == [])
  }

  @Test func `deleting a case whose playbook has parts removes the whole folder`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let run = try casebook.run(["run", fixture("showcase/late-client.yaml"), "--client", "Dana Ruiz"], input: "2026-11-24 09:00\nno\n")
    #expect(run.status == 3, "\(run.stderr)")
    let folder = casebook.home + "/cases/2026-11-24-late-client-dana-ruiz"
    #expect(FileManager.default.fileExists(atPath: folder + "/parts/propose.yaml"))

    let deleted = try casebook.run(["cases", "delete", "dana", "--yes"])
    #expect(deleted.status == 0, "\(deleted.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder))
    #expect(try FileManager.default.contentsOfDirectory(atPath: casebook.home + "/cases") == [])
    #expect(try casebook.run(["cases"]).stdout.hasPrefix("No cases yet"))

    // What a delete killed half-way left is removed by the next listing.
    let left = casebook.home + "/cases/.deleting-2026-11-24-late-client-dana-ruiz/parts"
    try FileManager.default.createDirectory(atPath: left, withIntermediateDirectories: true)
    _ = try casebook.run(["cases"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: casebook.home + "/cases") == [])
  }
}
