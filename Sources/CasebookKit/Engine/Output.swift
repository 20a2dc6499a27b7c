/// A block of text for the person, with what it is so the adapter can style it.
public struct Output: Sendable, Hashable {
  /// What a block of text is.
  public enum Role: String, Sendable, Hashable {
    /// The playbook's title and the case's heading.
    case heading
    /// Something to do now.
    case instruction
    /// A question, with its accepted answers.
    case question
    /// The accepted answers under a question.
    case choices
    /// The outcome at an end step.
    case outcome
    /// Detail or reasons, on request or in coaching.
    case explanation
    /// Command output: help, where, acknowledgements.
    case info
    /// A filled message, ready to copy.
    case draft
    /// Something that needs attention now, such as a wait limit reached.
    case alert
    /// A line of a rehearsed conversation, such as `Client (angry): …`: wrapped on a terminal, on
    /// one line of its own through a pipe, so a script reads each line whole.
    case spoken
  }

  /// What this block is.
  public var role: Role
  /// The text, possibly several lines.
  public var text: String
  /// Shorter forms of the text, longest first, for a screen with too little room: the drafts of a
  /// step folded to their names and first lines. Output that is not a screen shows ``text``.
  public var shorter: [String]

  /// Creates a block.
  public init(_ role: Role, _ text: String, shorter: [String] = []) {
    self.role = role
    self.text = text
    self.shorter = shorter
  }
}
