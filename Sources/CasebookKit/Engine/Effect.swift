/// What the adapter must do for the engine, in order. Each says what it means, so the adapter
/// never has to guess from how many came back.
public enum Effect: Sendable, Hashable {
  /// Show this as part of the case's flow (a line being typed is dropped first).
  case show(Output)
  /// Show this above the line being typed, which goes on (a wait limit that ran out).
  case announce(Output)
  /// Show this hint after a refused answer or command.
  case reject(String)
  /// Write this entry to the journal before anything after it is shown.
  case persist(JournalEntry)
  /// Write any entries that could not be saved yet (`:save`).
  case flush
  /// Copy this draft to the clipboard and a file; once its file is written, that comes back as an
  /// event.
  case copyDraft(FilledDraft)
  /// Open this draft in the person's editor; the edited text comes back as an event.
  case editDraft(FilledDraft)
  /// Read an answer to this prompt (or go on reading the line already begun for it).
  case ask(Prompt)
  /// The case stops here, with this status.
  case finish(CaseStatus)
}
