// The wording of every playbook diagnostic, in one place and in alphabetical order.

/// User text as a message quotes it: in single quotes, cut to 60 characters.
func quoted(_ text: some CustomStringConvertible) -> String {
  let scalars = text.description.unicodeScalars
  guard scalars.count > 60 else { return "'\(text)'" }
  return "'\(String(String.UnicodeScalarView(scalars.prefix(60))))…'"
}

extension Diagnostic {
  static func askWithBothAnswers(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .askWithBothAnswers,
      message: "step \(quoted(step)) has both 'choices' and 'input'; an ask takes one of them",
      location: location)
  }

  static func askWithoutAnswers(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .askWithoutAnswers,
      message: "step \(quoted(step)) asks a question but has neither 'choices' nor 'input'",
      location: location)
  }

  static func badAnswer(_ answer: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .badAnswer,
      message:
        "answer \(quoted(answer)) cannot be typed as a word; use letters, without spaces, not only digits and not starting with ':'",
      location: location)
  }

  static func badPreparation(_ step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .badPreparation,
      message: "'prepare' names step \(quoted(step)), which is not a question that saves its answer ('ask' with 'input' or 'choices', and 'save')",
      location: location)
  }

  static func badID(_ id: String, what: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .badID,
      message: "\(what) \(quoted(id)) is not a valid identifier; use lower-case letters, digits and '-'",
      location: location)
  }

  static func badInclude(_ path: String, _ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .badInclude, message: "included file \(quoted(path)) \(problem)", location: location)
  }

  static func includeOutside(_ path: String, at location: SourceLocation) -> Diagnostic {
    .badInclude(path, "is outside the playbook's folder; a part must be in that folder or below it", at: location)
  }

  static func badScenario(_ name: String, _ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .badScenario, message: "practice scenario \(quoted(name)): \(problem)", location: location)
  }

  static func includeCycle(_ path: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .missingInclude, message: "including \(quoted(path)) again would never end (an include cycle, or more than 8 levels)", location: location)
  }

  static func missingInclude(_ path: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .missingInclude,
      message: "included file \(quoted(path)) does not exist or cannot be read",
      location: location,
      notes: Suggestion.nearest(to: path, in: known).map { ["did you mean '\($0)'?"] } ?? [])
  }

  static func translationProblem(_ language: String, _ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(severity: .warning, code: .translation, message: "translation \(quoted(language)) \(problem)", location: location)
  }

  static func missingHandover(_ id: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .missingHandover,
      message: "hands over to playbook \(quoted(id)), which is neither bundled nor yours",
      location: location,
      notes: Suggestion.nearest(to: id, in: known).map { ["did you mean '\($0)'?"] } ?? [])
  }

  static func unsavedName(_ name: String, step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      severity: .warning, code: .unsavedName,
      message: "step \(quoted(step)) reads \(quoted(name)), which some path reaches without saving it first (a comparison is then false, a template shows nothing)",
      location: location)
  }

  static func badSaveName(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .badID,
      message: "save name \(quoted(name)) is not valid; use lower-case letters, digits and '_', starting with a letter or '_'",
      location: location)
  }

  static func badInputKind(_ kind: String, at location: SourceLocation) -> Diagnostic {
    let known = InputKind.allCases.map(\.rawValue)
    return Diagnostic(
      code: .badInputKind,
      message: "unknown input kind \(quoted(kind)); expected one of \(known.map { "'\($0)'" }.joined(separator: ", "))",
      location: location,
      notes: Suggestion.nearest(to: kind, in: known).map { ["did you mean '\($0)'?"] } ?? [])
  }

  static func branchWithoutDefault(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .branchWithoutDefault,
      message: "branch step \(quoted(step)) has no last case without 'when'; add one with only 'next' for when nothing else holds",
      location: location)
  }

  static func conditionSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .conditionSyntax, message: "condition: \(problem)", location: location)
  }

  static func conditionProblem(_ code: DiagnosticCode, _ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: code, message: "condition: \(problem)", location: location)
  }

  static func templateSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .templateSyntax, message: "draft template: \(problem)", location: location)
  }

  static func templateName(_ name: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .unknownName,
      message: "draft template uses \(quoted(name)), which no step saves (and is not 'client', 'client_first', 'title', 'today' or 'me')",
      location: location,
      notes: Suggestion.nearest(to: name, in: known).map { ["did you mean '\($0)'?"] } ?? [])
  }

  static func profileField(_ field: String, at location: SourceLocation) -> Diagnostic {
    let fields = Profile.Key.allCases.map(\.rawValue)
    return Diagnostic(
      code: .unknownName,
      message: "draft template uses \(quoted("me." + field)), which is not a profile field",
      location: location,
      notes: [Suggestion.nearest(to: field, in: fields).map { "did you mean 'me.\($0)'?" }
        ?? "the profile's fields are \(fields.map { "me." + $0 }.joined(separator: ", "))"])
  }

  static func templateTransform(_ name: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .unknownName,
      message: "draft template applies \(quoted(name)), which is not a transform",
      location: location,
      notes: [Suggestion.nearest(to: name, in: DraftValue.transforms).map { "did you mean '\($0)'?" }
        ?? "the transforms are \(DraftValue.transforms.joined(separator: ", "))"])
  }

  static func danglingNext(
    _ target: StepID, field: String, known: [StepID], at location: SourceLocation
  ) -> Diagnostic {
    Diagnostic(
      code: .danglingNext,
      message: "\(quoted(field)) names step \(quoted(target)), which does not exist",
      location: location,
      notes: Suggestion.nearest(to: target.rawValue, in: known.map(\.rawValue)).map {
        ["did you mean '\($0)'?"]
      } ?? [])
  }

  static func duplicateAnswer(_ answer: String, step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .duplicateAnswer,
      message: "answer \(quoted(answer)) appears more than once in step \(quoted(step))",
      location: location)
  }

  static func duplicateKey(_ keys: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .duplicateKey,
      message: "key \(keys.map { quoted($0) }.joined(separator: ", ")) appears more than once in one mapping",
      location: location)
  }

  static func duplicateStepID(_ id: StepID, first: SourceLocation, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .duplicateStepID,
      message: "step id \(quoted(id)) is already used at line \(first.line)",
      location: location)
  }

  static func emptyFile(at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .emptyFile, message: "the file is empty; a playbook needs 'id', 'title', 'start' and 'steps'", location: location)
  }

  static func emptyText(field: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .emptyText, message: "\(quoted(field)) is empty", location: location)
  }

  static func endWithNext(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .endWithNext,
      message: "end step \(quoted(step)) has a 'next'; an end step finishes the case",
      location: location)
  }

  static func fileTooLarge(bytes: Int, limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .fileTooLarge,
      message: "the file is \(bytes) bytes; playbooks are limited to \(limit) bytes",
      location: location)
  }

  static func misplacedKey(_ key: String, kind: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .misplacedKey,
      message: "\(quoted(key)) does not belong on \(kind)",
      location: location)
  }

  static func missingKey(_ key: String, in context: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .missingKey, message: "\(context) is missing \(quoted(key))", location: location)
  }

  static func missingStepKind(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .missingKey,
      message: "step \(quoted(step)) needs one of 'say', 'ask' or 'end'",
      location: location)
  }

  static func missingNext(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .missingNext,
      message: "step \(quoted(step)) needs a 'next' naming the step that follows it",
      location: location)
  }

  static func nestingTooDeep(_ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .nestingTooDeep, message: problem, location: location)
  }

  static func noWayToEnd(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .noWayToEnd,
      message: "no end step can be reached from step \(quoted(step)); the case could never finish",
      location: location)
  }

  static func notUTF8(offset: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .notUTF8,
      message: "the file is not valid UTF-8 (first bad byte at offset \(offset))",
      location: location)
  }

  static func singleChoice(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .singleChoice,
      message: "step \(quoted(step)) offers only one answer; use 'say' with 'next', or add another choice",
      location: location)
  }

  static func stepKindConflict(step: StepID, kinds: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .stepKindConflict,
      message: "step \(quoted(step)) has \(kinds.map { quoted($0) }.joined(separator: " and ")); a step takes exactly one of 'say', 'ask' or 'end'",
      location: location)
  }

  static func tooComplex(limit: Int, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .tooComplex,
      message: "the document has more than \(limit) nodes (are aliases repeating a large part?)",
      location: location)
  }

  static func unknownFormat(_ format: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .unknownFormat,
      message: "playbook format \(quoted(format)) is not one this Casebook reads (it reads format \(known.joined(separator: ", ")))",
      location: location,
      notes: ["a newer Casebook may read it; otherwise write 'format: 1' and the keys described in docs/playbook-format.md"])
  }

  static func unknownKey(_ key: String, in context: String, known: [String], at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .unknownKey,
      message: "unknown key \(quoted(key)) in \(context)",
      location: location,
      notes: Suggestion.nearest(to: key, in: known).map { ["did you mean '\($0)'?"] } ?? [])
  }

  static func unreadableFile(_ reason: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .unreadableFile, message: "cannot read the file: \(reason)", location: location)
  }

  static func unreachableStep(step: StepID, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .unreachableStep,
      message: "step \(quoted(step)) can never be reached from the start step",
      location: location)
  }

  static func wrongType(_ field: String, expected: String, found: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(
      code: .wrongType,
      message: "\(quoted(field)) should be \(expected), found \(found.unicodeScalars.count > 70 ? String(String.UnicodeScalarView(found.unicodeScalars.prefix(70))) + "…" : found)",
      location: location)
  }

  static func yamlTooDeep(limit: Int, at location: SourceLocation) -> Diagnostic {
    .nestingTooDeep("the YAML nests lists and mappings more than \(limit) levels deep", at: location)
  }

  static func yamlSyntax(_ problem: String, at location: SourceLocation) -> Diagnostic {
    Diagnostic(code: .yamlSyntax, message: "YAML syntax: \(problem)", location: location)
  }
}
