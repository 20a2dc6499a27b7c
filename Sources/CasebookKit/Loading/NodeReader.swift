import Yams

/// Reads the shape of a composed YAML document into model values, collecting every problem it
/// finds instead of stopping at the first.
struct NodeReader {
  static let playbookKeys = ["id", "title", "summary", "start", "inputs", "steps", "rehearsal", "practice", "translations"]
  static let translationKeys = ["title", "summary", "steps", "inputs"]
  static let stepTextKeys = ["say", "ask", "end", "detail", "why", "decision", "labels", "drafts"]
  static let rehearsalKeys = ["prepare", "points", "replies"]
  static let preparationKeys = ["step", "label"]
  static let replyKeys = ["client", "mood", "suggest"]
  static let scenarioKeys = ["name", "situation", "values", "answers", "feedback", "expire"]
  static let inputKeys = ["name", "ask", "input", "why"]
  static let stepKeys = ["id", "say", "ask", "end", "branch", "next", "choices", "input", "save", "detail", "why", "drafts", "decision", "actions", "checklist", "timer", "handover", "when"]
  static let draftKeys = ["kind", "subject", "text"]
  static let actionKeys = ["do", "within", "from"]
  static let choiceKeys = ["answer", "label", "next", "when"]
  static let itemKeys = ["item", "label"]
  static let branchKeys = ["when", "next"]

  let file: String
  private(set) var diagnostics: [Diagnostic] = []
  /// Reads an included file: its composed root and text, or a diagnostic saying why not.
  var includeReader: (_ path: String, _ at: SourceLocation) -> Result<(root: Node, source: String), Diagnostic> = { _, at in
    .failure(.unreadableFile("includes are not available here", at: at))
  }
  /// The files being included, outermost first, to stop a cycle.
  var includeStack: [String] = []
  /// The text of every included file, by path, for showing source lines.
  private(set) var includedSources: [String: String] = [:]
  static let partKeys = ["part", "steps"]
  /// The identifiers of steps that could not be read, so that links to them are not reported too.
  private(set) var unreadableStepIDs: Set<StepID> = []

  init(file: String) { self.file = file }

  // MARK: - Playbook

  mutating func readPlaybook(_ root: Node, contentHash: String) -> Playbook? {
    guard let fields = fields(of: root, named: "the playbook", allowed: Self.playbookKeys) else {
      return nil
    }
    let rootLocation = location(of: root)
    let id = requiredString("id", in: fields, context: "the playbook", at: rootLocation)
    if let id, let node = fields["id"], !StepID.isValid(id) {
      report(.badID(id, what: "playbook id", at: location(of: node.value)))
    }
    let title = requiredString("title", in: fields, context: "the playbook", at: rootLocation)
    let summary = optionalString("summary", in: fields)
    let start = requiredString("start", in: fields, context: "the playbook", at: rootLocation)
    var steps: [Step] = []
    var hasStepList = false
    if let stepsNode = fields["steps"]?.value {
      if case .sequence(let sequence) = stepsNode {
        hasStepList = true
        if sequence.isEmpty {
          report(.emptyText(field: "steps", at: location(of: stepsNode)))
        }
        steps = readSteps(sequence)
      } else {
        report(.wrongType("steps", expected: "a list of steps", found: describe(stepsNode), at: location(of: stepsNode)))
      }
    } else {
      report(.missingKey("steps", in: "the playbook", at: rootLocation))
    }
    guard let id, let title, let start, hasStepList else { return nil }
    var first = StepID(start)
    var names: [String] = []
    if let inputsField = fields["inputs"] {
      let inputSteps = readInputs(inputsField.value, leadingTo: first)
      steps = inputSteps + steps
      first = inputSteps.first?.id ?? first
      names = inputSteps.compactMap { if case .ask(let question) = $0.kind { question.save } else { nil } }
    }
    var playbook = Playbook(
      id: id, title: title, summary: summary, start: first, steps: steps, file: file, contentHash: contentHash)
    playbook.inputs = names
    if let field = fields["rehearsal"] { playbook.rehearsal = readRehearsal(field.value) }
    if let field = fields["practice"] { playbook.scenarios = readScenarios(field.value) }
    if let field = fields["translations"] { playbook.translations = readTranslations(field.value) }
    return playbook
  }

