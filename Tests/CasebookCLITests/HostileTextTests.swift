import Foundation
import Testing

/// Text from outside (a client's name, an answer) leaves Casebook's JSON with every character that
/// could act on a terminal escaped, and means the same once parsed.
@Suite struct HostileTextTests {
  static let name = "Dana \u{9B}2J\u{9C}\u{9D}\u{202E}evil\u{202C}\u{2028}\u{2029}\u{7F}"
  static let rawControls: [Unicode.Scalar] = ["\u{9B}", "\u{9C}", "\u{9D}", "\u{202E}", "\u{202C}", "\u{2028}", "\u{2029}", "\u{7F}"]

  @Test(arguments: [["cases", "--json"], ["next", "--json"], ["cases", "show", "dana", "--json"]])
  func `JSON output escapes C1 controls, bidi overrides, line separators and DEL`(command: [String]) throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let run = try casebook.run(["run", "no-show", "--client", Self.name], input: "\n\nyes\ncoming\nyes\n20m\narrived\n")
    #expect(run.status == 0, "\(run.stderr)")
    let outcome = try casebook.run(command)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    for scalar in Self.rawControls {
      #expect(!outcome.stdout.unicodeScalars.contains(scalar), "raw U+\(String(scalar.value, radix: 16)) in \(command)")
    }
    #expect(outcome.stdout.contains("\\u009b2J"))
    let parsed = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8))
    let client = ((parsed as? [[String: Any]])?.first?["client"] ?? (parsed as? [String: Any])?["client"]) as? String
    #expect(client == Self.name)
  }

  @Test func `record.json on disk escapes them too`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", "no-show", "--client", Self.name], input: "\n\nyes\ncoming\nyes\n20m\narrived\n")
    let folder = try #require(try FileManager.default.contentsOfDirectory(atPath: casebook.home + "/cases").first)
    let json = try String(contentsOfFile: "\(casebook.home)/cases/\(folder)/record.json", encoding: .utf8)
    for scalar in Self.rawControls { #expect(!json.unicodeScalars.contains(scalar)) }
  }

  @Test func `a line break in a name cannot fake lines on screen or in a draft`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["run", "no-show", "--client", "Bob\r\nX"], input: "\n\nno\nyes\n15m\n")
    let lines = outcome.stdout.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.first == "Client did not show up · client: Bob␍␊X", "\(outcome.stdout)")
    #expect(!lines.contains { $0.hasPrefix("X") })
    #expect(outcome.stdout.contains("Hi Bob, it's"))
  }
}
