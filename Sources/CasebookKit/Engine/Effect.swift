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
  /// Read the next line for this prompt.
  case ask(Prompt)
  /// The case stopped with this status: write the record and leave.
  case finish(CaseStatus)
}