  // MARK: - Steps

  /// The steps of a list, with each `- include: FILE` replaced by that file's steps.
  private mutating func readSteps(_ sequence: Node.Sequence) -> [Step] {
    var steps: [Step] = []
    for node in sequence {
      if let includeNode = node.mapping?["include"] {
        steps += readInclude(node, includeNode)
      } else if let step = readStep(node) {
        steps.append(step)
      } else if let id = node.mapping?["id"]?.scalar?.string {
        unreadableStepIDs.insert(StepID(id))
      }
    }
    return steps
  }

  private mutating func readInclude(_ node: Node, _ includeNode: Node) -> [Step] {
    let at = location(of: includeNode)
    guard node.mapping?.count == 1, let relative = includeNode.scalar?.string, !relative.isEmpty else {
      report(.wrongType("include", expected: "only the path of a part file, such as 'parts/reschedule.yaml'", found: describe(includeNode), at: at))
      return []
    }
    let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
    let path = relative.hasPrefix("/") ? relative : "\(folder)/\(relative)"
    guard !includeStack.contains(path), includeStack.count < 8 else {
      report(.includeCycle(relative, at: at))
      return []
    }
    switch includeReader(path, at) {
    case .failure(let diagnostic):
      report(diagnostic)
      return []
    case .success(let included):
      var reader = NodeReader(file: path)
      reader.includeReader = includeReader
      reader.includeStack = includeStack + [file]
      let steps = reader.readPart(included.root)
      diagnostics += reader.diagnostics
      unreadableStepIDs.formUnion(reader.unreadableStepIDs)
      includedSources[path] = included.source
      includedSources.merge(reader.includedSources) { first, _ in first }
      return steps
    }
  }

  /// A part file: `part:` (its name) and `steps:`, to be included in playbooks.
  private mutating func readPart(_ root: Node) -> [Step] {
    guard let fields = fields(of: root, named: "a part file", allowed: Self.partKeys) else { return [] }
    guard let stepsField = fields["steps"], case .sequence(let sequence) = stepsField.value else {
      report(.missingKey("steps", in: "a part file", at: location(of: root)))
      return []
    }
    return readSteps(sequence)
  }

