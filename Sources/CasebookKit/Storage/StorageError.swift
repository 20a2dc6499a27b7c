/// A failure to read or write a case on disk.
///
/// Each case says what failed; its ``description`` (in `StorageError+Description.swift`) words it
/// for the person: what failed, where, what to do.
public enum StorageError: Error, Sendable, Hashable {
  /// A system call failed while Casebook was doing `operation`.
  case io(POSIX.Failure, operation: Operation)
  /// Another Casebook has the case open: its journal at `path` is locked.
  case locked(path: String)
  /// The journal at `path` cannot be read past a damaged `line`.
  ///
  /// `isLeftAsIs` when it was opened to be written to, where a torn last line would have been cut
  /// off: the person learns that this damage was not.
  case damaged(path: String, line: Int, problem: String, isLeftAsIs: Bool)
  /// The journal of the case named `caseName` cannot be read to its end; only
  /// `casebook cases repair` changes it.
  case caseDamaged(caseName: String, JournalDamage)
  /// The damaged journal of the case named `caseName` keeps nothing to repair from (no header).
  case nothingToRepair(caseName: String, JournalDamage)
  /// The case named `caseName` is not damaged, so there is nothing to repair.
  case notDamaged(caseName: String)
  /// Something already exists at `path`, where a new folder was to go.
  case exists(path: String)
  /// Every folder name made from `base` is taken in `folder`.
  case noFreeName(base: String, folder: String)
  /// The case's record could not be encoded as JSON.
  case recordNotEncodable
  /// Neither the playbook file of the case named `caseName` nor its copy in the case folder loads.
  case playbookUnavailable(caseName: String)
  /// The journal of the case named `caseName` does not replay.
  case notReplayable(caseName: String, CaseEngine.ReplayError)
  /// The playbook includes these files from outside its folder, so its copy lacks them.
  case partsOutside([String])
  /// The case named `caseName` is not complete, so it has no next actions yet.
  case notComplete(caseName: String)
  /// The case named `caseName` has `count` next actions, none of them number `number`.
  case noSuchAction(caseName: String, number: Int, count: Int)
  /// The case has not been written to disk yet.
  case notOnDisk
  /// The case never reached the disk, so it has no journal to copy.
  case nothingToCopy

  /// What Casebook was doing when a system call failed.
  public enum Operation: Sendable, Hashable {
    /// Creating the Casebook home and its `cases` folder.
    case createHome
    /// Creating a new case's folder.
    case createCaseFolder
    /// Creating a new case's journal.
    case createJournal
    /// Opening an existing case's journal.
    case openJournal
    /// Locking, reading or repairing a case's journal.
    case readJournal
    /// Appending entries to a case's journal.
    case saveAnswer
    /// Writing a copy of a case's journal elsewhere.
    case copyJournal
    /// Writing a file in a case folder, atomically.
    case write(fileName: String)
    /// Making the folders for a part of the playbook, at `relativePath` in the case folder.
    case keepPart(relativePath: String)
    /// Keeping a damaged journal aside before it is repaired.
    case keepDamagedJournal
    /// Copying a case's files to another folder.
    case exportCase
    /// Removing a case folder.
    case deleteCase
  }
}
