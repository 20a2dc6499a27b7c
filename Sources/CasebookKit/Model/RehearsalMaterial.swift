/// What a person needs to rehearse a hard conversation: what to prepare (such as the reason and the
/// contract wording to cite), the points to make, and the client's likely replies, each with a
/// suggested way to answer it.
public struct RehearsalMaterial: Sendable, Hashable {
  /// One thing to settle before the conversation: the answer to one of the playbook's questions.
  public struct Preparation: Sendable, Hashable {
    /// The question's step.
    public var step: StepID
    /// How the conversation plan names it, such as `The reason`; the question's text when `nil`.
    public var label: String?
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a preparation.
    public init(step: StepID, label: String? = nil, location: SourceLocation) {
      self.step = step
      self.label = label
      self.location = location
    }
  }

  /// One thing the client might say.
  public struct Reply: Sendable, Hashable {
    /// What the client says.
    public var client: String
    /// The mood it comes in, such as `angry` or `bargaining`, if given.
    public var mood: String?
    /// A suggested way to answer it.
    public var suggest: String
  }

  /// What to prepare, in order: the conversation plan.
  public var prepare: [Preparation]
  /// The points to make, in order.
  public var points: [String]
  /// The client's likely replies.
  public var replies: [Reply]

  /// Creates rehearsal material.
  public init(prepare: [Preparation] = [], points: [String], replies: [Reply]) {
    self.prepare = prepare
    self.points = points
    self.replies = replies
  }
}
