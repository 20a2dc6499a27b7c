/// What a person needs to rehearse a hard conversation: the points to make, and the client's likely
/// replies, each with a suggested way to answer it.
public struct RehearsalMaterial: Sendable, Hashable {
  /// One thing the client might say.
  public struct Reply: Sendable, Hashable {
    /// What the client says.
    public var client: String
    /// The mood it comes in, such as `angry` or `bargaining`, if given.
    public var mood: String?
    /// A suggested way to answer it.
    public var suggest: String
  }

  /// The points to make, in order.
  public var points: [String]
  /// The client's likely replies.
  public var replies: [Reply]

  /// Creates rehearsal material.
  public init(points: [String], replies: [Reply]) {
    self.points = points
    self.replies = replies
  }
}