  private mutating func readStep(_ node: Node) -> Step? {
    guard let fields = fields(of: node, named: "a step", allowed: Self.stepKeys) else { return nil }
    let stepLocation = location(of: node)
    guard let idText = requiredString("id", in: fields, context: "a step", at: stepLocation) else {
      return nil
    }
    if let idNode = fields["id"], !StepID.isValid(idText) {
      report(.badID(idText, what: "step id", at: location(of: idNode.value)))
    }
    let id = StepID(idText)
    let detail = optionalString("detail", in: fields)
    let why = optionalString("why", in: fields)
    let kinds = ["say", "ask", "end", "branch"].filter { fields[$0] != nil }
    guard let kindKey = kinds.first else {
      report(.missingStepKind(step: id, at: stepLocation))
      return nil
    }
    if kinds.count > 1, let second = fields[kinds[1]] {
      report(.stepKindConflict(step: id, kinds: kinds, at: location(of: second.key)))
    }
    if kindKey == "branch" {
      rejectKeys(["choices", "input", "save", "next"], in: fields, kind: "a 'branch' step (each case has its own 'next')")
      guard let branchField = fields["branch"], let cases = readBranch(branchField.value, step: id) else { return nil }
      return Step(id: id, kind: .branch(cases), detail: detail, why: why, location: stepLocation)
    }
    guard let text = optionalString(kindKey, in: fields) else { return nil }
    let next = optionalString("next", in: fields).map { StepID($0) }

    let kind: Step.Kind
    switch kindKey {
    case "say":
      rejectKeys(["choices", "input", "save"], in: fields, kind: "a 'say' step")
      guard let next else {
        report(.missingNext(step: id, at: stepLocation))
        return nil
      }
      kind = .say(text, next: next)
    case "end":
      rejectKeys(["choices", "input", "save"], in: fields, kind: "an 'end' step")
      if let nextField = fields["next"] {
        report(.endWithNext(step: id, at: location(of: nextField.key)))
      }
      kind = .end(text)
    default:
      guard let answers = readAnswers(step: id, fields: fields, next: next, at: stepLocation) else {
        return nil
      }
      let save = optionalString("save", in: fields)
      if let save, let saveNode = fields["save"], !Self.isValidName(save) {
        report(.badSaveName(save, at: location(of: saveNode.value)))
      }
      kind = .ask(Question(text: text, answers: answers, save: save))
    }
    var step = Step(
      id: id, kind: kind, detail: detail, why: why, location: stepLocation,
      nextLocation: fields["next"].map { location(of: $0.value) })
    if let draftsField = fields["drafts"] { step.drafts = readDrafts(draftsField.value) }
    step.timer = optionalString("timer", in: fields)
    if let whenField = fields["when"] {
      if step.successors.count == 1 && !step.isEnd {
        (step.condition, step.conditionLocation) = readCondition(fields)
      } else {
        report(.misplacedKey("when", kind: "a step with more than one way out (put 'when' on its choices, or use a branch)", at: location(of: whenField.key)))
      }
    }
    if step.isEnd {
      step.handover = optionalString("handover", in: fields)
      if let handover = step.handover, let field = fields["handover"], !StepID.isValid(handover) {
        report(.badID(handover, what: "handover playbook id", at: location(of: field.value)))
      }
      step.decision = optionalString("decision", in: fields)
      if let actionsField = fields["actions"] { step.actions = readActions(actionsField.value) }
    } else {
      rejectKeys(["decision", "actions", "handover"], in: fields, kind: "a step that is not an 'end'")
    }
    return step
  }

  private mutating func readAnswers(
    step: StepID, fields: MappingFields, next: StepID?, at stepLocation: SourceLocation
  ) -> Question.Answers? {
    if let checklistField = fields["checklist"] {
      if fields["choices"] != nil || fields["input"] != nil {
        report(.askWithBothAnswers(step: step, at: location(of: checklistField.key)))
        return nil
      }
      guard case .sequence(let sequence) = checklistField.value, sequence.count >= 2 else {
        report(.wrongType("checklist", expected: "a list of at least two items, each with 'item'", found: describe(checklistField.value), at: location(of: checklistField.value)))
        return nil
      }
      var items: [ChecklistItem] = []
      var seen: Set<String> = ["none"]
      for node in sequence {
        guard let itemFields = self.fields(of: node, named: "a checklist item", allowed: Self.itemKeys),
          let word = requiredString("item", in: itemFields, context: "a checklist item", at: location(of: node))
        else { continue }
        let itemLocation = location(of: itemFields["item"]?.value ?? node)
        if !Self.isTypeableAnswer(word) { report(.badAnswer(word, at: itemLocation)) }
        if !seen.insert(word.lowercased()).inserted { report(.duplicateAnswer(word, step: step, at: itemLocation)) }
        items.append(ChecklistItem(answer: word, label: optionalString("label", in: itemFields), location: itemLocation))
      }
      guard let next else {
        report(.missingNext(step: step, at: stepLocation))
        return nil
      }
      return .checklist(items, next: next)
    }
    switch (fields["choices"], fields["input"]) {
    case (nil, nil):
      report(.askWithoutAnswers(step: step, at: stepLocation))
      return nil
    case (.some, .some(let input)):
      report(.askWithBothAnswers(step: step, at: location(of: input.key)))
      return nil
    case (.some(let choicesField), nil):
      if let nextField = fields["next"] {
        report(.misplacedKey("next", kind: "an ask with 'choices' (each choice has its own 'next')", at: location(of: nextField.key)))
      }
      guard case .sequence(let sequence) = choicesField.value else {
        report(.wrongType("choices", expected: "a list of answers", found: describe(choicesField.value), at: location(of: choicesField.value)))
        return nil
      }
      var choices: [Choice] = []
      var seen: Set<String> = []
      for node in sequence {
        guard let choice = readChoice(node) else { continue }
        if !seen.insert(choice.answer.lowercased()).inserted {
          report(.duplicateAnswer(choice.answer, step: step, at: choice.location))
        }
        choices.append(choice)
      }
      if sequence.count == 1 {
        report(.singleChoice(step: step, at: location(of: choicesField.value)))
      }
      return .choices(choices)
    case (nil, .some(let inputField)):
      guard let kindText = optionalString("input", in: fields) else { return nil }
      guard let kind = InputKind(rawValue: kindText) else {
        report(.badInputKind(kindText, at: location(of: inputField.value)))
        return nil
      }
      guard let next else {
        report(.missingNext(step: step, at: stepLocation))
        return nil
      }
      return .input(kind, next: next)
    }
  }

