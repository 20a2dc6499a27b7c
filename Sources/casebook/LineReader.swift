import CasebookKit

/// What reading one line at a prompt gave.
enum LineRead: Equatable {
  /// A line, without its newline.
  case line(String)
  /// Ctrl-C: the line being typed was dropped.
  case cancelled
  /// Standard input ended (Ctrl-D at an empty prompt, or the end of piped input).
  case endOfInput
  /// A signal asked the process to stop, or the terminal went away.
  case interrupted
  /// The prompt's deadline passed while the person was typing; the line is still being edited.
  case deadlinePassed
}

/// Reads answers, one line per prompt.
protocol LineReader: AnyObject {
  /// Shows the prompt and reads one line.
  func read(_ prompt: Prompt) -> LineRead

  /// Shows a line above the prompt without disturbing what is being typed.
  func announce(_ text: String)

  /// Drops the line being typed, when the case moved on without it (a timer's expiry branch).
  func abandonLine()
}
