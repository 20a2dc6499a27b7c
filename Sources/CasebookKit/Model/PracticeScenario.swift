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
  /// Where the scenario is written.
  public var location: SourceLocation

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