  private mutating func readChoice(_ node: Node) -> Choice? {
    guard let fields = fields(of: node, named: "a choice", allowed: Self.choiceKeys) else { return nil }
    let choiceLocation = location(of: node)
    let answer = requiredString("answer", in: fields, context: "a choice", at: choiceLocation)
    let label = optionalString("label", in: fields)
    let next = requiredString("next", in: fields, context: "a choice", at: choiceLocation)
    if let answer, let answerNode = fields["answer"], !Self.isTypeableAnswer(answer) {
      report(.badAnswer(answer, at: location(of: answerNode.value)))
    }
    let (condition, conditionLocation) = readCondition(fields)
    guard let answer, let next else { return nil }
    return Choice(
      answer: answer, label: label, next: StepID(next), location: location(of: fields["answer"]?.value ?? node),
      condition: condition, conditionLocation: conditionLocation)
  }

  private mutating func readTranslations(_ node: Node) -> [String: PlaybookTranslation] {
    guard case .mapping(let mapping) = node else {
      report(.wrongType("translations", expected: "a mapping of language codes (such as 'pl') to texts", found: describe(node), at: location(of: node)))
      return [:]
    }
    var result: [String: PlaybookTranslation] = [:]
    for (key, value) in mapping {
      guard let language = key.scalar?.string, language.count >= 2, language.count <= 8,
        language.allSatisfy({ $0.isLetter && $0.isLowercase || $0 == "-" })
      else {
        report(.badID(key.scalar?.string ?? "", what: "language code", at: location(of: key)))
        continue
      }
      guard let fields = fields(of: value, named: "the '\(language)' translation", allowed: Self.translationKeys) else { continue }
      var translation = PlaybookTranslation(location: location(of: key))
      translation.title = optionalString("title", in: fields)
      translation.summary = optionalString("summary", in: fields)
      if let inputsField = fields["inputs"] { translation.inputs = stringMap(inputsField.value, field: "inputs") }
      if let stepsField = fields["steps"] {
        guard case .mapping(let steps) = stepsField.value else {
          report(.wrongType("steps", expected: "a mapping of step ids to their texts", found: describe(stepsField.value), at: location(of: stepsField.value)))
          continue
        }
        for (stepKey, stepNode) in steps {
          guard let id = stepKey.scalar?.string,
            let texts = self.fields(of: stepNode, named: "the texts of step '\(id)'", allowed: Self.stepTextKeys)
          else { continue }
          var stepText = PlaybookTranslation.StepText()
          stepText.text = optionalString("say", in: texts) ?? optionalString("ask", in: texts) ?? optionalString("end", in: texts)
          stepText.detail = optionalString("detail", in: texts)
          stepText.why = optionalString("why", in: texts)
          stepText.decision = optionalString("decision", in: texts)
          if let labels = texts["labels"] { stepText.labels = stringMap(labels.value, field: "labels") }
          if let drafts = texts["drafts"], case .sequence(let sequence) = drafts.value {
            stepText.drafts = sequence.map { ($0.mapping?["subject"]?.scalar?.string, $0.mapping?["text"]?.scalar?.string) }
          }
          translation.steps[StepID(id)] = stepText
        }
      }
      result[language] = translation
    }
    return result
  }

