public import Foundation

/// Keeping a case's files in step with its journal: every command that reads a case brings them
/// up to date, so a crash between two writes never leaves a case stuck or without its record.
extension CaseStore {
  /// What bringing a case up to date found and did.
  public struct Upkeep: Sendable {
    /// The case's record, as its journal has it.
    public var record: CaseRecord
    /// The entries written because the journal lacked them (the end reached, its drafts).
    public var entriesWritten: [JournalEntry]
    /// Whether `record.md` and `record.json` were written (missing or stale).
    public var isRecordWritten: Bool
  }

  /// Brings a case up to date: writes the entries its journal implies but lacks (a crash after
  /// the last answer, before `finished`) and its records when missing or stale.
  ///
  /// - Parameters:
  ///   - summary: The case.
  ///   - timeZone: The zone in which the record shows times.
  /// - Returns: What was done; `nil` when another Casebook has the case open (it keeps the case
  ///   itself).
  /// - Throws: ``StorageError`` when the case is damaged, cannot be replayed, or cannot be written.
  public func upkeep(_ summary: Summary, timeZone: TimeZone) throws(StorageError) -> Upkeep? {
    if summary.damage == nil, let record = currentRecord(in: summary.folder), record.status == summary.status {
      return Upkeep(record: record, entriesWritten: [], isRecordWritten: false)
    }
    do {
      return try rebuild(summary, timeZone: timeZone, forcingRecord: false)
    } catch .locked {
      return nil
    }
  }

  /// Writes a case's records again from its journal, whether or not they look current, with the
  /// entries the journal lacks (see ``upkeep(_:timeZone:)``).
  ///
  /// - Throws: ``StorageError``, also when another Casebook has the case open.
  public func rebuild(_ summary: Summary, timeZone: TimeZone, forcingRecord: Bool = true) throws(StorageError) -> Upkeep {
    if let damage = summary.damage { throw .caseDamaged(caseName: summary.name, damage) }
    let (journal, contents) = try CaseJournal.open(at: "\(summary.folder)/\(CaseJournal.fileName)")
    return try withExtendedLifetime(journal) { () throws(StorageError) in
      try settle(summary, journal: journal, entries: contents.entries, timeZone: timeZone, forcingRecord: forcingRecord)
    }
  }

  /// ``upkeep(_:timeZone:)`` on a journal this process has open and locked.
  ///
  /// - Parameter forcingRecord: Write the records even when they look current.
  func settle(
    _ summary: Summary, journal: CaseJournal, entries: [JournalEntry], timeZone: TimeZone, forcingRecord: Bool = false
  ) throws(StorageError) -> Upkeep {
    guard case .success(let original) = playbook(for: summary, preferSnapshot: true) else {
      throw .playbookUnavailable(caseName: summary.name)
    }
    let playbook = original.translated(to: summary.header.language)
    let engine: CaseEngine
    do {
      engine = try CaseEngine(playbook: playbook, replaying: entries, timeZone: timeZone)
    } catch {
      throw .notReplayable(caseName: summary.name, error)
    }
    let record = CaseRecord(state: engine.state, playbook: playbook, timeZone: timeZone)
    // Only a finished case's: a question's drafts are written again when it is resumed.
    let missing = engine.state.status == .completed ? engine.unwrittenEntries : []
    for entry in missing { journal.enqueue(entry) }
    try journal.flush()
    let isStale = forcingRecord || !missing.isEmpty || !isRecordCurrent(of: summary, status: record.status)
    if isStale { try Self.writeRecord(record, folder: summary.folder, timeZone: timeZone) }
    return Upkeep(record: record, entriesWritten: missing, isRecordWritten: isStale)
  }

  /// Whether both record files exist, were written after the journal's last entry, and give the
  /// case's status.
  private func isRecordCurrent(of summary: Summary, status: CaseStatus) -> Bool {
    currentRecord(in: summary.folder)?.status == status
  }

  /// The case's record when both record files were written after the journal's last entry (so by
  /// a Casebook that held the whole case, after everything it wrote), in this version's format.
  /// Listing a case then needs no replay of its journal.
  func currentRecord(in folder: String) -> CaseRecord? {
    let journal = POSIX.modificationTime("\(folder)/\(CaseJournal.fileName)") ?? .infinity
    let json = "\(folder)/\(Self.recordJSONName)"
    guard let written = POSIX.modificationTime(json), written >= journal,
      let markdown = POSIX.modificationTime("\(folder)/\(Self.recordMarkdownName)"), markdown >= journal,
      let data = FileManager.default.contents(atPath: json), let record = try? CaseRecord.decode(data),
      record.format == CaseHeader.currentFormat
    else { return nil }
    return record
  }
}
