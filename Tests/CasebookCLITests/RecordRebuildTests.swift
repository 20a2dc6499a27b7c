import Foundation
import Testing

@Suite struct RecordRebuildTests {
  @Test func `a translated case rebuilds to the record it wrote, in its language`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["run", fixture("translated.yaml"), "--lang", "pl", "--client", "Ola"], input: "1\n")
    #expect([0, 3].contains(outcome.status), "\(outcome.stderr)")
    let name = try #require(casebook.caseFolders().first)
    let written = casebook.read(name, "record.md")
    let json = casebook.read(name, "record.json")
    #expect(written.contains("Klient nie przyszedł"))
    let rebuilt = try casebook.run(["cases", "rebuild", name])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    #expect(casebook.read(name, "record.md") == written)
    #expect(casebook.read(name, "record.json") == json)
  }
}

@Suite struct ResumeInputTests {
  @Test func `a client named at the prompt is not reported as an answer that no longer fits on resume`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let left = try casebook.run(["run", fixture("inputs.yaml")], input: "Dana Ruiz\n")
    #expect(left.status == 3)
    let name = try #require(casebook.caseFolders().first)
    let resumed = try casebook.run(["resume", name], input: "2026-11-24\n3\n")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(!resumed.stderr.contains("no longer fits"), "\(resumed.stderr)")
    #expect(try casebook.answers(name) == ["Dana Ruiz", "2026-11-24", "3"])
  }
}
