/// One way out of a branch step: a condition and the step it leads to; no condition means
/// "otherwise".
public struct BranchCase: Sendable, Hashable {
  /// The condition, or `nil` for the default case.
  public var condition: Condition?
  /// The condition as written.
  public var source: String?
  /// Where it leads.
  public var next: StepID
  /// Where the case is written.
  public var location: SourceLocation
  /// Where the condition's text begins, for its diagnostics.
  public var conditionLocation: SourceLocation?
  /// Where the case's `next` value is written, for its diagnostics.
  public var nextLocation: SourceLocation?

  /// Creates a case.
  public init(
    condition: Condition?, source: String?, next: StepID, location: SourceLocation,
    conditionLocation: SourceLocation? = nil
  ) {
    self.conditionLocation = conditionLocation
    self.condition = condition
    self.source = source
    self.next = next
    self.location = location
  }
}
