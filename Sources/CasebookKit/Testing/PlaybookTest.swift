/// A scripted walk through a playbook, with what must hold at the end; written in a test file.
public struct PlaybookTest: Sendable, Hashable {
  /// The test's name.
  public var name: String
  /// The client's name, if the walk gives one.
  public var client: String?
  /// The lines typed, in order (answers and `:` commands).
  public var answers: [String]
  /// Or: the answer at each step, by step id (inputs by their name), whatever the order.
  public var answersByStep: [String: String] = [:]
  /// The end step that must be reached; any end when `nil`.
  public var end: StepID?
  /// Values that must be saved at the end, in their written form.
  public var saved: [String: String]
  /// Texts that must appear in what was shown.
  public var shown: [String]
  /// Texts that must appear in the filled drafts.
  public var drafted: [String]
  /// Texts that must appear in the decision and next actions.
  public var decided: [String]
  /// Where the test is written.
  public var location: SourceLocation
}
