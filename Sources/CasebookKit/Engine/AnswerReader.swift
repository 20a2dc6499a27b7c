/// Reads what a person typed as the answer to a question: a choice by its number, word, label or
/// a unique start of its word; checklist items; an input of its kind.
public enum AnswerReader {
  /// What a typed answer is.
  public enum Reading: Sendable, Equatable {
    /// Accepted: the value, and the answer's canonical form (as journaled).
    case accepted(Value, canonical: String)
    /// A date read, but its meaning was inferred (`friday`, `5/12`, `16:00`): the date and its
    /// canonical form, to be confirmed before they are journaled.
    case inferred(CivilDate, canonical: String)
    /// Not an answer here: the hint to show.
    case rejected(String)

    /// The value and canonical form, accepted or inferred.
    public var answer: (value: Value, canonical: String)? {
      switch self {
      case .accepted(let value, let canonical): (value, canonical)
      case .inferred(let date, let canonical): (.date(date), canonical)
      case .rejected: nil
      }
    }
  }

  /// Reads `text` as an answer to `question`, whose choices are all offered.
  ///
  /// - Parameters:
  ///   - text: What the person typed.
  ///   - question: The question.
  ///   - now: The civil date and time of day now, from which dates are read.
  ///   - dates: The reader of dates, with the case's words.
  public static func read(
    _ text: String, for question: Question, now: CivilDate, dates: DateReader = .english
  ) -> Reading {
    switch question.answers {
    case .choices(let choices):
      let accepted = acceptedAnswers(choices)
      if text.isEmpty, choices.contains(where: { $0.answer == Question.skipAnswer }) {
        return .accepted(.text(Question.skipAnswer), canonical: Question.skipAnswer)
      }
      guard !text.isEmpty else { return .rejected("Type an answer: \(accepted).") }
      if let choice = match(text, in: choices) {
        return .accepted(.text(choice.answer), canonical: choice.answer)
      }
      return .rejected("'\(text)' is not an answer here. Type \(accepted).")
    case .checklist(let items, _):
      return readChecklist(text, items: items)
    case .input where text.isEmpty && question.isOptional:
      return .accepted(.text(""), canonical: "")
    case .input(.date, _):
      guard let reading = dates.read(text, now: now) else { return notUnderstood(text, kind: .date) }
      let canonical = reading.date.description
      return reading.isInferred ? .inferred(reading.date, canonical: canonical) : .accepted(.date(reading.date), canonical: canonical)
    case .input(let kind, _):
      guard let value = kind.parse(text, now: now, dates: dates) else { return notUnderstood(text, kind: kind) }
      return .accepted(value, canonical: value.description)
    }
  }

  private static func notUnderstood(_ text: String, kind: InputKind) -> Reading {
    let what = text.isEmpty ? "An answer is needed" : "'\(text)' is not understood"
    return .rejected("\(what): \(kind.hint).")
  }

  private static func readChecklist(_ text: String, items: [ChecklistItem]) -> Reading {
    let words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
    let accepted = "the numbers or words of the items that apply, e.g. 1 3, or none"
    guard !words.isEmpty else { return .rejected("Type \(accepted).") }
    if words.count == 1, words[0].lowercased() == "none" { return .accepted(.items([]), canonical: "none") }
    var ticked: Set<String> = []
    for word in words {
      guard let item = match(word, in: items) else {
        return .rejected("'\(word)' is not an item here. Type \(accepted).")
      }
      ticked.insert(item.answer)
    }
    let ordered = items.map(\.answer).filter { ticked.contains($0) }
    return .accepted(.items(ordered), canonical: Value.items(ordered).description)
  }

  /// The choice `text` names: its number, its word, its label, or a unique start of its word.
  public static func match<Answer: AnswerWord>(_ text: String, in choices: [Answer]) -> Answer? {
    let lowered = text.lowercased()
    if let number = Int(lowered), choices.indices.contains(number - 1) { return choices[number - 1] }
    if let exact = choices.first(where: { $0.answer.lowercased() == lowered }) { return exact }
    if let label = choices.first(where: { $0.label?.lowercased() == lowered }) { return label }
    let starts = choices.filter { $0.answer.lowercased().hasPrefix(lowered) }
    return starts.count == 1 ? starts[0] : nil
  }

  /// `yes, no or later (or 1-3)`.
  static func acceptedAnswers(_ choices: [Choice]) -> String {
    let words = choices.map(\.answer)
    let list =
      words.count <= 2
      ? words.joined(separator: " or ")
      : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    return "\(list) (or 1-\(choices.count))"
  }

  /// The keys that name one choice beyond doubt: its number, when there are at most nine and no
  /// answer starts with a digit, and the first letter of an answer no other answer starts with.
  public static func singleKeys(for choices: [Choice]) -> [Character: String] {
    var keys: [Character: String] = [:]
    let firsts = choices.compactMap { $0.answer.lowercased().first }
    if choices.count <= 9, !firsts.contains(where: \.isNumber) {
      for (index, choice) in choices.enumerated() { keys[Character(String(index + 1))] = choice.answer }
    }
    for choice in choices {
      guard let first = choice.answer.lowercased().first, first.isASCII, first.isLetter,
        firsts.filter({ $0 == first }).count == 1
      else { continue }
      keys[first] = choice.answer
    }
    return keys
  }
}
