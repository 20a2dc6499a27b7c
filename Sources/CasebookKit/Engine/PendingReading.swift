/// A date answer whose meaning was inferred (`friday`, `5/12`, `16:00`), shown back to the person
/// and waiting for Enter to keep it.
///
/// Transient: nothing is journaled until it is kept, so a case left meanwhile asks its question
/// again when resumed. It lives beside ``CaseState``, which holds only what the journal rebuilds.
public struct PendingReading: Sendable, Hashable {
  /// The question it answers.
  public var step: StepID
  /// The answer as it would be journaled.
  public var canonical: String
  /// The reading as the person is asked to confirm it.
  public var question: Output
  /// How long the path was when it was read: once the path changes, the reading is left behind.
  var pathLength: Int
}
