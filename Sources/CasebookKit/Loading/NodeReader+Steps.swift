import Yams

// A step: its kind (`say`, `ask`, `end` or `branch`), its condition and, at an end, the decision,
// the actions and the handover.
extension NodeReader {
  mutating func readStep(_ node: Node) -> Step? {
    guard let fields = fields(of: node, named: "a step", allowed: StepKey.self) else { return nil }
    let stepLocation = location(of: node)
    guard let idText = requiredString(.id, in: fields, context: "a step", at: stepLocation) else {
      return nil
    }
    if let idNode = fields[.id], !StepID.isValid(idText) {
      report(.badID(idText, what: "step id", at: location(of: idNode.value)))
    }
    let id = StepID(idText)
    let detail = optionalString(.detail, in: fields)
    let why = optionalString(.why, in: fields)
    let kinds = [StepKey.say, .ask, .end, .branch].filter { fields[$0] != nil }
    guard let kindKey = kinds.first else {
      report(.missingStepKind(step: id, at: stepLocation))
      return nil
    }
    if kinds.count > 1, let second = fields[kinds[1]] {
      report(.stepKindConflict(step: id, kinds: kinds.map(\.rawValue), at: location(of: second.key)))
    }
    if kindKey == .branch {
      rejectKeys([.choices, .input, .save, .next, .optional], in: fields, kind: "a 'branch' step (each case has its own 'next')")
      guard let branchField = fields[.branch], let cases = readBranch(branchField.value, step: id) else { return nil }
      return Step(id: id, kind: .branch(cases), detail: detail, why: why, location: stepLocation)
    }
    guard let kind = readKind(kindKey, step: id, fields: fields, at: stepLocation) else { return nil }
    var step = Step(
      id: id, kind: kind, detail: detail, why: why, location: stepLocation,
      nextLocation: fields[.next].map { location(of: $0.value) })
    if let draftsField = fields[.drafts] { step.drafts = readDrafts(draftsField.value) }
    step.timer = optionalString(.timer, in: fields)
    step.timerLocation = fields[.timer].map { location(of: $0.value) }
    if let stopField = fields[.stop] {
      step.stopLocation = location(of: stopField.value)
      if case .scalar(let scalar) = stopField.value { step.stops = [scalar.string.trimmingWhitespace()] } else {
        step.stops = stringList(stopField.value, field: "stop")
      }
    }
    if let historyField = fields[.fromHistory] {
      if case .scalar(let scalar) = historyField.value { step.fromHistory = [scalar.string.trimmingWhitespace()] } else {
        step.fromHistory = stringList(historyField.value, field: "from_history")
      }
      step.fromHistoryLocation = location(of: historyField.value)
    }
    if let whenField = fields[.when] {
      if step.successors.count == 1 && !step.isEnd {
        (step.condition, step.conditionLocation) = readCondition(.when, in: fields)
      } else {
        report(.misplacedKey("when", kind: "a step with more than one way out (put 'when' on its choices, or use a branch)", at: location(of: whenField.key)))
      }
    }
    readEnding(of: &step, fields: fields)
    return step
  }

  /// A `say`, `end` or `ask` step's kind, from its text under `kindKey` and what follows it.
  private mutating func readKind(
    _ kindKey: StepKey, step id: StepID, fields: MappingFields<StepKey>, at stepLocation: SourceLocation
  ) -> Step.Kind? {
    guard let text = optionalString(kindKey, in: fields) else { return nil }
    let next = optionalString(.next, in: fields).map { StepID($0) }
    switch kindKey {
    case .say:
      rejectKeys([.choices, .input, .save, .optional], in: fields, kind: "a 'say' step")
      guard let next else {
        report(.missingNext(step: id, at: stepLocation))
        return nil
      }
      return .say(text, next: next)
    case .end:
      rejectKeys([.choices, .input, .save, .optional], in: fields, kind: "an 'end' step")
      if let nextField = fields[.next] {
        report(.endWithNext(step: id, at: location(of: nextField.key)))
      }
      return .end(text)
    default:
      guard let answers = readAnswers(step: id, fields: fields, next: next, at: stepLocation) else {
        return nil
      }
      let save = optionalString(.save, in: fields)
      if let save, let saveNode = fields[.save], !Self.isValidName(save) {
        report(.badSaveName(save, at: location(of: saveNode.value)))
      }
      var question = Question(text: text, answers: answers, save: save)
      if let field = fields[.optional] {
        switch (field.value.scalar?.string, answers) {
        case ("true"?, .input): question.isOptional = true
        case ("false"?, _): break
        case ("true"?, _):
          report(.misplacedKey("optional", kind: "a step without an 'input' (a choice 'skip' is taken by Enter)", at: location(of: field.key)))
        default:
          report(.wrongType("optional", expected: "true or false", found: describe(field.value), at: location(of: field.value)))
        }
      }
      return .ask(question)
    }
  }

