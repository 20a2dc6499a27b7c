/// Judges a practice case against its scenario: the feedback for an answer other than the
/// recommended one, and the score.
public enum PracticeJudge {
  /// The feedback for `answer` at `step` when it is not the scenario's recommended one at a choice;
  /// `nil` when it is, or there is nothing to judge.
  static func feedback(step: StepID, answer: String, scenario: PracticeScenario?, playbook: Playbook) -> String? {
    guard let scenario, let recommended = scenario.answers[step],
      case .ask(let question)? = playbook[step]?.kind, case .choices = question.answers,
      recommended.lowercased() != answer.lowercased()
    else { return nil }
    let feedback = scenario.feedback[step]?[answer] ?? scenario.feedback[step]?["other"]
    return (feedback ?? "That is not the answer this scenario calls for.") + "\nTry again."
  }

  /// Right first time at each judged question on the path; `nil` outside practice.
  public static func score(of state: CaseState, playbook: Playbook) -> (right: Int, total: Int)? {
    guard let scenario = state.scenario else { return nil }
    let missed = Set(state.history.compactMap { if case .attempted(let step, _, _) = $0 { step } else { nil } })
    let judged = state.path.filter { entry in
      guard entry.answer != nil, scenario.answers[entry.step] != nil,
        case .ask(let question)? = playbook[entry.step]?.kind, case .choices = question.answers
      else { return false }
      return true
    }.map(\.step)
    return (judged.filter { !missed.contains($0) }.count, judged.count)
  }

  /// The summary shown when a practice case ends.
  static func summary(of state: CaseState, playbook: Playbook) -> String? {
    guard let scenario = state.scenario, let score = score(of: state, playbook: playbook) else { return nil }
    var lines = ["Practice '\(scenario.name)': right first time \(score.right) of \(score.total)."]
    for entry in state.path where entry.answer != nil {
      guard let recommended = scenario.answers[entry.step] else { continue }
      let tries = state.history.filter { if case .attempted(entry.step, _, _) = $0 { true } else { false } }.count
      let note = tries == 0 ? "" : " (after \(tries) other answer\(tries == 1 ? "" : "s"))"
      lines.append("  [\(entry.step)] \(entry.answer ?? "") — recommended: \(recommended)\(note)")
    }
    return lines.joined(separator: "\n")
  }
}
