/// Something that happened to a case, handed to ``CaseEngine/handle(_:at:)``.
public enum Event: Sendable, Hashable {
  /// The case begins: its header is journaled and it goes to its first step.
  case begin
  /// A left case is picked up again.
  case resume
  /// A line the person typed.
  case input(String)
  /// Standard input ended.
  case endOfInput
  /// A signal or a lost terminal: the case is left, kept as interrupted.
  case interrupted
  /// Time passed: a wait limit may have run out.
  case tick
  /// The person edited a draft (`:edit`); this is the edited text.
  case draftEdited(FilledDraft)
  /// The adapter copied a draft (``Effect/copyDraft(_:)``): its file is written.
  case draftCopied(FilledDraft)
}
