public import Foundation

extension CaseStore {
  /// The file name of the copy of the playbook a case was started with.
  public static let playbookSnapshotName = "playbook.yaml"

  /// The playbook a case runs: the file it was started from if it still loads, else the copy kept
  /// in the case folder.
  ///
  /// - Parameters:
  ///   - summary: The case.
  ///   - preferSnapshot: Use the copy first (to rebuild exactly what was run).
  /// - Returns: The playbook and where it came from, or the diagnostics of the last file tried.
  public func playbook(for summary: Summary, preferSnapshot: Bool = false) -> Result<Playbook, PlaybookLoadFailure> {
    let snapshot = "\(summary.folder)/\(Self.playbookSnapshotName)"
    let candidates = preferSnapshot ? [snapshot, summary.header.playbookFile] : [summary.header.playbookFile, snapshot]
    var last = PlaybookLoadFailure(path: snapshot, result: nil)
    for path in candidates where FileManager.default.fileExists(atPath: path) {
      let result = PlaybookLoader.load(path: path, checks: .forRunning)
      if let playbook = result.playbook { return .success(playbook) }
      last = PlaybookLoadFailure(path: path, result: result)
    }
    return .failure(last)
  }

  /// Rebuilds a case's record from its journal, without changing anything on disk; a damaged
  /// journal gives the record of the entries before its damage.
  public func rebuildRecord(_ summary: Summary, timeZone: TimeZone) throws(StorageError) -> CaseRecord {
    let (contents, damage) = CaseJournal.inspect(at: "\(summary.folder)/\(CaseJournal.fileName)")
    if let damage, !damage.isRepairable { throw .caseDamaged(caseName: summary.name, damage) }
    guard case .success(let original) = playbook(for: summary, preferSnapshot: true) else {
      throw .playbookUnavailable(caseName: summary.name)
    }
    // In the language the case ran in, as when it was resumed.
    let playbook = original.translated(to: summary.header.language)
    do {
      let engine = try CaseEngine(playbook: playbook, replaying: contents.entries, timeZone: timeZone)
      return CaseRecord(state: engine.state, playbook: playbook, timeZone: timeZone)
    } catch {
      throw .notReplayable(caseName: summary.name, error)
    }
  }

  /// Writes a playbook's copy into a case folder: `playbook.yaml`, and each part at its relative
  /// path (folders 0700). Parts outside the playbook's folder cannot be kept, and are named in the
  /// error thrown after the rest is written.
  public static func writeSnapshot(_ snapshot: PlaybookSnapshot, into folder: String) throws(StorageError) {
    try writeAtomically(Array(snapshot.source.utf8), to: "\(folder)/\(playbookSnapshotName)")
    for (relative, text) in snapshot.parts.sorted(by: { $0.key < $1.key }) {
      let path = "\(folder)/\(relative)"
      if let slash = relative.lastIndex(of: "/") {
        do {
          try POSIX.makeDirectories("\(folder)/\(relative[..<slash])", trusting: folder)
        } catch {
          throw .io(error, operation: .keepPart(relativePath: relative))
        }
      }
      try writeAtomically(Array(text.utf8), to: path)
    }
    if !snapshot.outside.isEmpty {
      throw .partsOutside(snapshot.outside)
    }
  }

  /// A case's record: its `record.json` when that was written after the journal's last entry,
  /// else rebuilt from the journal (without writing anything).
  public func record(of summary: Summary, timeZone: TimeZone) throws(StorageError) -> CaseRecord {
    let path = "\(summary.folder)/\(Self.recordJSONName)"
    if let written = POSIX.modificationTime(path), written >= summary.lastActivity,
      let data = FileManager.default.contents(atPath: path)
    {
      if let record = try? CaseRecord.decode(data), record.format == CaseHeader.currentFormat {
        return record
      }
    }
    return try rebuildRecord(summary, timeZone: timeZone)
  }

