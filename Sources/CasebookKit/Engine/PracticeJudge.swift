/// Judges a practice case against its scenario, at every kind of question: a choice (the
/// recommended answer), a checklist (the items that must, may and must not be ticked), a date,
/// duration or number (within the scenario's tolerance), a text (one of the ways the scenario says
/// it may be said). The score is right first time of the questions judged on the path.
public enum PracticeJudge {
  /// What the scenario says of one answer.
  enum Verdict: Equatable {
    /// Right.
    case right
    /// Wrong, with what to tell the trainee.
    case wrong(String)
  }

  /// The feedback for `answer` at `step` when the scenario judges it wrong; `nil` when it is right
  /// or there is nothing to judge.
  /// A relative date in the scenario (`tomorrow`) is read from `now`.
  static func feedback(
    step: StepID, answer: String, scenario: PracticeScenario?, playbook: Playbook, now: CivilDate = .reference, dates: DateReader = .english
  ) -> String? {
    guard let scenario,
      case .wrong(let feedback)? = verdict(step: step, answer: answer, scenario: scenario, playbook: playbook, now: now, dates: dates)
    else { return nil }
    return feedback + "\nTry again."
  }

  /// Whether the scenario judges answers at `step`.
  static func judges(_ step: StepID, scenario: PracticeScenario, playbook: Playbook) -> Bool {
    guard let recommended = scenario.answers[step] else { return false }
    return verdict(step: step, answer: recommended, scenario: scenario, playbook: playbook) != nil
  }

  /// The verdict on `answer` (its canonical form) at `step`; `nil` when the scenario does not judge it.
  static func verdict(
    step: StepID, answer: String, scenario: PracticeScenario, playbook: Playbook, now: CivilDate = .reference, dates: DateReader = .english
  ) -> Verdict? {
    guard let recommended = scenario.answers[step], let found = playbook[step], case .ask(let question) = found.kind else { return nil }
    // A question the scenario passes by skipping it (an optional detail, such as the
    // appointment's time) is there to move on, not to be judged.
    if recommended.isEmpty || recommended.lowercased() == "skip" { return nil }
    let expectation = scenario.expectations[step] ?? .init()
    let written = scenario.feedback[step] ?? [:]
    func said(_ key: String) -> String? { written.first { $0.key.lowercased() == key.lowercased() }?.value }
    let principle = found.why.map { "Why it matters: \($0)" } ?? "Read the situation again: what does it tell you here?"
    switch question.answers {
    case .choices(let choices):
      guard recommended.lowercased() != answer.lowercased() else { return .right }
      let label = choices.first { $0.answer.lowercased() == recommended.lowercased() }?.label ?? recommended
      return .wrong(said(answer) ?? said("other") ?? "Not this one: the situation calls for '\(label)'. \(principle)")
    case .checklist(let items, _):
      let ticked = Set(answer.split { $0 == "," || $0 == " " }.map { $0.lowercased() }).subtracting(["none"])
      let must = Set((expectation.must.isEmpty ? recommended.split { $0 == "," || $0 == " " }.map(String.init) : expectation.must).map { $0.lowercased() })
      let may = Set(expectation.may.map { $0.lowercased() })
      let mustNot = expectation.mustNot.map { Set($0.map { $0.lowercased() }) }
        ?? Set(items.map { $0.answer.lowercased() }).subtracting(must).subtracting(may)
      let missing = items.filter { must.contains($0.answer.lowercased()) && !ticked.contains($0.answer.lowercased()) }
      let wrong = items.filter { mustNot.contains($0.answer.lowercased()) && ticked.contains($0.answer.lowercased()) }
      guard !missing.isEmpty || !wrong.isEmpty else { return .right }
      var lines = (missing + wrong).compactMap { said($0.answer) }
      if lines.isEmpty, let other = said("other") { lines.append(other) }
      if lines.isEmpty {
        if !missing.isEmpty { lines.append("Something fits that you left out: " + missing.map { $0.label ?? $0.answer }.joined(separator: "; ") + ".") }
        if !wrong.isEmpty { lines.append("Something is ticked that does not fit: " + wrong.map { $0.label ?? $0.answer }.joined(separator: "; ") + ".") }
        lines.append(principle)
      }
      return .wrong(lines.joined(separator: "\n"))
    case .input(let kind, _):
      let fallback = said("other") ?? "Not quite: the scenario expects \(recommended)\(expectation.within.map { " (within \($0))" } ?? ""). \(principle)"
      switch kind {
      case .text:
        guard !expectation.said.isEmpty else { return nil }
        return RehearsalListener.says(expectation.said, in: answer) ? .right : .wrong(said("other") ?? "Say what the situation asks for, in a few words. \(principle)")
      case .date:
        guard let expected = CivilDate.parse(recommended, today: now) ?? dates.read(recommended, now: now)?.date,
          let given = CivilDate.parse(answer, today: now)
        else {
          return recommended == answer ? .right : .wrong(fallback)
        }
        return isWithin(given, of: expected, expectation.within) ? .right : .wrong(fallback)
      case .duration:
        guard let expected = InputKind.parseDuration(recommended), let given = InputKind.parseDuration(answer) else { return nil }
        let slack = expectation.within.flatMap(InputKind.parseDuration) ?? 0
        return abs(expected - given) <= slack ? .right : .wrong(fallback)
      case .number:
        guard let expected = Double(recommended), let given = Double(answer) else { return nil }
        return abs(expected - given) <= (expectation.within.flatMap(Double.init) ?? 0) ? .right : .wrong(fallback)
      }
    }
  }

