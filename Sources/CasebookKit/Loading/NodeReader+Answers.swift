import Yams

// What an `ask` step takes for an answer: `choices`, a `checklist` or an `input`.
extension NodeReader {
  mutating func readAnswers(
    step: StepID, fields: MappingFields<StepKey>, next: StepID?, at stepLocation: SourceLocation
  ) -> Question.Answers? {
    if let checklistField = fields[.checklist] {
      if fields[.choices] != nil || fields[.input] != nil {
        report(.askWithBothAnswers(step: step, at: location(of: checklistField.key)))
        return nil
      }
      return readChecklist(checklistField.value, step: step, next: next, at: stepLocation)
    }
    switch (fields[.choices], fields[.input]) {
    case (nil, nil):
      report(.askWithoutAnswers(step: step, at: stepLocation))
      return nil
    case (.some, .some(let input)):
      report(.askWithBothAnswers(step: step, at: location(of: input.key)))
      return nil
    case (.some(let choicesField), nil):
      if let nextField = fields[.next] {
        report(.misplacedKey("next", kind: "an ask with 'choices' (each choice has its own 'next')", at: location(of: nextField.key)))
      }
      return readChoices(choicesField.value, step: step)
    case (nil, .some(let inputField)):
      guard let kindText = optionalString(.input, in: fields) else { return nil }
      guard let kind = inputKind(kindText, at: location(of: inputField.value)) else { return nil }
      guard let next else {
        report(.missingNext(step: step, at: stepLocation))
        return nil
      }
      return .input(kind, next: next)
    }
  }

  private mutating func readChecklist(
    _ node: Node, step: StepID, next: StepID?, at stepLocation: SourceLocation
  ) -> Question.Answers? {
    guard case .sequence(let sequence) = node, sequence.count >= 2 else {
      report(.wrongType("checklist", expected: "a list of at least two items, each with 'item'", found: describe(node), at: location(of: node)))
      return nil
    }
    var items: [ChecklistItem] = []
    var seen: Set<String> = ["none"]
    for itemNode in sequence {
      guard let itemFields = fields(of: itemNode, named: "a checklist item", allowed: ChecklistItemKey.self),
        let word = requiredString(.item, in: itemFields, context: "a checklist item", at: location(of: itemNode))
      else { continue }
      let itemLocation = location(of: itemFields[.item]?.value ?? itemNode)
      if !Self.isTypeableAnswer(word) { report(.badAnswer(word, at: itemLocation)) }
      if !seen.insert(word.lowercased()).inserted { report(.duplicateAnswer(word, step: step, at: itemLocation)) }
      items.append(ChecklistItem(answer: word, label: optionalString(.label, in: itemFields), location: itemLocation))
    }
    guard let next else {
      report(.missingNext(step: step, at: stepLocation))
      return nil
    }
    return .checklist(items, next: next)
  }

  private mutating func readChoices(_ node: Node, step: StepID) -> Question.Answers? {
    guard let sequence = items(of: node, field: "choices", expected: "a list of answers") else { return nil }
    var choices: [Choice] = []
    var seen: Set<String> = []
    for choiceNode in sequence {
      guard let choice = readChoice(choiceNode) else { continue }
      if !seen.insert(choice.answer.lowercased()).inserted {
        report(.duplicateAnswer(choice.answer, step: step, at: choice.location))
      }
      choices.append(choice)
    }
    if sequence.count == 1 {
      report(.singleChoice(step: step, at: location(of: node)))
    }
    return .choices(choices)
  }

  private mutating func readChoice(_ node: Node) -> Choice? {
    guard let fields = fields(of: node, named: "a choice", allowed: ChoiceKey.self) else { return nil }
    let choiceLocation = location(of: node)
    let answer = requiredString(.answer, in: fields, context: "a choice", at: choiceLocation)
    let label = optionalString(.label, in: fields)
    let next = requiredString(.next, in: fields, context: "a choice", at: choiceLocation)
    if let answer, let answerNode = fields[.answer], !Self.isTypeableAnswer(answer) {
      report(.badAnswer(answer, at: location(of: answerNode.value)))
    }
    let (condition, conditionLocation) = readCondition(.when, in: fields)
    guard let answer, let next else { return nil }
    var choice = Choice(
      answer: answer, label: label, next: StepID(next), location: location(of: fields[.answer]?.value ?? node),
      condition: condition, conditionLocation: conditionLocation)
    choice.nextLocation = fields[.next].map { location(of: $0.value) }
    return choice
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
}