  /// Marks a completed case's next action done (or open again), in its journal and its record.
  ///
  /// - Parameters:
  ///   - number: The action's number, from 1, as `casebook next` lists it.
  ///   - summary: The case.
  ///   - done: `true` to mark it done, `false` to open it again.
  ///   - now: When.
  ///   - timeZone: The zone in which the record shows times.
  /// - Returns: The action as it now stands, and whether anything changed.
  public func markAction(
    _ number: Int, of summary: Summary, done: Bool, at now: Date, timeZone: TimeZone
  ) throws(StorageError) -> (action: CaseRecord.NextAction, changed: Bool) {
    if let damage = summary.damage { throw .caseDamaged(caseName: summary.name, damage) }
    let (journal, contents) = try CaseJournal.open(at: "\(summary.folder)/\(CaseJournal.fileName)")
    defer { withExtendedLifetime(journal) {} }
    // Numbered as `casebook next` showed them, from the same record.
    let record = try settle(summary, journal: journal, entries: contents.entries, timeZone: timeZone).record
    guard record.status == .completed else {
      throw .notComplete(caseName: summary.name)
    }
    guard record.nextActions.indices.contains(number - 1) else {
      throw .noSuchAction(caseName: summary.name, number: number, count: record.nextActions.count)
    }
    var action = record.nextActions[number - 1]
    guard (action.done != nil) != done else { return (action, false) }
    try journal.append(done ? .actionDone(action: number, text: action.text, at: now) : .actionReopened(action: number, at: now, text: action.text))
    let updated = try rebuildRecord(summary, timeZone: timeZone)
    try Self.writeRecord(updated, folder: summary.folder, timeZone: timeZone)
    action = updated.nextActions.first { $0.text == action.text } ?? action
    return (action, true)
  }

  /// Copies a case's files (its records, journal, playbook and draft files) into
  /// `destination/<case name>/`, never overwriting anything.
  ///
  /// - Returns: The folder written.
  public func export(_ summary: Summary, to destination: String) throws(StorageError) -> String {
    let target = "\(destination)/\(summary.name)"
    let isCreated: Bool
    do {
      try POSIX.makeDirectories(destination, trusting: destination)
      isCreated = try POSIX.makeDirectory(target)
    } catch {
      throw .io(error, operation: .exportCase)
    }
    guard isCreated else { throw .exists(path: target) }
    do {
      let drafts = ((try? FileManager.default.contentsOfDirectory(atPath: summary.folder)) ?? [])
        .filter { $0.hasPrefix(FilledDraft.fileNamePrefix) && $0.hasSuffix(".txt") }.sorted()
      for name in [Self.recordMarkdownName, Self.recordJSONName, CaseJournal.fileName, Self.playbookSnapshotName] + drafts {
        let source = "\(summary.folder)/\(name)"
        guard FileManager.default.fileExists(atPath: source) else { continue }
        let bytes = try POSIX.readFile(source)
        let output = try POSIX.createExclusive("\(target)/\(name)")
        defer { POSIX.close(output) }
        try POSIX.writeAll(output, bytes, path: "\(target)/\(name)")
        try POSIX.sync(output, path: "\(target)/\(name)")
      }
    } catch {
      throw .io(error, operation: .exportCase)
    }
    return target
  }

  /// Deletes a case folder and everything in it, a damaged one too; refuses while another process
  /// has it open.
  public func delete(_ summary: Summary) throws(StorageError) {
    let path = "\(summary.folder)/\(CaseJournal.fileName)"
    var journal: CaseJournal?
    var lock: Int32?
    defer {
      withExtendedLifetime(journal) {}
      if let lock { POSIX.close(lock) }
    }
    if summary.damage == nil {
      journal = try CaseJournal.open(at: path).0
    } else if let descriptor = try? POSIX.openReading(path) {
      // A damaged journal cannot be read to its end, but it can still be held.
      lock = descriptor
      guard (try? POSIX.tryLock(descriptor, path: path)) == true else { throw .locked(path: path) }
    }
    // Out of the list in one step, under a name no listing reads, then removed with all it holds
    // (parts' folders too; links removed, never followed).
    let doomed = "\(casesFolder)/\(Self.deletingPrefix)\(summary.name)"
    do {
      try POSIX.rename(summary.folder, to: doomed)
      let directory = try POSIX.openDirectory(casesFolder)
      defer { POSIX.close(directory) }
      try POSIX.sync(directory, path: casesFolder)
    } catch {
      throw .io(error, operation: .deleteCase)
    }
    try? FileManager.default.removeItem(atPath: doomed)
  }

  /// How the name of a case folder being deleted begins: hidden, so never listed.
  static let deletingPrefix = ".deleting-"
}

/// A playbook that could not be loaded, with what was tried last.
public struct PlaybookLoadFailure: Error, Sendable {
  /// The file tried last.
  public var path: String
  /// Its diagnostics, if it was read at all.
  public var result: PlaybookLoader.Result?
}
