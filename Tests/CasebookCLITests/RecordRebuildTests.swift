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
