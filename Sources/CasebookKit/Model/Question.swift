/// A question step's content: the question, how it is answered, and where it leads.
public struct Question: Sendable, Hashable {
  /// How the user answers.
  public enum Answers: Sendable, Hashable {
    /// One of a fixed list of answers, each with its own next step.
    case choices([Choice])
    /// Free input of one kind, followed by one next step.
    case input(InputKind, next: StepID)
    /// Several items to tick (any number, or none), followed by one next step.
    case checklist([ChecklistItem], next: StepID)
  }

  /// The question as shown.
  public var text: String
  /// How the user answers.
  public var answers: Answers
  /// The name the answer is kept under, if any.
  public var save: String?
  /// Whether this asks for one of the playbook's `inputs`: skipped when its value is already known
  /// (the client's name given with `--client`).
  public var isInput = false
  /// Whether Enter alone skips an input question (`optional: true`), saving nothing.
  public var isOptional = false

  /// The answer word of a choice that Enter alone takes.
  public static let skipAnswer = "skip"

  /// Creates a question.
  public init(text: String, answers: Answers, save: String? = nil) {
    self.text = text
    self.answers = answers
    self.save = save
  }

  /// The steps the answers lead to, in the order written.
  public var successors: [StepID] {
    switch answers {
    case .choices(let choices): choices.map(\.next)
    case .input(_, let next), .checklist(_, let next): [next]
    }
  }

  /// How a person reads the journaled `answer`: a choice's label (`No sign of them` for
  /// `not-yet`), a checklist's items by their labels; `nil` where the answer is its own best words.
  public func label(ofAnswer answer: String) -> String? {
    switch answers {
    case .choices(let choices):
      return choices.first { $0.answer == answer }?.label
    case .checklist(let items, _):
      let ticked = answer.split(separator: ",").map { String($0).trimmingWhitespace() }
      let labels = ticked.compactMap { word in items.first { $0.answer == word }?.label }
      return labels.count == ticked.count && !labels.isEmpty ? labels.joined(separator: "; ") : nil
    case .input:
      return nil
    }
  }
}
