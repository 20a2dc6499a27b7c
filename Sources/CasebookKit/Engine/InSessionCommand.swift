/// A command typed at a prompt, starting with `:`.
public enum InSessionCommand: Sendable, Hashable {
  /// `:help`
  case help
  /// `:back`: take back the last answer.
  case back
  /// `:note TEXT`
  case note(String)
  /// `:where`: the path so far and the current step.
  case whereAmI
  /// `:why`: the reason behind the current step, and its detail.
  case why
  /// `:quit`: keep the case and leave.
  case quit
  /// `:save`: write any answers that could not be saved yet.
  case save
  /// `:copy [N|KIND]`: put a draft (the latest, or the step's draft N or of that kind) on the
  /// clipboard and in a file.
  case copy(String?)
  /// `:edit [N|KIND]`: edit a draft in `$EDITOR` and keep the edited text.
  case edit(String?)
  /// `:sent [N|KIND]`: mark a draft (the latest, or the step's draft N or of that kind) as sent.
  case sent(String?)
  /// `:show [N|KIND]`: show a draft in full, or all the latest step's drafts.
  case show(String?)
  /// `:drafts`: list the latest step's drafts by name and first line.
  case drafts
  /// `:skip`: in practice, let the running wait limit run out now.
  case skip

  /// Every command's name and one line on it, in the order `:help` lists them.
  public static let summaries: [(name: String, summary: String)] = [
    (":help", "show this list"),
    (":back", "take back the last answer (the record keeps both)"),
    (":note TEXT", "add a note to the record"),
    (":where", "show the path so far and the current step"),
    (":why", "show the reason behind this step"),
    (":copy [N]", "copy the latest draft (or draft N, or the email/text one) to the clipboard and a file"),
    (":edit [N]", "edit the latest draft (or draft N) in $EDITOR; the record keeps the edited text"),
    (":sent [N]", "mark the latest draft (or draft N) as sent; the record says so"),
    (":show [N]", "show draft N in full (or all of this step's drafts)"),
    (":drafts", "list this step's drafts by name and first line"),
    (":skip", "in practice: let the wait limit run out now"),
    (":save", "retry saving answers that could not be written (after a disk error)"),
    (":quit", "keep the case and leave; resume it later"),
  ]

  /// The words Tab completes.
  public static let names = [":help", ":back", ":note", ":where", ":why", ":copy", ":edit", ":sent", ":show", ":drafts", ":save", ":quit"]
  /// The words Tab completes in practice, where `:skip` moves the scenario's time on.
  public static let practiceNames = names + [":skip"]

  /// The longest `:note` taken, in characters: a record is for reading, not for pasted files.
  public static let maximumNoteLength = 10_000

  /// Reads a line that starts with `:`.
  ///
  /// - Returns: The command, or a message saying what is wrong with the line.
  public static func parse(_ line: String) -> Result<InSessionCommand, CommandError> {
    let trimmed = line.trimmingWhitespace()
    let name = trimmed.prefix { !$0.isWhitespace }.lowercased()
    let argument = trimmed.dropFirst(name.count).description.trimmingWhitespace()
    switch name {
    case ":help", ":h", ":?": return .success(.help)
    case ":back", ":b", ":undo": return .success(.back)
    case ":where", ":w": return .success(.whereAmI)
    case ":why": return .success(.why)
    case ":quit", ":q", ":exit": return .success(.quit)
    case ":save": return .success(.save)
    case ":skip": return .success(.skip)
    case ":copy", ":c": return .success(.copy(argument.isEmpty ? nil : argument))
    case ":edit", ":e": return .success(.edit(argument.isEmpty ? nil : argument))
    case ":sent": return .success(.sent(argument.isEmpty ? nil : argument))
    case ":show": return .success(.show(argument.isEmpty ? nil : argument))
    case ":drafts": return .success(.drafts)
    case ":note", ":n":
      guard !argument.isEmpty else { return .failure(CommandError(message: "write the note after it: :note TEXT")) }
      guard argument.unicodeScalars.count <= maximumNoteLength else {
        return .failure(CommandError(message: "not noted: a note is limited to \(maximumNoteLength) characters; split it into shorter notes"))
      }
      return .success(.note(argument))
    default:
      let suggestion = Suggestion.nearest(to: name, in: practiceNames).map { "; did you mean \($0)?" } ?? "; type :help"
      return .failure(CommandError(message: "unknown command \(name)\(suggestion)"))
    }
  }

  /// Why a command line was not understood.
  public struct CommandError: Error, Sendable, Hashable {
    /// The hint to show.
    public var message: String
  }
}
