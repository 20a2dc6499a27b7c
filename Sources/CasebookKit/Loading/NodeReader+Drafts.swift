import Yams

// A step's `drafts`: messages to send, whose templates are checked where they are written.
extension NodeReader {
  mutating func readDrafts(_ node: Node) -> [Draft] {
    let expected = "a list of drafts, each with 'kind' and 'text'"
    guard let sequence = items(of: node, field: "drafts", expected: expected) else { return [] }
    return sequence.compactMap { readDraft($0) }
  }

  private mutating func readDraft(_ node: Node) -> Draft? {
    guard let fields = fields(of: node, named: "a draft", allowed: DraftKey.self) else { return nil }
    let draftLocation = location(of: node)
    let kindText = requiredString(.kind, in: fields, context: "a draft", at: draftLocation)
    let subject = optionalString(.subject, in: fields)
    guard let textField = fields[.text], case .scalar(let scalar) = textField.value, !scalar.string.isEmpty else {
      report(.missingKey("text", in: "a draft", at: draftLocation))
      return nil
    }
    var start = location(of: textField.value)
    // A block scalar (`|` or `>`) begins on the line after its indicator.
    if scalar.style == .literal || scalar.style == .folded {
      start.line += 1
      start.column = (location(of: textField.key).column) + 2
    } else if scalar.style == .singleQuoted || scalar.style == .doubleQuoted {
      start.column += 1
    }
    guard let kindText else { return nil }
    guard let kind = Draft.Kind(rawValue: kindText) else {
      report(.wrongType("kind", expected: Draft.Kind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "), found: "'\(kindText)'", at: location(of: fields[.kind]?.value ?? node)))
      return nil
    }
    var readable = true
    for template in [subject, scalar.string].compactMap({ $0 }) {
      if let failure = DraftRenderer.validate(template) {
        let at = Self.offset(start, line: failure.line, column: failure.column)
        report(failure.isTooDeep ? .nestingTooDeep("draft template: \(failure.message)", at: at) : .templateSyntax(failure.message, at: at))
        readable = false
      }
    }
    guard readable else { return nil }
    return Draft(kind: kind, subject: subject, template: scalar.string, location: start)
  }

  /// The place `line`, `column` of a text that begins at `start` (continuation lines share its indentation).
  static func offset(_ start: SourceLocation, line: Int, column: Int) -> SourceLocation {
    var at = start
    at.line += line - 1
    at.column = start.column + column - 1
    return at
  }
}
