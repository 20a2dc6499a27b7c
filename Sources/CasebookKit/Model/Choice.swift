/// One answer the user can give to a question with fixed choices.
public struct Choice: Sendable, Hashable {
  /// The word the user types, such as `yes`.
  public var answer: String
  /// A longer description shown beside the word, if any.
  public var label: String?
  /// The step that follows this answer.
  public var next: StepID
  /// Where the choice is written.
  public var location: SourceLocation
  /// When the choice is offered; always when `nil`.
  public var condition: Condition?
  /// Where the condition's text begins, for its diagnostics.
  public var conditionLocation: SourceLocation?
  /// Where the choice's `next` value is written, for its diagnostics.
  public var nextLocation: SourceLocation?

  /// Creates a choice.
  public init(
    answer: String, label: String? = nil, next: StepID, location: SourceLocation, condition: Condition? = nil,
    conditionLocation: SourceLocation? = nil
  ) {
    self.conditionLocation = conditionLocation
    self.answer = answer
    self.label = label
    self.next = next
    self.location = location
    self.condition = condition
  }
}
