import CasebookKit
import Foundation
import Testing

/// Journals written by an earlier Casebook must rebuild to the records written with them.
///
/// Each folder under `Fixtures/journals/` is a real case folder, made with the binary of commit
/// 5ec2270 through a pipe (`TZ=UTC`, `CASEBOOK_FAKE_NOW=2026-11-24T09:00:00Z`): its `journal.log`,
/// the `record.json` and `record.md` that run wrote, and its copy of the playbook (`playbook.yaml`,
/// `parts/`). Never re-record them: a difference means old cases now read differently.
///
/// Changed on purpose once since: record.md leaves out branch steps, condition text, step ids and
/// saved names, and lists each draft once with what was done with it (issue 15, item 9). Those
/// record.md files were written again with that change, and record.json gained fields (`expired`
/// on a branch a timer took, `currentText`); no field the journals gave was changed.
@Suite struct JournalFixtureTests {
  /// One per mode, and the ways a case goes on (resumed, handed over, an action ticked off).
  static let fixtures = [
    "action-done", "coach", "coach-resumed", "handover", "live", "live-resumed", "parts",
    "practice", "practice-skipped", "rehearsal",
  ]

  static let folder = fixturesFolder().appendingPathComponent("journals")

  @Test(arguments: fixtures)
  func `a journal rebuilds to the record written with it, byte for byte`(_ name: String) throws {
    let fixture = Self.folder.appendingPathComponent(name)
    #expect(try !Self.journal(of: name).droppedTail, "\(name): the journal's last entry is torn")
    // Through the store, as `casebook cases rebuild` does, so a case found on disk is what is
    // replayed. The records hold no path (the header's `playbookFile` stays in the journal), so
    // nothing is normalised; the copy is only there because the store reads a home's `cases/`.
    let home = FileManager.default.temporaryDirectory.appendingPathComponent(
      "casebook-journals-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: home) }
    try FileManager.default.createDirectory(
      at: home.appendingPathComponent("cases"), withIntermediateDirectories: true)
    try FileManager.default.copyItem(at: fixture, to: home.appendingPathComponent("cases/\(name)"))
    let store = CaseStore(home: home.path)
    let summary = try #require(store.summary(named: name))
    // The store falls back to `playbookFile` (a path into the checkout the case was made in) when
    // the copy does not load: make sure the copy is the playbook the case ran.
    let snapshot = PlaybookLoader.load(
      path: "\(summary.folder)/\(CaseStore.playbookSnapshotName)", checks: .forRunning)
    #expect(try #require(snapshot.playbook).contentHash == summary.header.playbookHash)

    let utc = try #require(TimeZone(identifier: "UTC"))
    let record = try store.rebuildRecord(summary, timeZone: utc)
    try Self.expectSameBytes(
      [UInt8](record.jsonData()), as: fixture.appendingPathComponent(CaseStore.recordJSONName))
    try Self.expectSameBytes(
      Array(CaseRecordRenderer.markdown(record, timeZone: utc).utf8),
      as: fixture.appendingPathComponent(CaseStore.recordMarkdownName))
  }

  @Test func `the fixtures hold every kind of journal entry`() throws {
    let kinds = try Set(
      Self.fixtures.flatMap { try Self.journal(of: $0).entries.compactMap(Self.kind(of:)) })
    #expect(
      kinds == [
        "actionDone", "actionReopened", "answered", "attempted", "carried", "drafted", "expired",
        "finished", "left", "noted", "opened", "resumed", "said", "skipped", "undone",
      ])
  }

  @Test func `every fixture folder is in the list`() throws {
    let folders = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter {
      !$0.hasPrefix(".")
    }
    #expect(folders.sorted() == Self.fixtures)
  }

  /// A fixture's journal, read with the kit's own codec.
  static func journal(of name: String) throws -> JournalCodec.Contents {
    let url = folder.appendingPathComponent("\(name)/\(CaseJournal.fileName)")
    return try JournalCodec.decode([UInt8](Data(contentsOf: url)))
  }

  /// An entry's case name (`answered`, `drafted`, ...), as the journal spells it.
  static func kind(of entry: JournalEntry) -> String? {
    Mirror(reflecting: entry).children.first?.label
  }

  /// Expects `actual` to be the bytes of the file at `url`, naming the first line that differs
  /// (compared as `Data`, so a failure prints two sizes, not every byte).
  static func expectSameBytes(
    _ actual: [UInt8], as url: URL, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let expected = try Data(contentsOf: url)
    #expect(
      Data(actual) == expected,
      "\(url.lastPathComponent) differs: \(firstDifference(actual, [UInt8](expected)))",
      sourceLocation: sourceLocation)
  }

  /// `line N: rebuilt '…', stored '…'`, for the first line that differs.
  static func firstDifference(_ actual: [UInt8], _ expected: [UInt8]) -> String {
    let rebuilt = actual.split(separator: 0x0A, omittingEmptySubsequences: false)
    let stored = expected.split(separator: 0x0A, omittingEmptySubsequences: false)
    let line =
      zip(rebuilt, stored).enumerated().first { $0.element.0 != $0.element.1 }?.offset
      ?? min(rebuilt.count, stored.count)
    func text(_ lines: [ArraySlice<UInt8>]) -> String {
      lines.indices.contains(line)
        ? "'\(String(decoding: lines[line], as: UTF8.self))'" : "(no line)"
    }
    return "line \(line + 1): rebuilt \(text(rebuilt)), stored \(text(stored))"
  }
}
