@testable import CasebookKit
import Foundation
import Testing

/// The JSON Schema in docs/ is what editors complete and validate with: it must name exactly the
/// fields the loader reads, and accept every playbook the loader accepts.
@Suite struct SchemaTests {
  static let schemaURL = repositoryRoot().appendingPathComponent("docs/playbook.schema.json")

  func properties(_ object: [String: Any]) -> Set<String> {
    Set((object["properties"] as? [String: Any] ?? [:]).keys)
  }

  @Test func `the schema and the loader agree on every field`() throws {
    let data = try Data(contentsOf: Self.schemaURL)
    let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    let definitions = try #require(schema["$defs"] as? [String: [String: Any]])
    let pairs: [(String, [String], [String: Any])] = [
      ("playbook", NodeReader.PlaybookKey.names, schema),
      ("step", NodeReader.StepKey.names, definitions["step"] ?? [:]),
      ("choice", NodeReader.ChoiceKey.names, definitions["choice"] ?? [:]),
      ("branch case", NodeReader.BranchCaseKey.names, definitions["branchCase"] ?? [:]),
      ("checklist item", NodeReader.ChecklistItemKey.names, definitions["checklistItem"] ?? [:]),
      ("input", NodeReader.InputKey.names, definitions["input"] ?? [:]),
      ("draft", NodeReader.DraftKey.names, definitions["draft"] ?? [:]),
      ("action", NodeReader.ActionKey.names, definitions["action"] ?? [:]),
      ("rehearsal", NodeReader.RehearsalKey.names, definitions["rehearsal"] ?? [:]),
      ("reply", NodeReader.ReplyKey.names, definitions["reply"] ?? [:]),
      ("scenario", NodeReader.ScenarioKey.names, definitions["scenario"] ?? [:]),
      ("translation", NodeReader.TranslationKey.names, definitions["translation"] ?? [:]),
      ("step text", NodeReader.StepTextKey.names, definitions["stepText"] ?? [:]),
      ("part include", ["include"], definitions["include"] ?? [:]),
    ]
    for (name, loaderKeys, object) in pairs {
      #expect(properties(object) == Set(loaderKeys), "\(name): schema and loader differ")
    }
    let kinds = try #require((definitions["inputKind"]?["enum"]) as? [String])
    #expect(Set(kinds) == Set(InputKind.allCases.map(\.rawValue)))
    let draftKinds = try #require(((definitions["draft"]?["properties"] as? [String: Any])?["kind"] as? [String: Any])?["enum"] as? [String])
    #expect(Set(draftKinds) == Set(Draft.Kind.allCases.map(\.rawValue)))
  }

  @Test func `every bundled playbook and valid fixture passes the schema`() throws {
    let files = PlaybookCatalog.files(in: repositoryRoot().appendingPathComponent("playbooks").path)
      + PlaybookCatalog.files(in: fixturesFolder().appendingPathComponent("valid").path)
    let script = """
      import json, sys, yaml, jsonschema
      class Loader(yaml.SafeLoader): pass
      # Read every scalar as text, as Casebook does (no YAML 1.1 booleans or dates).
      Loader.yaml_implicit_resolvers = {}
      schema = json.load(open(sys.argv[1]))
      failed = 0
      for path in sys.argv[2:]:
          errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.load(open(path), Loader=Loader)))
          for error in errors:
              print(f"{path}: {list(error.absolute_path)}: {error.message}")
          failed += bool(errors)
      sys.exit(1 if failed else 0)
      """
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", "-c", script, Self.schemaURL.path] + files
    let output = Pipe()
    process.standardOutput = output
    process.standardError = output
    try process.run()
    let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(text)")
    #expect(files.count >= 8)
  }

  @Test func `the schema rejects what the loader rejects`() throws {
    let broken = fixturesFolder().appendingPathComponent("invalid")
    let files = ["unknown-key", "step-kind-conflict", "bad-id", "bad-input-kind", "missing-key"].map {
      broken.appendingPathComponent("\($0).yaml").path
    }
    for file in files {
      let process = Process()
      process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
      process.arguments = ["python3", "-c", """
        import json, sys, yaml, jsonschema
        class Loader(yaml.SafeLoader): pass
        Loader.yaml_implicit_resolvers = {}
        schema = json.load(open(sys.argv[1]))
        sys.exit(1 if list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.load(open(sys.argv[2]), Loader=Loader))) else 0)
        """, Self.schemaURL.path, file]
      try process.run()
      process.waitUntilExit()
      #expect(process.terminationStatus == 1, "the schema accepts \(file)")
    }
  }
}
