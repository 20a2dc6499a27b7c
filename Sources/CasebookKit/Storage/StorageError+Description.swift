import Foundation

// Every word a person reads about a storage failure is here.

extension StorageError: CustomStringConvertible {
  /// One line for the person: what failed, where, what to do.
  public var description: String {
    switch self {
    case .io(let failure, let operation):
      "could not \(operation): \(failure.call) '\(failure.path)' failed: \(failure.reason); \(Self.advice(forErrno: failure.code))"
    case .locked(let path):
      "this case is open in another Casebook; finish or quit it there first ('\(path)' is locked)"
    case .damaged(let path, let line, let problem, let isLeftAsIs):
      "the journal '\(path)' is damaged at line \(line): \(problem)\(isLeftAsIs ? "; it was left as it is" : "")"
    case .caseDamaged(let name, let damage):
      "case '\(name)' is damaged (\(damage)); repair it with: casebook cases repair \(name)"
    case .nothingToRepair(let name, let damage):
      "case '\(name)' cannot be repaired: \(damage), so nothing of it can be read; its folder is left as it is (casebook cases delete \(name) removes it)"
    case .notDamaged(let name):
      "case '\(name)' is not damaged; there is nothing to repair"
    case .exists(let path):
      "'\(path)' already exists; choose another folder"
    case .noFreeName(let base, let folder):
      "could not find a free folder name for '\(base)' under '\(folder)'"
    case .recordNotEncodable:
      "could not encode the case record"
    case .playbookUnavailable(let name):
      "the playbook of case '\(name)' cannot be loaded, from its file or its copy in the case folder"
    case .notReplayable(let name, let error):
      "the journal of case '\(name)' cannot be replayed (\(error))"
    case .partsOutside(let paths):
      "the copy of the playbook kept with the case lacks \(paths.map { "'\($0)'" }.joined(separator: ", ")), included from outside the playbook's folder"
    case .notComplete(let name):
      "case '\(name)' is not complete yet; its next actions come at its end (casebook resume \(name))"
    case .noSuchAction(let name, let number, let count):
      "case '\(name)' has \(count) next action\(count == 1 ? "" : "s"); there is no number \(number)"
    case .notOnDisk:
      "the case is not on disk yet"
    case .nothingToCopy:
      "the case was never created on disk; nothing to copy"
    }
  }

  /// The line without its advice, for a caller that says itself what to do next.
  public var withoutAdvice: String {
    guard case .io(let failure, let operation) = self else { return description }
    return "could not \(operation): \(failure.call) '\(failure.path)' failed: \(failure.reason)"
  }

  /// What the person can do about a failed system call, from its `errno`.
  static func advice(forErrno code: Int32) -> String {
    switch code {
    case ENOSPC, EDQUOT: "free some disk space, then try again"
    case EROFS: "the file system is read-only; set CASEBOOK_HOME to a writable folder"
    case EACCES, EPERM: "check the folder's owner and permissions, or set CASEBOOK_HOME"
    // Files are opened with O_NOFOLLOW and created with O_EXCL, so a link or a file someone put
    // in the way fails with ELOOP or EEXIST.
    case ELOOP, EEXIST: "something unexpected is in the way (a link or an existing file); move it aside"
    case EIO: "the disk reported an I/O error; check it, then try again"
    default: "check the folder, then try again"
    }
  }
}

extension StorageError.Operation: CustomStringConvertible {
  /// The operation as it follows "could not".
  public var description: String {
    switch self {
    case .createHome: "create the Casebook home"
    case .createCaseFolder: "create the case folder"
    case .createJournal: "create the case journal"
    case .openJournal: "open the case journal"
    case .readJournal: "read the case journal"
    case .saveAnswer: "save the answer to the case journal"
    case .copyJournal: "write a copy of the journal"
    case .write(let fileName): "write '\(fileName)'"
    case .keepPart(let relativePath): "keep the playbook's part '\(relativePath)' with the case"
    case .keepDamagedJournal: "keep the damaged journal aside"
    case .exportCase: "export the case"
    case .deleteCase: "delete the case"
    }
  }
}
