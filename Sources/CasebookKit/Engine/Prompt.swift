public import Foundation

/// A question waiting for an answer, with everything a line editor needs to help answer it.
public struct Prompt: Sendable, Hashable {
  /// The step being asked.
  public var step: StepID
  /// The words that complete on Tab: the answers, then the in-session commands.
  public var completions: [String]
  /// What the prompt shows before the cursor.
  public var text: String
  /// The soonest running timer's deadline, for a countdown in the prompt.
  public var deadline: Date?
  /// Keys that answer at once, without Enter, each with the answer it stands for: in live mode, a
  /// choice's number and the first letter of a choice no other shares.
  public var singleKeys: [Character: String]
  /// What an answer here may leave in the line history (``LineHistory``).
  public var history: LineHistory.Keeping

  /// Creates a prompt.
  public init(
    step: StepID, completions: [String], text: String, deadline: Date? = nil, singleKeys: [Character: String] = [:],
    history: LineHistory.Keeping = .answerWords
  ) {
    self.step = step
    self.completions = completions
    self.text = text
    self.deadline = deadline
    self.singleKeys = singleKeys
    self.history = history
  }
}
