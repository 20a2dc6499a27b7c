/// One item of a checklist question, ticked or not.
public struct ChecklistItem: Sendable, Hashable, AnswerWord {
  /// The word that names it, such as `cost`.
  public var answer: String
  /// A longer description, if any.
  public var label: String?
  /// Where it is written.
  public var location: SourceLocation

  /// Creates an item.
  public init(answer: String, label: String? = nil, location: SourceLocation) {
    self.answer = answer
    self.label = label
    self.location = location
  }
}

/// Something the person can name by its word, its label or its number.
public protocol AnswerWord {
  /// The word.
  var answer: String { get }
  /// A longer description, if any.
  var label: String? { get }
}

extension Choice: AnswerWord {}