  /// An end's handover, decision and actions; reported as misplaced on any other step.
  private mutating func readEnding(of step: inout Step, fields: MappingFields<StepKey>) {
    guard step.isEnd else {
      rejectKeys([.decision, .actions, .handover], in: fields, kind: "a step that is not an 'end'")
      return
    }
    step.handover = optionalString(.handover, in: fields)
    if let handover = step.handover, let field = fields[.handover] {
      if StepID.isValid(handover) {
        handovers.append(PlaybookLoader.Handover(playbook: handover, location: location(of: field.value)))
      } else {
        report(.badID(handover, what: "handover playbook id", at: location(of: field.value)))
      }
    }
    step.decision = optionalString(.decision, in: fields)
    if let actionsField = fields[.actions] { step.actions = readActions(actionsField.value) }
  }

  private mutating func readActions(_ node: Node) -> [PlannedAction] {
    let expected = "a list of actions, each with 'do'"
    guard let sequence = items(of: node, field: "actions", expected: expected) else { return [] }
    return sequence.compactMap { readAction($0) }
  }

  private mutating func readAction(_ node: Node) -> PlannedAction? {
    guard let fields = fields(of: node, named: "an action", allowed: ActionKey.self) else { return nil }
    let actionLocation = location(of: node)
    guard let text = requiredString(.do, in: fields, context: "an action", at: actionLocation) else { return nil }
    var days: Int?
    if let within = optionalString(.within, in: fields) {
      days = PlannedAction.parseDays(within)
      if days == nil, let field = fields[.within] {
        report(.wrongType("within", expected: "a number of days or weeks, such as '3d' or '2w'", found: "'\(within)'", at: location(of: field.value)))
      }
    }
    let from = optionalString(.from, in: fields)
    var action = PlannedAction(text: text, withinDays: days, from: from, location: actionLocation)
    action.fromLocation = fields[.from].map { location(of: $0.value) }
    return action
  }

  private mutating func readBranch(_ node: Node, step: StepID) -> [BranchCase]? {
    guard case .sequence(let sequence) = node, !sequence.isEmpty else {
      report(.wrongType("branch", expected: "a list of cases, each with 'when' and 'next'", found: describe(node), at: location(of: node)))
      return nil
    }
    var cases: [BranchCase] = []
    for (index, caseNode) in sequence.enumerated() {
      guard let fields = fields(of: caseNode, named: "a branch case", allowed: BranchCaseKey.self) else { continue }
      let caseLocation = location(of: caseNode)
      let (condition, conditionLocation) = readCondition(.when, in: fields)
      let source = optionalString(.when, in: fields)
      if fields[.when] == nil && index != sequence.count - 1 {
        report(.misplacedKey("a case without 'when'", kind: "a branch before its last case (it would always be taken)", at: caseLocation))
      }
      guard let next = requiredString(.next, in: fields, context: "a branch case", at: caseLocation) else { continue }
      var branchCase = BranchCase(
        condition: condition, source: source, next: StepID(next), location: caseLocation,
        conditionLocation: conditionLocation)
      branchCase.nextLocation = fields[.next].map { location(of: $0.value) }
      cases.append(branchCase)
    }
    if let last = sequence.last, last.mapping?[BranchCaseKey.when.rawValue] != nil {
      report(.branchWithoutDefault(step: step, at: location(of: last)))
    }
    return cases
  }
}
