/// What a record's history entry says happened; the raw value is the word `record.json` writes.
public enum HistoryEvent: String, Sendable, Hashable, Codable, CaseIterable {
  /// A question was answered.
  case answered
  /// A question was answered with what the client's history gave (`from_history`).
  case answeredFromHistory = "answered-from-history"
  /// The case's client was renamed, or merged into another (`casebook client`).
  case clientRenamed = "client-renamed"
  /// An answer was taken back.
  case undone
  /// A free note was written.
  case noted
  /// The case was left before its end.
  case left
  /// The case was taken up again.
  case resumed
  /// An end step was reached.
  case finished
  /// In practice: an answer other than the recommended one was given before choosing again.
  case attempted
  /// In a rehearsal: the person said a line.
  case said
  /// A timer ran out at a question and its branch was taken.
  case expired
  /// In practice: `:skip` moved the scenario's time on until a timer ran out.
  case skipped
  /// A next action was marked done with `casebook done`.
  case actionDone = "action-done"
  /// A next action was marked open again with `casebook done --undo`.
  case actionReopened = "action-reopened"
}
