import CasebookKit
import Foundation
import Testing

/// docs/records.md names every field record.json writes and every history event.
@Suite struct RecordDocsTests {
  @Test func `every field of record.json and every history event is in docs/records.md`() throws {
    let docs = try String(contentsOf: repositoryRoot().appendingPathComponent("docs/records.md"), encoding: .utf8)
    let playbook = try DraftCase.playbook()
    var records = [CaseRecord(state: DraftCase.run(playbook).engine.state, playbook: playbook, timeZone: DraftCase.utc)]
    for name in JournalFixtureTests.fixtures {
      let url = JournalFixtureTests.folder.appendingPathComponent("\(name)/record.json")
      records.append(try CaseRecord.decode(Data(contentsOf: url)))
    }
    var fields: Set<String> = []
    for record in records { Self.collectFields(of: record, into: &fields) }
    #expect(fields.isSuperset(of: ["copied", "currentText", "edited", "expired", "sent", "review", "transcript"]))
    for field in fields.sorted() {
      #expect(docs.contains("`\(field)`"), "docs/records.md does not name the field '\(field)'")
    }
    for event in HistoryEvent.allCases {
      #expect(docs.contains("`\(event.rawValue)`"), "docs/records.md does not name the event '\(event.rawValue)'")
    }
  }

  /// The stored properties of `value` and of the record's types inside it, which record.json writes
  /// under the same names (dates, days and ids are single values; the keys of dictionaries are
  /// saved names, not fields).
  static func collectFields(of value: Any, into fields: inout Set<String>) {
    let mirror = Mirror(reflecting: value)
    switch mirror.displayStyle {
    case .struct where String(reflecting: type(of: value)).hasPrefix("CasebookKit.CaseRecord"):
      for child in mirror.children {
        if let label = child.label { fields.insert(label) }
        collectFields(of: child.value, into: &fields)
      }
    case .collection, .optional:
      for child in mirror.children { collectFields(of: child.value, into: &fields) }
    default:
      return
    }
  }
}