  private mutating func readRehearsal(_ node: Node) -> RehearsalMaterial? {
    guard let fields = fields(of: node, named: "rehearsal", allowed: Self.rehearsalKeys) else { return nil }
    let prepare = fields["prepare"].map { readPreparations($0.value) } ?? []
    let points = fields["points"].map { stringList($0.value, field: "points") } ?? []
    var replies: [RehearsalMaterial.Reply] = []
    if let repliesField = fields["replies"] {
      guard case .sequence(let sequence) = repliesField.value else {
        report(.wrongType("replies", expected: "a list of replies, each with 'client' and 'suggest'", found: describe(repliesField.value), at: location(of: repliesField.value)))
        return RehearsalMaterial(prepare: prepare, points: points, replies: [])
      }
      for replyNode in sequence {
        guard let reply = self.fields(of: replyNode, named: "a reply", allowed: Self.replyKeys) else { continue }
        let at = location(of: replyNode)
        guard let client = requiredString("client", in: reply, context: "a reply", at: at),
          let suggest = requiredString("suggest", in: reply, context: "a reply", at: at)
        else { continue }
        replies.append(.init(client: client, mood: optionalString("mood", in: reply), suggest: suggest))
      }
    }
    return RehearsalMaterial(prepare: prepare, points: points, replies: replies)
  }

  /// `prepare`: step ids, each alone or as `{step: ID, label: TEXT}`.
  private mutating func readPreparations(_ node: Node) -> [RehearsalMaterial.Preparation] {
    let expected = "a list of step ids, each alone or with a label ({step: reason, label: The reason})"
    guard case .sequence(let sequence) = node else {
      report(.wrongType("prepare", expected: expected, found: describe(node), at: location(of: node)))
      return []
    }
    return sequence.compactMap { item in
      let at = location(of: item)
      if case .scalar(let scalar) = item, !scalar.string.trimmingWhitespace().isEmpty {
        return .init(step: StepID(scalar.string.trimmingWhitespace()), location: at)
      }
      guard case .mapping = item else {
        report(.wrongType("prepare", expected: expected, found: describe(item), at: at))
        return nil
      }
      guard let fields = fields(of: item, named: "a preparation", allowed: Self.preparationKeys),
        let step = requiredString("step", in: fields, context: "a preparation", at: at)
      else { return nil }
      return .init(step: StepID(step), label: optionalString("label", in: fields), location: at)
    }
  }

  private mutating func readScenarios(_ node: Node) -> [PracticeScenario] {
    guard case .sequence(let sequence) = node else {
      report(.wrongType("practice", expected: "a list of scenarios", found: describe(node), at: location(of: node)))
      return []
    }
    var scenarios: [PracticeScenario] = []
    for scenarioNode in sequence {
      guard let fields = fields(of: scenarioNode, named: "a practice scenario", allowed: Self.scenarioKeys) else { continue }
      let at = location(of: scenarioNode)
      guard let name = requiredString("name", in: fields, context: "a practice scenario", at: at),
        let situation = requiredString("situation", in: fields, context: "a practice scenario", at: at)
      else { continue }
      let values = fields["values"].map { stringMap($0.value, field: "values") } ?? [:]
      let answers = fields["answers"].map { stringMap($0.value, field: "answers") } ?? [:]
      var feedback: [StepID: [String: String]] = [:]
      if let feedbackField = fields["feedback"] {
        if case .mapping(let mapping) = feedbackField.value {
          for (key, value) in mapping {
            guard let step = key.scalar?.string else { continue }
            feedback[StepID(step)] = stringMap(value, field: "feedback")
          }
        } else {
          report(.wrongType("feedback", expected: "a mapping of step ids to answers and their feedback", found: describe(feedbackField.value), at: location(of: feedbackField.value)))
        }
      }
      if fields["answers"] == nil { report(.missingKey("answers", in: "practice scenario \(name.debugDescription)", at: at)) }
      var scenario = PracticeScenario(
        name: name, situation: situation, values: values,
        answers: Dictionary(answers.map { (StepID($0.key), $0.value) }, uniquingKeysWith: { first, _ in first }),
        feedback: feedback, location: at)
      if let field = fields["expire"] { scenario.expiries = stringMap(field.value, field: "expire").mapValues { StepID($0) } }
      scenarios.append(scenario)
    }
    return scenarios
  }

