/// A failure to read or write a case on disk, worded for the person: what failed, where, what to do.
public struct StorageError: Error, Sendable, Hashable, CustomStringConvertible {
  /// One line for the person.
  public var description: String

  /// Creates an error with its message.
  public init(_ description: String) { self.description = description }

  init(_ failure: POSIX.Failure, doing what: String) {
    let advice: String
    switch failure.code {
    case 28, 122: advice = "free some disk space, then try again"  // ENOSPC, EDQUOT
    case 30: advice = "the file system is read-only; set CASEBOOK_HOME to a writable folder"  // EROFS
    case 13, 1: advice = "check the folder's owner and permissions, or set CASEBOOK_HOME"  // EACCES, EPERM
    case 40, 17: advice = "something unexpected is in the way (a link or an existing file); move it aside"  // ELOOP, EEXIST
    case 5: advice = "the disk reported an I/O error; check it, then try again"  // EIO
    default: advice = "check the folder, then try again"
    }
    self.description = "could not \(what): \(failure.call) '\(failure.path)' failed: \(failure.reason); \(advice)"
  }
}
