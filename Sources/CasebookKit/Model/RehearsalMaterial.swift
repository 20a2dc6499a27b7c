/// What a person needs to rehearse a hard conversation: what to prepare (such as the reason and the
/// contract wording to cite), the points to make, the phrases to avoid, and how the simulated
/// client answers: its likely replies, each with a suggested way to answer it, and its reactions to
/// what the person's lines cover or miss.
public struct RehearsalMaterial: Sendable, Hashable {
  /// One thing to settle before the conversation: the answer to one of the playbook's questions.
  public struct Preparation: Sendable, Hashable {
    /// The question's step.
    public var step: StepID
    /// How the conversation plan names it, such as `The reason`; the question's text when `nil`.
    public var label: String?
    /// Other ways a line may say it (phrases, or word stems ending in `*`), besides the answer itself.
    public var said: [String]
    /// Where it is written.
    public var location: SourceLocation

    /// Creates a preparation.
    public init(step: StepID, label: String? = nil, said: [String] = [], location: SourceLocation) {
      self.step = step
      self.label = label
      self.said = said
      self.location = location
    }
  }

  /// One talking point: something to say, and the ways a line may say it.
  public struct Point: Sendable, Hashable {
    /// What to say, in the person's words as an example.
    public var text: String
    /// How the review names it; the text when not given.
    public var label: String
    /// The ways a line may say it: phrases, or word stems ending in `*`. Empty: two of the text's
    /// long words.
    public var said: [String]
    /// The client moods it answers, and `opening` for the person's first line; empty: any line.
    public var answers: [String]

    /// Creates a point.
    public init(text: String, label: String? = nil, said: [String] = [], answers: [String] = []) {
      self.text = text
      self.label = label ?? text
      self.said = said
      self.answers = answers
    }
  }

  /// A phrase to avoid, such as blame or a promise the plan does not hold, and how the client
  /// reacts to it.
  public struct Avoid: Sendable, Hashable {
    /// How the review names it, such as `Blame`.
    public var label: String
    /// The ways a line says it.
    public var said: [String]
    /// The client's reaction, if it has one.
    public var reply: Reply?
  }

  /// A client line that comes when the person's lines have not yet covered a part of the plan or a
  /// point after some lines.
  public struct Reaction: Sendable, Hashable {
    /// The plan part (its step id) or the point (its label) that is missing.
    public var missing: String
    /// After how many of the person's lines without it.
    public var after: Int
    /// What the client says.
    public var reply: Reply
  }

  /// One thing the client might say.
  public struct Reply: Sendable, Hashable {
    /// What the client says.
    public var client: String
    /// The mood it comes in, such as `angry` or `bargaining`, if given.
    public var mood: String?
    /// A suggested way to answer it.
    public var suggest: String

    /// Creates a reply.
    public init(client: String, mood: String? = nil, suggest: String) {
      self.client = client
      self.mood = mood
      self.suggest = suggest
    }
  }

  /// Who speaks first.
  public enum Opener: String, Sendable, Hashable {
    /// The client's first line comes before the person says anything.
    case client
    /// The person opens the conversation.
    case person
  }

  /// What to prepare, in order: the conversation plan.
  public var prepare: [Preparation]
  /// The points to make, in order.
  public var points: [Point]
  /// The client's likely replies.
  public var replies: [Reply]
  /// The phrases to avoid.
  public var avoid: [Avoid] = []
  /// The client's reactions to what is missing.
  public var reactions: [Reaction] = []
  /// Who speaks first.
  public var opens: Opener = .client
  /// What the client says when it accepts the decision, ending the conversation early; `nil`: it
  /// never does.
  public var accepts: String?

  /// Creates rehearsal material.
  public init(prepare: [Preparation] = [], points: [Point], replies: [Reply]) {
    self.prepare = prepare
    self.points = points
    self.replies = replies
  }

  /// The most client lines a rehearsal can have: each reply and each reaction once.
  public var availableTurns: Int { replies.count + reactions.count + avoid.filter { $0.reply != nil }.count }
}
