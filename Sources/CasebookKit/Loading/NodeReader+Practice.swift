import Yams

// The playbook's `practice` scenarios: a simulated client's situation, values and answers.
extension NodeReader {
  mutating func readScenarios(_ node: Node) -> [PracticeScenario] {
    guard let sequence = items(of: node, field: "practice", expected: "a list of scenarios") else { return [] }
    return sequence.compactMap { readScenario($0) }
  }

  private mutating func readScenario(_ node: Node) -> PracticeScenario? {
    guard let fields = fields(of: node, named: "a practice scenario", allowed: ScenarioKey.self) else { return nil }
    let at = location(of: node)
    guard let name = requiredString(.name, in: fields, context: "a practice scenario", at: at),
      let situation = requiredString(.situation, in: fields, context: "a practice scenario", at: at)
    else { return nil }
    let values = fields[.values].map { stringMap($0.value, field: "values") } ?? [:]
    let (answers, expectations) = fields[.answers].map { readAnswers($0.value) } ?? ([:], [:])
    let feedback = fields[.feedback].map { readFeedback($0.value) } ?? [:]
    if fields[.answers] == nil { report(.missingKey("answers", in: "practice scenario \(name.debugDescription)", at: at)) }
    var scenario = PracticeScenario(
      name: name, situation: situation, values: values,
      answers: Dictionary(answers.map { (StepID($0.key), $0.value) }, uniquingKeysWith: { first, _ in first }),
      feedback: feedback, location: at)
    scenario.expectations = expectations
    if let field = fields[.expire] { scenario.expiries = stringMap(field.value, field: "expire").mapValues { StepID($0) } }
    return scenario
  }

  /// A scenario's `answers`: by step id, the answer, or a mapping with the answer and what else
  /// counts (`must`, `may`, `not` at a checklist; `within` at a date, duration or number; `said` at
  /// a text).
  private mutating func readAnswers(_ node: Node) -> ([String: String], [StepID: PracticeScenario.Expectation]) {
    guard case .mapping(let mapping) = node else {
      report(.wrongType("answers", expected: "a mapping of step ids to answers", found: describe(node), at: location(of: node)))
      return ([:], [:])
    }
    var answers: [String: String] = [:]
    var expectations: [StepID: PracticeScenario.Expectation] = [:]
    for (key, value) in mapping {
      guard let step = key.scalar?.string else { continue }
      if case .scalar(let scalar) = value {
        answers[step] = scalar.string.trimmingWhitespace()
        continue
      }
      guard let fields = fields(of: value, named: "an answer", allowed: AnswerKey.self) else { continue }
      var expectation = PracticeScenario.Expectation()
      expectation.must = fields[.must].map { stringList($0.value, field: "must") } ?? []
      expectation.may = fields[.may].map { stringList($0.value, field: "may") } ?? []
      expectation.mustNot = fields[.not].map { stringList($0.value, field: "not") }
      expectation.within = optionalString(.within, in: fields)
      expectation.said = fields[.said].map { stringList($0.value, field: "said") } ?? []
      let answer = optionalString(.answer, in: fields) ?? (expectation.must.isEmpty ? nil : expectation.must.joined(separator: " "))
      guard let answer else {
        report(.missingKey("answer", in: "the answer at step \(step.debugDescription)", at: location(of: value)))
        continue
      }
      answers[step] = answer
      expectations[StepID(step)] = expectation
    }
    return (answers, expectations)
  }

  /// A scenario's `feedback`: by step id, by answer, the text to show.
  private mutating func readFeedback(_ node: Node) -> [StepID: [String: String]] {
    guard case .mapping(let mapping) = node else {
      report(.wrongType("feedback", expected: "a mapping of step ids to answers and their feedback", found: describe(node), at: location(of: node)))
      return [:]
    }
    var feedback: [StepID: [String: String]] = [:]
    for (key, value) in mapping {
      guard let step = key.scalar?.string else { continue }
      feedback[StepID(step)] = stringMap(value, field: "feedback")
    }
    return feedback
  }
}
