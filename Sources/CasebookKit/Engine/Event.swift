/// Something that happens to a running case, as the engine sees it.
public enum Event: Sendable, Hashable {
  /// A line the person entered: an answer, or an in-session command starting with `:`.
  case input(String)
  /// Standard input ended (Ctrl-D at an empty prompt, or the end of piped input).
  case endOfInput
  /// The process is being stopped (a signal, or the terminal went away).
  case interrupted
  /// Time passed while waiting for an answer: timers may run out.
  case tick
  /// A draft came back from the editor with this text.
  case draftEdited(FilledDraft)
}
