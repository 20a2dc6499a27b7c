import CasebookKit
import Foundation
import Testing

/// An engine that has begun a case of the valid fixture `name`, in UTC, with no diagnostics.
func startedEngine(
  _ name: String, client: String? = nil, started: Date = Date(timeIntervalSince1970: 0),
  mode: CaseMode = .live, scenario: String? = nil, sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> CaseEngine {
  let path = fixturesFolder().appendingPathComponent("valid/\(name).yaml").path
  let result = PlaybookLoader.load(path: path)
  #expect(result.diagnostics == [], sourceLocation: sourceLocation)
  let playbook = try #require(result.playbook, sourceLocation: sourceLocation)
  var header = CaseHeader(
    playbook: playbook.id, title: playbook.title, playbookFile: path, playbookHash: playbook.contentHash,
    client: client, mode: mode, started: started)
  header.scenario = scenario
  var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
  _ = engine.handle(.begin, at: engine.state.header.started)
  return engine
}

/// Loads a playbook written inline in a test, as the file `t.yaml`.
func loadInline(_ yaml: String) -> PlaybookLoader.Result {
  PlaybookLoader.load(data: Data(yaml.utf8), file: "t.yaml")
}

/// A case rebuilt from `entries`, and the entries that no longer fit its playbook.
func replay(
  _ playbook: Playbook, _ entries: [JournalEntry], timeZone: TimeZone
) throws(CaseEngine.ReplayError) -> (engine: CaseEngine, skipped: [JournalEntry]) {
  let engine = try CaseEngine(playbook: playbook, replaying: entries, timeZone: timeZone)
  return (engine, engine.state.unfitEntries)
}
