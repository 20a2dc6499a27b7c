import Yams

// The playbook's `inputs`: what to ask before the first step, read as ask steps of their own.
extension NodeReader {
  /// One input as written, before it becomes a step.
  private typealias InputEntry = (name: String, text: String, kind: InputKind, why: String?, location: SourceLocation)

  /// The inputs as questions asked before the first step, each leading to the next.
  mutating func readInputs(_ node: Node, leadingTo start: StepID) -> [Step] {
    let expected = "a list of inputs, each with 'name', 'ask' and 'input'"
    guard let sequence = items(of: node, field: "inputs", expected: expected) else { return [] }
    let read = sequence.compactMap { readInput($0) }
    return read.enumerated().map { index, input in
      let next = index + 1 < read.count ? Self.inputStepID(read[index + 1].name) : start
      var question = Question(text: input.text, answers: .input(input.kind, next: next), save: input.name)
      question.isInput = true
      return Step(id: Self.inputStepID(input.name), kind: .ask(question), why: input.why, location: input.location)
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
    guard let kind = InputKind(rawValue: kindText) else {
      report(.badInputKind(kindText, at: location(of: fields[.input]?.value ?? node)))
      return nil
    }
    return (name, text, kind, optionalString(.why, in: fields), inputLocation)
  }

  /// The step that asks for input `name`: `input-` and the name with dashes.
  static func inputStepID(_ name: String) -> StepID {
    StepID("input-" + String(name.map { $0 == "_" ? "-" : $0 }))
  }
}