  /// Whether `given` is within `tolerance` (`2d`: days, else a duration) of `expected`.
  private static func isWithin(_ given: CivilDate, of expected: CivilDate, _ tolerance: String?) -> Bool {
    guard let tolerance else { return given == expected || (given.minuteOfDay == nil && sameDay(given, expected)) }
    if tolerance.hasSuffix("d"), let days = Int(tolerance.dropLast()) {
      let day = CivilDate(year: given.year, month: given.month, day: given.day)!
      let start = CivilDate(year: expected.year, month: expected.month, day: expected.day)!
      return start.adding(days: -days) <= day && day <= start.adding(days: days)
    }
    guard let seconds = InputKind.parseDuration(tolerance) else { return given == expected }
    return expected.adding(minutes: -seconds / 60) <= given && given <= expected.adding(minutes: seconds / 60)
  }

  private static func sameDay(_ one: CivilDate, _ other: CivilDate) -> Bool {
    one.year == other.year && one.month == other.month && one.day == other.day
  }

  /// Right first time at each judged question on the path; `nil` outside practice.
  public static func score(of state: CaseState, playbook: Playbook) -> (right: Int, total: Int)? {
    guard let scenario = state.scenario else { return nil }
    let missed = Set(state.history.compactMap { if case .attempted(let step, _, _) = $0 { step } else { nil } })
    let judged = judgedSteps(of: state, scenario: scenario, playbook: playbook)
    return (judged.filter { !missed.contains($0) }.count, judged.count)
  }

  /// The questions answered on the path that the scenario judges, in order.
  private static func judgedSteps(of state: CaseState, scenario: PracticeScenario, playbook: Playbook) -> [StepID] {
    state.path.filter { $0.answer != nil && judges($0.step, scenario: scenario, playbook: playbook) }.map(\.step)
  }

  /// The summary shown when a practice case ends: the score, then each judged question.
  static func summary(of state: CaseState, playbook: Playbook) -> String? {
    guard let scenario = state.scenario, let score = score(of: state, playbook: playbook) else { return nil }
    var lines = ["Practice '\(scenario.name)': right first time \(score.right) of \(score.total)."]
    for step in judgedSteps(of: state, scenario: scenario, playbook: playbook) {
      let answer = state.path.last { $0.step == step }?.answer ?? ""
      let tries = state.history.filter { if case .attempted(step, _, _) = $0 { true } else { false } }.count
      let note = tries == 0 ? "" : " (after \(tries) other answer\(tries == 1 ? "" : "s"))"
      lines.append("  [\(step)] \(answer) — recommended: \(recommendation(at: step, scenario: scenario))\(note)")
    }
    return lines.joined(separator: "\n")
  }

  /// The recommended answer at `step` as the summary writes it.
  private static func recommendation(at step: StepID, scenario: PracticeScenario) -> String {
    let answer = scenario.answers[step] ?? ""
    guard let expectation = scenario.expectations[step] else { return answer }
    if !expectation.must.isEmpty || !expectation.may.isEmpty {
      let may = expectation.may.isEmpty ? "" : "; may: " + expectation.may.joined(separator: ", ")
      return "tick " + (expectation.must.isEmpty ? "none" : expectation.must.joined(separator: ", ")) + may
    }
    return answer + (expectation.within.map { " (within \($0))" } ?? "")
  }
}
