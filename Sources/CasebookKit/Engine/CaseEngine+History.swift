public import Foundation

/// Where the client's history is read from, for a new case: looked up once, when the case's first
/// answer is journaled, and kept in its header from then on.
public struct ClientHistoryBook: Sendable {
  private let lookUp: @Sendable (_ client: String, _ before: Date) -> ClientHistory

  /// A book that answers with `lookUp`: the client's earlier cases (practice and rehearsals left
  /// out) begun before the given time.
  public init(lookUp: @escaping @Sendable (_ client: String, _ before: Date) -> ClientHistory) {
    self.lookUp = lookUp
  }

  /// The client's earlier cases begun before `date`.
  public func history(of client: String, before date: Date) -> ClientHistory { lookUp(client, date) }
}

/// An answer the client's history gives a question (its step's `from_history`).
public struct HistoryAnswer: Sendable, Hashable {
  /// The canonical answer, as if typed.
  public var answer: String
  /// What Casebook found, as a person reads it.
  public var found: String
}

extension Playbook {
  /// Whether some step reads the client's history (`from_history`, or a `history.` name in a
  /// condition).
  public var readsHistory: Bool {
    steps.contains { step in
      guard step.fromHistory.isEmpty else { return true }
      var conditions = [step.condition].compactMap { $0 }
      if case .branch(let cases) = step.kind { conditions += cases.compactMap(\.condition) }
      if case .ask(let question) = step.kind, case .choices(let choices) = question.answers {
        conditions += choices.compactMap(\.condition)
      }
      return conditions.contains { $0.operands.contains { if case .name(let name, _) = $0 { HistoryName(name) != nil } else { false } } }
    }
  }
}

extension CaseState {
  /// The answer the client's history gives the question at `step`, if the step reads it and the
  /// case has a history.
  public func historyAnswer(at step: Step) -> HistoryAnswer? {
    guard let history = header.history, !step.fromHistory.isEmpty, case .ask(let question) = step.kind else { return nil }
    let names = step.fromHistory.compactMap(HistoryName.init)
    guard names.count == step.fromHistory.count else { return nil }
    let calendar = Self.historyCalendar
    let now = header.started
    var matching: [ClientHistory.PastCase] = []
    for name in names {
      let found: [ClientHistory.PastCase]
      switch name {
      case .count(let playbook, let days): found = history.cases(of: playbook.map { [$0] }, within: days, before: now)
      case .last(let playbook): found = history.cases(of: playbook.map { [$0] }, within: nil, before: now).suffix(1)
      }
      for past in found where !matching.contains(past) { matching.append(past) }
    }
    matching.sort { $0.started < $1.started }
    let playbooks = names.map { $0.playbook ?? "case" }
    let found = history.found(matching, playbooks: playbooks, now: now, calendar: calendar)
    let answer: String
    switch question.answers {
    case .choices(let choices):
      let word = matching.isEmpty ? "no" : "yes"
      guard choices.contains(where: { $0.answer == word }) else { return nil }
      answer = word
    case .input(.number, _):
      answer = String(matching.count)
    case .input(.date, _):
      guard let latest = matching.last else { return nil }
      answer = CivilDate(latest.started, in: calendar).description
    case .input, .checklist:
      return nil
    }
    return HistoryAnswer(answer: answer, found: found)
  }
}
