/// Why a case's journal cannot be read to its end: the case is listed as damaged, and only
/// `casebook cases repair` changes such a journal.
public enum JournalDamage: Sendable, Hashable {
  /// A whole line that cannot be read (a torn last line, with no newline, is not damage).
  case line(Int, problem: String)
  /// The journal holds nothing.
  case empty
  /// The case folder has no journal.
  case missing
  /// The journal does not begin with the case's header.
  case noHeader
  /// The journal is a symbolic link, which Casebook never follows.
  case link
  /// The journal cannot be opened or read.
  case unreadable(POSIX.Failure)

  /// The 1-based number of the damaged line, where there is one.
  public var line: Int? {
    if case .line(let number, _) = self { number } else { nil }
  }

  /// Whether any entry can still be read: a header, at least.
  public var isRepairable: Bool {
    if case .line(let number, _) = self { number > 1 } else { false }
  }
}

extension JournalDamage: CustomStringConvertible {
  /// Where and what: `line 4 of journal.log: checksum does not match`.
  public var description: String {
    let file = CaseJournal.fileName
    return switch self {
    case .line(let number, let problem): "line \(number) of \(file): \(problem)"
    case .empty: "\(file) is empty"
    case .missing: "the case folder has no \(file)"
    case .noHeader: "\(file) does not begin with the case's header"
    case .link: "\(file) is a symbolic link, which is never followed"
    case .unreadable(let failure): "\(file) cannot be read: \(failure.call) failed: \(failure.reason)"
    }
  }
}
