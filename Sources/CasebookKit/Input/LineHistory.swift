/// What of an entered line goes into the line-editing history, which outlives every case (`cases
/// delete` cannot reach it): answer words and commands only, never free text such as a note, a
/// name or a text answer.
public enum LineHistory {
  /// What a prompt's answers may leave in the history.
  public enum Keeping: Sendable, Hashable {
    /// The words of choices and checklist items (the prompt's completions) and their numbers.
    case answerWords
    /// A typed value that is not free text: a number, a duration, a date.
    case values
    /// Nothing but commands: the answer is free text.
    case commandsOnly
  }

  /// The commands whose argument is free text: only their name is kept.
  static let freeTextCommands: Set<String> = [":note", ":n"]

  /// The history entry for `line` entered at a prompt that keeps `keeping`, whose completions are
  /// `completions`; `nil` when nothing of it may be kept.
  public static func entry(for line: String, keeping: Keeping, completions: [String]) -> String? {
    let entry = line.trimmingWhitespace()
    guard !entry.isEmpty else { return nil }
    if entry.hasPrefix(":") {
      let name = String(entry.prefix { !$0.isWhitespace }).lowercased()
      return freeTextCommands.contains(name) ? name : entry
    }
    switch keeping {
    case .commandsOnly:
      return nil
    case .values:
      return entry
    case .answerWords:
      let words = Set(completions.map { $0.lowercased() })
      let typed = entry.lowercased().split(whereSeparator: { $0 == " " || $0 == "," })
      let isAnswer = typed.allSatisfy { word in words.contains(String(word)) || Int(word) != nil }
      return isAnswer ? entry : nil
    }
  }
}
