public import Foundation

/// Keeps one case on disk: creates its folder and journal when there is first something worth
/// keeping, appends entries durably, and writes its records.
///
/// A new case touches the disk only at its first answer (or when it is left), so nothing that the
/// first prompt does not need runs before it. The header then goes to disk with that answer, in one
/// write and one fsync.
public final class CaseWriter {
  private enum State {
    case notCreated(store: CaseStore, day: String, header: CaseHeader, snapshot: PlaybookSnapshot)
    /// Its folder has a temporary name until its header is on the disk.
    case creating(store: CaseStore, new: CaseStore.NewCase)
    case open(name: String, folder: String, journal: CaseJournal)
    /// Given up at the end of a session that never reached the disk.
    case discarded
  }

  private var state: State
  private var deferred: [JournalEntry] = []
  /// Why the copy of the playbook could not be kept, if it could not; the case goes on without it.
  public private(set) var snapshotError: StorageError?

  /// A new case, not yet on disk.
  ///
  /// - Parameters:
  ///   - store: Where cases live.
  ///   - day: The day the case began, `YYYY-MM-DD`, for the folder's name.
  ///   - header: The case's header.
  ///   - snapshot: The playbook's text and its parts, kept in the case folder.
  public init(store: CaseStore, day: String, header: CaseHeader, snapshot: PlaybookSnapshot) {
    state = .notCreated(store: store, day: day, header: header, snapshot: snapshot)
  }

  /// A case already on disk, its journal open and locked.
  public init(name: String, folder: String, journal: CaseJournal) {
    state = .open(name: name, folder: folder, journal: journal)
  }

  /// The case's folder name, once it exists.
  public var name: String? {
    if case .open(let name, _, _) = state { return name }
    return nil
  }

  /// The case's folder, once it exists.
  public var folder: String? {
    if case .open(_, let folder, _) = state { return folder }
    return nil
  }

  /// Entries not yet on disk because a write failed (an unwritten header does not count).
  public var unsaved: [JournalEntry] {
    switch state {
    case .notCreated: deferred.filter { if case .opened = $0 { false } else { true } }
    case .creating(_, let new): (new.journal.pending + deferred).filter { if case .opened = $0 { false } else { true } }
    case .discarded: []
    case .open(_, _, let journal): journal.pending
    }
  }

  /// Replaces the header of a case not yet on disk (the client's name, once asked).
  public func updateHeader(_ header: CaseHeader) {
    guard case .notCreated(let store, let day, _, let snapshot) = state else { return }
    state = .notCreated(store: store, day: day, header: header, snapshot: snapshot)
    deferred = deferred.map { if case .opened = $0 { .opened(header) } else { $0 } }
  }

  /// Appends an entry and makes it durable; the header alone is held until the next entry.
  ///
  /// - Throws: ``StorageError`` when it could not be made durable; it stays pending.
  public func append(_ entry: JournalEntry) throws(StorageError) {
    if case .notCreated = state, case .opened = entry {
      deferred.append(entry)
      return
    }
    deferred.append(entry)
    try flush()
  }

  /// Creates the case if needed and writes everything pending; a new case's folder gets its name
  /// once this first succeeds.
  public func flush() throws(StorageError) {
    let journal = try openJournal()
    for entry in deferred { journal.enqueue(entry) }
    deferred.removeAll()
    try journal.flush()
    guard case .creating(let store, let new) = state else { return }
    let (name, folder) = try store.publish(new)
    state = .open(name: name, folder: folder, journal: journal)
  }

  /// Removes the folder of a case whose header never reached the disk, at the end of a session.
  /// (One whose entries did, but which could not be renamed, is left for the next listing to
  /// name: see ``CaseStore/cases()``.)
  public func discardUnsaved() {
    guard case .creating(let store, let new) = state, new.journal.isEmpty else { return }
    store.discard(new)
    state = .discarded
  }

  /// Writes `record.json` and `record.md`, creating the case first if needed.
  public func writeRecord(_ record: CaseRecord, timeZone: TimeZone) throws(StorageError) {
    try flush()
    guard case .open(_, let folder, _) = state else { return }
    try CaseStore.writeRecord(record, folder: folder, timeZone: timeZone)
  }

  /// Writes the whole journal, saved and pending entries, as a new file in `folder`.
  public func writeCopy(into folder: String) throws(StorageError) -> String {
    let name: String
    let journal: CaseJournal
    switch state {
    case .notCreated, .discarded: throw .nothingToCopy
    case .creating(_, let new): (name, journal) = (new.base, new.journal)
    case .open(let opened, _, let open): (name, journal) = (opened, open)
    }
    for entry in deferred { journal.enqueue(entry) }
    deferred.removeAll()
    return try journal.writeCopy(into: folder, named: "\(name)-\(CaseJournal.fileName)")
  }

  private func openJournal() throws(StorageError) -> CaseJournal {
    switch state {
    case .open(_, _, let journal):
      return journal
    case .creating(_, let new):
      return new.journal
    case .discarded:
      throw .notOnDisk
    case .notCreated(let store, let day, let header, let snapshot):
      let new = try store.createCase(day: day, header: header)
      state = .creating(store: store, new: new)
      do {
        // The case keeps the playbook it ran, so it can be resumed and rebuilt whatever happens to the file.
        try CaseStore.writeSnapshot(snapshot, into: new.folder)
      } catch {
        snapshotError = error
      }
      return new.journal
    }
  }
}