  private mutating func stringList(_ node: Node, field: String) -> [String] {
    guard case .sequence(let sequence) = node else {
      report(.wrongType(field, expected: "a list of texts", found: describe(node), at: location(of: node)))
      return []
    }
    return sequence.compactMap { item in
      guard case .scalar(let scalar) = item, !scalar.string.trimmingWhitespace().isEmpty else {
        report(.wrongType(field, expected: "a list of texts", found: describe(item), at: location(of: item)))
        return nil
      }
      return scalar.string.trimmingWhitespace()
    }
  }

  private mutating func stringMap(_ node: Node, field: String) -> [String: String] {
    guard case .mapping(let mapping) = node else {
      report(.wrongType(field, expected: "a mapping of names to texts", found: describe(node), at: location(of: node)))
      return [:]
    }
    var result: [String: String] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string, case .scalar(let scalar) = value else {
        report(.wrongType(field, expected: "a mapping of names to texts", found: describe(value), at: location(of: value)))
        continue
      }
      result[name] = scalar.string.trimmingWhitespace()
    }
    return result
  }

  /// The inputs as questions asked before the first step, each leading to the next.
  private mutating func readInputs(_ node: Node, leadingTo start: StepID) -> [Step] {
    guard case .sequence(let sequence) = node else {
      report(.wrongType("inputs", expected: "a list of inputs, each with 'name', 'ask' and 'input'", found: describe(node), at: location(of: node)))
      return []
    }
    var read: [(name: String, text: String, kind: InputKind, why: String?, location: SourceLocation)] = []
    for inputNode in sequence {
      guard let fields = fields(of: inputNode, named: "an input", allowed: Self.inputKeys) else { continue }
      let inputLocation = location(of: inputNode)
      let name = requiredString("name", in: fields, context: "an input", at: inputLocation)
      let text = requiredString("ask", in: fields, context: "an input", at: inputLocation)
      let kindText = requiredString("input", in: fields, context: "an input", at: inputLocation)
      if let name, let field = fields["name"], !Self.isValidName(name) {
        report(.badSaveName(name, at: location(of: field.value)))
        continue
      }
      guard let name, let text, let kindText else { continue }
      guard let kind = InputKind(rawValue: kindText) else {
        report(.badInputKind(kindText, at: location(of: fields["input"]?.value ?? inputNode)))
        continue
      }
      read.append((name, text, kind, optionalString("why", in: fields), inputLocation))
    }
    return read.enumerated().map { index, input in
      let next = index + 1 < read.count ? Self.inputStepID(read[index + 1].name) : start
      var question = Question(text: input.text, answers: .input(input.kind, next: next), save: input.name)
      question.isInput = true
      return Step(id: Self.inputStepID(input.name), kind: .ask(question), why: input.why, location: input.location)
    }
  }

  /// The step that asks for input `name`: `input-` and the name with dashes.
  static func inputStepID(_ name: String) -> StepID {
    StepID("input-" + String(name.map { $0 == "_" ? "-" : $0 }))
  }

  private mutating func readActions(_ node: Node) -> [PlannedAction] {
    guard case .sequence(let sequence) = node else {
      report(.wrongType("actions", expected: "a list of actions, each with 'do'", found: describe(node), at: location(of: node)))
      return []
    }
    var actions: [PlannedAction] = []
    for actionNode in sequence {
      guard let fields = fields(of: actionNode, named: "an action", allowed: Self.actionKeys) else { continue }
      let actionLocation = location(of: actionNode)
      guard let text = requiredString("do", in: fields, context: "an action", at: actionLocation) else { continue }
      var days: Int?
      if let within = optionalString("within", in: fields) {
        days = PlannedAction.parseDays(within)
        if days == nil, let field = fields["within"] {
          report(.wrongType("within", expected: "a number of days or weeks, such as '3d' or '2w'", found: "'\(within)'", at: location(of: field.value)))
        }
      }
      let from = optionalString("from", in: fields)
      actions.append(PlannedAction(text: text, withinDays: days, from: from, location: actionLocation))
    }
    return actions
  }

  private mutating func readDrafts(_ node: Node) -> [Draft] {
    guard case .sequence(let sequence) = node else {
      report(.wrongType("drafts", expected: "a list of drafts, each with 'kind' and 'text'", found: describe(node), at: location(of: node)))
      return []
    }
    var drafts: [Draft] = []
    for draftNode in sequence {
      guard let fields = fields(of: draftNode, named: "a draft", allowed: Self.draftKeys) else { continue }
      let draftLocation = location(of: draftNode)
      let kindText = requiredString("kind", in: fields, context: "a draft", at: draftLocation)
      let subject = optionalString("subject", in: fields)
      guard let textField = fields["text"], case .scalar(let scalar) = textField.value, !scalar.string.isEmpty else {
        report(.missingKey("text", in: "a draft", at: draftLocation))
        continue
      }
      var start = location(of: textField.value)
      // A block scalar (`|` or `>`) begins on the line after its indicator.
      if scalar.style == .literal || scalar.style == .folded {
        start.line += 1
        start.column = (location(of: textField.key).column) + 2
      } else if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
        start.column += 1
      }
      guard let kindText else { continue }
      guard let kind = Draft.Kind(rawValue: kindText) else {
        report(.wrongType("kind", expected: Draft.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "), found: "'\(kindText)'", at: location(of: fields["kind"]?.value ?? draftNode)))
        continue
      }
      var readable = true
      for template in [subject, scalar.string].compactMap({ $0 }) {
        if let failure = DraftRenderer.validate(template) {
          report(.templateSyntax(failure.message, at: Self.offset(start, line: failure.line, column: failure.column)))
          readable = false
        }
      }
      guard readable else { continue }
      drafts.append(Draft(kind: kind, subject: subject, template: scalar.string, location: start))
    }
    return drafts
  }

  private mutating func readBranch(_ node: Node, step: StepID) -> [BranchCase]? {
    guard case .sequence(let sequence) = node, !sequence.isEmpty else {
      report(.wrongType("branch", expected: "a list of cases, each with 'when' and 'next'", found: describe(node), at: location(of: node)))
      return nil
    }
    var cases: [BranchCase] = []
    for (index, caseNode) in sequence.enumerated() {
      guard let fields = fields(of: caseNode, named: "a branch case", allowed: Self.branchKeys) else { continue }
      let caseLocation = location(of: caseNode)
      let (condition, conditionLocation) = readCondition(fields)
      let source = optionalString("when", in: fields)
      if fields["when"] == nil && index != sequence.count - 1 {
        report(.misplacedKey("a case without 'when'", kind: "a branch before its last case (it would always be taken)", at: caseLocation))
      }
      guard let next = requiredString("next", in: fields, context: "a branch case", at: caseLocation) else { continue }
      cases.append(BranchCase(
        condition: condition, source: source, next: StepID(next), location: caseLocation,
        conditionLocation: conditionLocation))
    }
    if let last = sequence.last, last.mapping?["when"] != nil {
      report(.branchWithoutDefault(step: step, at: location(of: last)))
    }
    return cases
  }

  /// The condition under `when`, parsed, and where its text begins.
  private mutating func readCondition(_ fields: MappingFields) -> (Condition?, SourceLocation?) {
    guard let field = fields["when"], let text = optionalString("when", in: fields),
      case .scalar(let scalar) = field.value
    else { return (nil, nil) }
    var start = location(of: field.value)
    if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { start.column += 1 }
    switch ConditionParser.parse(text) {
    case .success(let condition):
      return (condition, start)
    case .failure(let failure):
      var at = start
      at.column += failure.offset
      report(.conditionSyntax(failure.message, at: at))
      return (nil, start)
    }
  }

  // MARK: - Fields

  /// The mapping's keys and values by key, reporting a node that is not a mapping and every key
  /// that is not allowed.
  private mutating func fields(
    of node: Node, named context: String, allowed: [String]
  ) -> MappingFields? {
    guard case .mapping(let mapping) = node else {
      report(.wrongType(context, expected: "a mapping of keys to values", found: describe(node), at: location(of: node)))
      return nil
    }
    var result = MappingFields(capacity: mapping.count)
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        report(.wrongType("key", expected: "a plain word", found: describe(key), at: location(of: key)))
        continue
      }
      guard allowed.contains(scalar.string) else {
        report(.unknownKey(scalar.string, in: context, known: allowed, at: location(of: key)))
        continue
      }
      result.append(scalar.string, key: key, value: value)
    }
    return result
  }

  private mutating func requiredString(
    _ key: String, in fields: MappingFields, context: String, at location: SourceLocation
  ) -> String? {
    guard fields[key] != nil else {
      report(.missingKey(key, in: context, at: location))
      return nil
    }
    return optionalString(key, in: fields)
  }

  private mutating func optionalString(_ key: String, in fields: MappingFields) -> String? {
    guard let field = fields[key] else { return nil }
    guard case .scalar(let scalar) = field.value else {
      report(.wrongType(key, expected: "text", found: describe(field.value), at: location(of: field.value)))
      return nil
    }
    let text = scalar.string.trimmingWhitespace()
    if text.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(text)) {
      report(.emptyText(field: key, at: location(of: field.value)))
      return nil
    }
    return text
  }

  private mutating func rejectKeys(_ keys: [String], in fields: MappingFields, kind: String) {
    for key in keys {
      if let field = fields[key] { report(.misplacedKey(key, kind: kind, at: location(of: field.key))) }
    }
  }

  // MARK: - Helpers

  /// The place `line`, `column` of a text that begins at `start` (continuation lines share its indentation).
  static func offset(_ start: SourceLocation, line: Int, column: Int) -> SourceLocation {
    var at = start
    at.line += line - 1
    at.column = start.column + column - 1
    return at
  }

  static func isValidName(_ name: String) -> Bool {
    guard let first = name.unicodeScalars.first, ("a"..."z").contains(first) || first == "_" else { return false }
    return name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
  }

  static func isTypeableAnswer(_ answer: String) -> Bool {
    // Most answers are plain ASCII words: decided byte by byte, without Unicode properties.
    let bytes = answer.utf8
    if !bytes.isEmpty, bytes.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) {
      return bytes.first != UInt8(ascii: ":") && !bytes.allSatisfy({ (0x30...0x39).contains($0) })
    }
    return !answer.isEmpty && !answer.hasPrefix(":") && !answer.contains(where: \.isWhitespace)
      && !answer.allSatisfy(\.isNumber) && !answer.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
  }

  private mutating func report(_ diagnostic: Diagnostic) { diagnostics.append(diagnostic) }

  func location(of node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  private func describe(_ node: Node) -> String {
    switch node {
    case .scalar(let scalar): scalar.string.isEmpty ? "nothing" : "text"
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .alias: "an alias"
    }
  }
}
