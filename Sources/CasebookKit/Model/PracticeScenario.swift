/// A practice case for training: a situation to read, values set beforehand, the answer a trainee
/// should give at each step, and the feedback for other answers.
public struct PracticeScenario: Sendable, Hashable {
  /// The scenario's name, such as `late-and-unreachable`.
  public var name: String
  /// The situation, as the trainee reads it first.
  public var situation: String
  /// Values set before the first step, such as the client's name (as typed answers).
  public var values: [String: String]
  /// The recommended answer at each step, by step.
  public var answers: [StepID: String]
  /// The feedback for a wrong answer, by step and by answer word; `other` covers the rest.
  public var feedback: [StepID: [String: String]]
  /// When each wait limit runs out in the scenario's own time: the step by which it has run out,
  /// by timer name. Practice never waits real minutes; a limit not named here runs out on `:skip`.
  public var expiries: [String: StepID] = [:]
  /// What counts as right at a step beyond its one recommended answer: a checklist's items that
  /// must, may and must not be ticked, an input's tolerance, the ways a text answer may say it.
  public var expectations: [StepID: Expectation] = [:]
  /// Where the scenario is written.
  public var location: SourceLocation

  /// What counts as right at one step, written as a mapping under `answers`.
  public struct Expectation: Sendable, Hashable {
    /// At a checklist, the items that must be ticked.
    public var must: [String] = []
    /// At a checklist, the items that may be ticked or not.
    public var may: [String] = []
    /// At a checklist, the items that must not be ticked; `nil`: every item not in `must` or `may`.
    public var mustNot: [String]?
    /// At a date, duration or number, how far from the answer still counts: `2d`, `5m`, `1`.
    public var within: String?
    /// At a text input, the ways an answer may say it (phrases, stems ending in `*`).
    public var said: [String] = []

    /// Creates an expectation.
    public init(must: [String] = [], may: [String] = [], mustNot: [String]? = nil, within: String? = nil, said: [String] = []) {
      self.must = must
      self.may = may
      self.mustNot = mustNot
      self.within = within
      self.said = said
    }
  }

  /// Creates a scenario.
  public init(
    name: String, situation: String, values: [String: String] = [:], answers: [StepID: String],
    feedback: [StepID: [String: String]] = [:], location: SourceLocation
  ) {
    self.name = name
    self.situation = situation
    self.values = values
    self.answers = answers
    self.feedback = feedback
    self.location = location
  }
}
