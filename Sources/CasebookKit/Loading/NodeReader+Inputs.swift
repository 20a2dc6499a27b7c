import Yams

// The playbook's `inputs`: what to ask before the first step, read as ask steps of their own.
extension NodeReader {
  /// One input as written, before it becomes a step.
  private typealias InputEntry = (name: String, text: String, kind: InputKind, why: String?, location: SourceLocation)

  /// The inputs as questions asked before the first step, each leading to the next; the last
  /// leads to `start`, whose link is placed where `start` is written (`startLocation`).
  mutating func readInputs(_ node: Node, leadingTo start: StepID, writtenAt startLocation: SourceLocation?) -> [Step] {
    let expected = "a list of inputs, each with 'name', 'ask' and 'input'"
    guard let sequence = items(of: node, field: "inputs", expected: expected) else { return [] }
    let read = sequence.compactMap { readInput($0) }
    return read.enumerated().map { index, input in
      let next = index + 1 < read.count ? Self.inputStepID(read[index + 1].name) : start
      var question = Question(text: input.text, answers: .input(input.kind, next: next), save: input.name)
      question.isInput = true
      var step = Step(id: Self.inputStepID(input.name), kind: .ask(question), why: input.why, location: input.location)
      if index + 1 == read.count { step.nextLocation = startLocation }
      return step
    }
  }

  private mutating func readInput(_ node: Node) -> InputEntry? {
    guard let fields = fields(of: node, named: "an input", allowed: InputKey.self) else { return nil }
    let inputLocation = location(of: node)
    let name = requiredString(.name, in: fields, context: "an input", at: inputLocation)
    let text = requiredString(.ask, in: fields, context: "an input", at: inputLocation)
    let kindText = requiredString(.input, in: fields, context: "an input", at: inputLocation)
    if let name, let field = fields[.name], !Self.isValidName(name) {
      report(.badSaveName(name, at: location(of: field.value)))
      return nil
    }
    guard let name, let text, let kindText else { return nil }
    guard let kind = inputKind(kindText, at: location(of: fields[.input]?.value ?? node)) else {
      unread.savedNames.insert(name)
      return nil
    }
    return (name, text, kind, optionalString(.why, in: fields), inputLocation)
  }

  /// The input kind `text` names. An unknown one is reported and read as the kind it is close to,
  /// so that what the step saves keeps its type; `nil` when none is close.
  mutating func inputKind(_ text: String, at location: SourceLocation) -> InputKind? {
    if let kind = InputKind(rawValue: text) { return kind }
    report(.badInputKind(text, at: location))
    return Suggestion.nearest(to: text, in: InputKind.allCases.map(\.rawValue)).flatMap(InputKind.init(rawValue:))
  }

  /// The step that asks for input `name`: `input-` and the name with dashes.
  static func inputStepID(_ name: String) -> StepID {
    StepID("input-" + String(name.map { $0 == "_" ? "-" : $0 }))
  }
}
