import Foundation

/// Diagnostics for programs: plain JSON, or SARIF 2.1.0 for code-scanning tools and editors.
public enum DiagnosticReport {
  /// The output formats.
  public enum Format: String, Sendable, CaseIterable {
    /// `file:line:col: error: message [code]`, the source line and a caret.
    case text
    /// A JSON array of diagnostics.
    case json
    /// SARIF 2.1.0.
    case sarif
  }

  private struct Item: Encodable {
    var file: String
    var line: Int
    var column: Int
    var severity: String
    var code: String
    var message: String
    var notes: [String]
  }

  /// The diagnostics as a JSON array, one object per diagnostic.
  public static func json(_ diagnostics: [Diagnostic]) -> String {
    let items = diagnostics.map {
      Item(
        file: $0.location.file, line: $0.location.line, column: $0.location.column,
        severity: $0.severity.rawValue, code: $0.code.rawValue, message: $0.message, notes: $0.notes)
    }
    return encode(items)
  }

  /// The diagnostics as a SARIF 2.1.0 log with one run.
  public static func sarif(_ diagnostics: [Diagnostic], version: String) -> String {
    struct Log: Encodable {
      var version = "2.1.0"
      var schema = "https://json.schemastore.org/sarif-2.1.0.json"
      var runs: [Run]
      enum CodingKeys: String, CodingKey {
        case version, runs
        case schema = "$schema"
      }
    }
    struct Run: Encodable { var tool: Tool; var results: [Result] }
    struct Tool: Encodable { var driver: Driver }
    struct Driver: Encodable { var name: String; var version: String; var informationUri: String; var rules: [Rule] }
    struct Rule: Encodable { var id: String; var helpUri: String }
    struct Result: Encodable { var ruleId: String; var level: String; var message: Message; var locations: [Location] }
    struct Message: Encodable { var text: String }
    struct Location: Encodable { var physicalLocation: Physical }
    struct Physical: Encodable { var artifactLocation: Artifact; var region: Region }
    struct Artifact: Encodable { var uri: String }
    struct Region: Encodable { var startLine: Int; var startColumn: Int }

    let codes = Set(diagnostics.map(\.code.rawValue)).sorted()
    let rules = codes.map { Rule(id: $0, helpUri: "docs/diagnostics.md#\($0)") }
    let results = diagnostics.map { diagnostic in
      Result(
        ruleId: diagnostic.code.rawValue, level: diagnostic.severity.rawValue,
        message: Message(text: ([diagnostic.message] + diagnostic.notes).joined(separator: "; ")),
        locations: [
          Location(physicalLocation: Physical(
            artifactLocation: Artifact(uri: diagnostic.location.file),
            region: Region(startLine: diagnostic.location.line, startColumn: diagnostic.location.column)))
        ])
    }
    let driver = Driver(name: "casebook", version: version, informationUri: "docs/diagnostics.md", rules: rules)
    return encode(Log(runs: [Run(tool: Tool(driver: driver), results: results)]))
  }

  private static func encode(_ value: some Encodable) -> String {
    (try? JSONText.string(of: value)) ?? "[]\n"
  }
}
