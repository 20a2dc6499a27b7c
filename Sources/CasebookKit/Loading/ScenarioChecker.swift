import Foundation

/// Walks each practice scenario through the engine, to prove its answers exist and lead to an end.
enum ScenarioChecker {
  static func check(_ playbook: Playbook) -> [Diagnostic] {
    playbook.scenarios.flatMap { check($0, in: playbook) }
  }

  private static func check(_ scenario: PracticeScenario, in playbook: Playbook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    func report(_ problem: String) {
      diagnostics.append(.badScenario(scenario.name, problem, at: scenario.location))
    }
    for step in scenario.answers.keys.sorted() where playbook[step] == nil {
      report("gives an answer for step \(quoted(step)), which does not exist")
    }
    for (step, answers) in scenario.feedback.sorted(by: { $0.key < $1.key }) {
      guard let found = playbook[step] else {
        report("gives feedback for step \(quoted(step)), which does not exist")
        continue
      }
      if case .ask(let question) = found.kind, case .choices(let choices) = question.answers {
        let words = Set(choices.map { $0.answer.lowercased() } + ["other"])
        for answer in answers.keys.sorted() where !words.contains(answer.lowercased()) {
          report("gives feedback for \(quoted(answer)) at step \(quoted(step)), which is not one of its answers")
        }
      }
    }
    let timers = Set(playbook.steps.compactMap(\.timer))
    for (timer, step) in scenario.expiries.sorted(by: { $0.key < $1.key }) {
      if !timers.contains(timer) { report("lets \(quoted(timer)) run out, but no step starts a timer of that name") }
      if playbook[step] == nil { report("lets \(quoted(timer)) run out at step \(quoted(step)), which does not exist") }
    }
    guard diagnostics.isEmpty else { return diagnostics }

    var header = CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
      client: scenario.values["client"], mode: .practice, started: Date(timeIntervalSince1970: 0))
    header.scenario = scenario.name
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    var effects = engine.handle(.begin, at: header.started)
    // A minute passes between answers; a wait limit runs out only where the scenario says (practice time).
    var now = Date(timeIntervalSince1970: 0)
    var warned: Set<StepID> = []
    for _ in 0..<10_000 {
      now.addTimeInterval(60)
      if engine.state.status == .completed { return diagnostics }
      guard let current = engine.state.current, case .ask(let question)? = playbook[current]?.kind else { break }
      let lacksFeedback = PracticeJudge.judges(current, scenario: scenario, playbook: playbook)
        && scenario.feedback[current]?.isEmpty ?? true
      let answer = question.isInput ? question.save.flatMap { scenario.values[$0] } : scenario.answers[current]
      guard let answer else {
        report("gives no answer at step \(quoted(current))")
        return diagnostics
      }
      effects = engine.handle(.input(answer), at: now)
      if case .reject(let hint)? = effects.first {
        let reason = hint.unicodeScalars.count <= 120 ? ": \(hint)" : ""
        report("its answer \(quoted(answer)) at step \(quoted(current)) is not accepted\(reason)")
        return diagnostics
      }
      if case .persist(.attempted)? = effects.first {
        report("its own answer \(quoted(answer)) at step \(quoted(current)) is judged wrong")
        return diagnostics
      }
      if lacksFeedback, warned.insert(current).inserted {
        var warning = Diagnostic.badScenario(
          scenario.name, "reaches step \(quoted(current)), but gives no feedback for a wrong answer there (say why, as a principle)",
          at: scenario.location)
        warning.severity = .warning
        diagnostics.append(warning)
      }
    }
    report("its answers do not lead to an end")
    return diagnostics
  }
}
