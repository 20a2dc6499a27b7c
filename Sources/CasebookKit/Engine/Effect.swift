/// Something the engine asks its adapter to do, in order.
public enum Effect: Sendable, Hashable {
  /// Print a block of text.
  case show(Output)
  /// Tell the person their input was not accepted, and why.
  case reject(String)
  /// Append this entry to the case's journal and make it durable before going on.
  case persist(JournalEntry)
  /// Make every journaled entry durable now, retrying any whose write failed.
  case flush
  /// Put this draft on the clipboard and in a file of the case folder, and say where.
  case copyDraft(FilledDraft)
  /// Open this draft in the person's editor; send back ``Event/draftEdited(_:)``.
  case editDraft(FilledDraft)
  /// Read the next line for this prompt.
  case ask(Prompt)
  /// The case stopped with this status: write the record and leave.
  case finish(CaseStatus)
}
