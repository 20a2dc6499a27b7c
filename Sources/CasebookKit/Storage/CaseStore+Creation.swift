import Foundation

/// Creating a case folder atomically: it is made under a temporary dot-name in the cases folder and
/// renamed to its real name only once its header is on the disk, so a crash leaves either no case
/// or a case that is listed, never an empty folder that no command knows.
extension CaseStore {
  /// A case folder being created, under its temporary name.
  struct NewCase {
    /// The temporary folder.
    var folder: String
    /// The name the folder is to have (`-2`, `-3`, ... appended if it is taken).
    var base: String
    /// Its journal, open and locked.
    var journal: CaseJournal
  }

  /// How the temporary name of a case folder being created begins: `.new-PID-RANDOM-NAME`.
  static let newCasePrefix = ".new-"

  /// Creates a case folder under a temporary name, and its journal, named from the day, the
  /// playbook and the client.
  ///
  /// - Parameters:
  ///   - day: The day the case begins, as `YYYY-MM-DD`.
  ///   - header: The case's header, written as the journal's first entry by the caller.
  func createCase(day: String, header: CaseHeader) throws(StorageError) -> NewCase {
    try prepare()
    var base = "\(day)-\(SafeName.slug(header.playbook) ?? "case")"
    if let client = header.client.flatMap(SafeName.slug) { base += "-\(client)" }
    let process = ProcessInfo.processInfo.processIdentifier
    while true {
      let random = String(UInt32.random(in: 0...UInt32.max), radix: 16)
      let folder = "\(casesFolder)/\(Self.newCasePrefix)\(process)-\(random)-\(base)"
      let created: Bool
      do {
        created = try POSIX.makeDirectory(folder)
      } catch {
        throw .io(error, operation: .createCaseFolder)
      }
      guard created else { continue }
      let journal = try CaseJournal.create(at: "\(folder)/\(CaseJournal.fileName)")
      return NewCase(folder: folder, base: base, journal: journal)
    }
  }

  /// Gives a new case folder, whose header is on the disk, its real name: the first of `base`,
  /// `base-2`, `base-3`, ... not taken; then flushes the cases folder.
  ///
  /// - Returns: The case's name and folder.
  func publish(_ new: NewCase) throws(StorageError) -> (name: String, folder: String) {
    try new.journal.syncFolder()
    for attempt in 1...10_000 {
      let name = attempt == 1 ? new.base : "\(new.base)-\(attempt)"
      let folder = "\(casesFolder)/\(name)"
      do {
        guard try POSIX.renameIfFree(new.folder, to: folder) else { continue }
      } catch {
        throw .io(error, operation: .createCaseFolder)
      }
      new.journal.moved(to: "\(folder)/\(CaseJournal.fileName)")
      try new.journal.syncFolder()
      return (name, folder)
    }
    throw .noFreeName(base: new.base, folder: casesFolder)
  }

  /// Finishes or removes what a Casebook killed while creating a case left: a folder whose header
  /// reached the disk is given its name (it is a case), any other is removed. Folders of a
  /// Casebook still running are left alone. What a killed `cases delete` had begun to remove is
  /// removed.
  func settleNewCases() {
    for name in POSIX.list(casesFolder) where name.hasPrefix(Self.deletingPrefix) {
      try? FileManager.default.removeItem(atPath: "\(casesFolder)/\(name)")
    }
    for name in POSIX.list(casesFolder) where name.hasPrefix(Self.newCasePrefix) {
      let parts = name.dropFirst(Self.newCasePrefix.count).split(separator: "-", maxSplits: 2)
      guard parts.count == 3, let process = Int32(parts[0]), !POSIX.isRunning(process) else { continue }
      let folder = "\(casesFolder)/\(name)"
      let path = "\(folder)/\(CaseJournal.fileName)"
      guard case .opened? = CaseJournal.inspect(at: path).contents.entries.first else {
        try? FileManager.default.removeItem(atPath: folder)
        continue
      }
      guard let (journal, _) = try? CaseJournal.open(at: path) else { continue }
      _ = try? publish(NewCase(folder: folder, base: String(parts[2]), journal: journal))
    }
  }

  /// Removes a new case folder that never got its name (nothing of the case reached the disk).
  func discard(_ new: NewCase) {
    try? FileManager.default.removeItem(atPath: new.folder)
  }
}
