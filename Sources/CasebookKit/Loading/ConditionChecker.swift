/// Type-checks conditions against the values a playbook saves, and tells saved names from
/// answer words.
struct ConditionChecker {
  /// The type of a saved value or an operand.
  enum ValueType: Hashable, CustomStringConvertible {
    case text, number, duration, date
    /// The answer word of a question with these answers.
    case answer(Set<String>)
    /// A bare word, compared with an answer.
    case word(String)
    /// The ticked items of a checklist with these items.
    case checklist(Set<String>)

    var description: String {
      switch self {
      case .text: "text"
      case .number: "a number"
      case .duration: "a duration"
      case .date: "a date"
      case .answer: "an answer"
      case .checklist: "a checklist"
      case .word(let word): "the word \(quoted(word))"
      }
    }

    var isOrdered: Bool { [.number, .duration, .date].contains(self) }
  }

  /// A problem, with its place in the condition's text.
  struct Problem: Equatable {
    var code: DiagnosticCode
    var message: String
    var offset: Int
  }

  /// The type of every name some step saves.
  let types: [String: ValueType]
  /// The names of the timers some step starts; a timer that is a typo of a saved duration
  /// counts as the name it is close to as well, so uses of that name are not errors of their own.
  var timers: Set<String> = []
  /// Names saved by steps that could not be read (already errors): any use of them is accepted.
  var unreadNames: Set<String> = []

  /// The names saved in `playbook`, and problems where one name is saved with two types.
  static func savedTypes(in playbook: Playbook) -> [String: ValueType] {
    var types: [String: ValueType] = [:]
    for step in playbook.steps {
      guard case .ask(let question) = step.kind, let name = question.save else { continue }
      let type: ValueType
      switch question.answers {
      case .choices(let choices): type = .answer(Set(choices.map { $0.answer.lowercased() }))
      case .checklist(let items, _): type = .checklist(Set(items.map { $0.answer.lowercased() }))
      case .input(let kind, _):
        switch kind {
        case .text: type = .text
        case .number: type = .number
        case .duration: type = .duration
        case .date: type = .date
        }
      }
      if case .answer(let existing)? = types[name], case .answer(let more) = type {
        types[name] = .answer(existing.union(more))
      } else if types[name] == nil {
        types[name] = type
      }
    }
    return types
  }

  /// The condition with names nothing saves read as answer words, and its problems.
  func check(_ condition: Condition) -> (Condition, [Problem]) {
    switch condition {
    case .not(let inner):
      let (checked, problems) = check(inner)
      return (.not(checked), problems)
    case .and(let left, let right):
      let (l, lp) = check(left)
      let (r, rp) = check(right)
      return (.and(l, r), lp + rp)
    case .or(let left, let right):
      let (l, lp) = check(left)
      let (r, rp) = check(right)
      return (.or(l, r), lp + rp)
    case .expired(let name, let offset):
      guard timers.contains(name) else {
        let guess = Suggestion.nearest(to: name, in: timers.sorted()).map { "; did you mean '\($0)'?" } ?? ""
        return (condition, [Problem(code: .unknownName, message: "no step starts a timer \(quoted(name))\(guess); add 'timer: \(name)' to the step where the wait begins", offset: offset)])
      }
      return (condition, [])
    case .truth(let operand) where isUnread(operand), .compare(let operand, _, _) where isUnread(operand),
      .compare(_, _, let operand) where isUnread(operand):
      return (condition, [])
    case .truth(let operand):
      let resolved = resolve(operand)
      // A name alone must be a saved yes/no answer: a name nothing saves is a misspelt one.
      if case .name = operand, case .word(let word, let offset) = resolved {
        return (.truth(resolved), [unknown(word, at: offset)])
      }
      guard case .name(let name, _) = resolved, case .answer(let answers)? = types[name], answers.contains("yes") else {
        return (.truth(resolved), [Problem(
          code: .typeMismatch,
          message: "\(describe(resolved)) is not a yes/no answer; compare it, e.g. 'name == value'",
          offset: operand.offset)])
      }
      return (.truth(resolved), [])
    case .compare(let left, let comparison, let right):
      let lhs = resolve(left)
      let rhs = resolve(right)
      let historyProblems = [lhs, rhs].compactMap { operand -> Problem? in
        guard case .name(let name, let offset) = operand else { return nil }
        return Self.historyProblem(name, at: offset)
      }
      if !historyProblems.isEmpty { return (.compare(lhs, comparison, rhs), historyProblems) }
      if comparison == .has {
        guard case .checklist(let items) = type(of: lhs) else {
          return (.compare(lhs, comparison, rhs), [Problem(code: .typeMismatch, message: "'has' needs a saved checklist on its left, such as 'causes has cost'", offset: lhs.offset)])
        }
        guard case .word(let word) = type(of: rhs), items.contains(word.lowercased()) else {
          return (.compare(lhs, comparison, rhs), [Problem(code: .unknownName, message: "\(describe(rhs)) is not one of the items \(items.sorted().map { quoted($0) }.joined(separator: ", "))", offset: rhs.offset)])
        }
        return (.compare(lhs, comparison, rhs), [])
      }
      return (.compare(lhs, comparison, rhs), problems(lhs, comparison, rhs))
    }
  }

  /// Whether `operand` names a value saved by a step that could not be read.
  private func isUnread(_ operand: Condition.Operand) -> Bool {
    if case .name(let name, _) = operand { unreadNames.contains(name) } else { false }
  }

  private func resolve(_ operand: Condition.Operand) -> Condition.Operand {
    if case .name(let name, let offset) = operand, types[name] == nil, !name.hasPrefix(HistoryName.prefix) {
      return .word(name, offset: offset)
    }
    return operand
  }

  private func type(of operand: Condition.Operand) -> ValueType {
    switch operand {
    case .name(let name, _): types[name] ?? Self.historyType(name) ?? .word(name)
    case .word(let word, _): .word(word)
    case .literal(let value, _):
      switch value {
      case .text: .text
      case .number: .number
      case .duration: .duration
      case .date: .date
      case .items: .text
      }
    }
  }

  private func describe(_ operand: Condition.Operand) -> String {
    switch operand {
    case .name(let name, _): "\(quoted(name))"
    case .word(let word, _): "\(quoted(word))"
    case .literal(let value, _): "\(quoted(value))"
    }
  }

  /// The type of a history name: a number of cases, or a date; `nil` for any other name.
  static func historyType(_ name: String) -> ValueType? {
    HistoryName(name).map { $0.isDate ? .date : .number }
  }

  /// The problem with a name that begins `history.` but is not one.
  static func historyProblem(_ name: String, at offset: Int) -> Problem? {
    guard name.hasPrefix(HistoryName.prefix), HistoryName(name) == nil else { return nil }
    return Problem(
      code: .unknownName,
      message: "\(quoted(name)) is not a history name; write history.PLAYBOOK.90d (a count in the last 90 days), history.PLAYBOOK.ever, or history.last.PLAYBOOK (a date), with 'any' for every playbook",
      offset: offset)
  }

  private func unknown(_ name: String, at offset: Int) -> Problem {
    let guess = Suggestion.nearest(to: name, in: types.keys.sorted()).map { "; did you mean '\($0)'?" } ?? ""
    return Problem(code: .unknownName, message: "\(quoted(name)) is not saved by any step\(guess)", offset: offset)
  }

  private func problems(_ lhs: Condition.Operand, _ comparison: Condition.Comparison, _ rhs: Condition.Operand) -> [Problem] {
    let left = type(of: lhs)
    let right = type(of: rhs)
    switch (left, right) {
    case (.word(let a), .word):
      return [unknown(a, at: lhs.offset)]
    case (.answer(let answers), .word(let word)), (.word(let word), .answer(let answers)):
      let offset = left == .word(word) ? lhs.offset : rhs.offset
      var problems: [Problem] = []
      if !answers.contains(word.lowercased()) {
        problems.append(Problem(
          code: .unknownName,
          message: "\(quoted(word)) is neither a saved name nor one of the answers \(answers.sorted().map { quoted($0) }.joined(separator: ", "))",
          offset: offset))
      }
      if comparison != .equal && comparison != .notEqual {
        problems.append(Problem(code: .typeMismatch, message: "answers can only be compared with == and !=", offset: lhs.offset))
      }
      return problems
    case (.answer, .text), (.text, .answer), (.text, .text), (.text, .word), (.word, .text):
      if comparison != .equal && comparison != .notEqual {
        return [Problem(code: .typeMismatch, message: "text can only be compared with == and !=", offset: lhs.offset)]
      }
      return []
    case (.answer, .answer):
      return comparison == .equal || comparison == .notEqual
        ? [] : [Problem(code: .typeMismatch, message: "answers can only be compared with == and !=", offset: lhs.offset)]
    default:
      if left == right && left.isOrdered { return [] }
      if case .word(let word) = left { return [unknown(word, at: lhs.offset)] }
      if case .word(let word) = right { return [unknown(word, at: rhs.offset)] }
      return [Problem(
        code: .typeMismatch,
        message: "\(describe(lhs)) is \(left) but \(describe(rhs)) is \(right); they cannot be compared",
        offset: lhs.offset)]
    }
  }
}

extension ConditionChecker {
  /// The playbook with every condition checked and its answer words told from saved names; also
  /// runs the checks of names used by drafts, timers and actions, and of translations.
  static func resolve(_ playbook: Playbook, unreadNames: Set<String> = []) -> (Playbook, [Diagnostic]) {
    var checker = ConditionChecker(types: savedTypes(in: playbook))
    checker.unreadNames = unreadNames.subtracting(checker.types.keys)
    let durations = checker.types.filter { $0.value == .duration }.keys.sorted()
    for timer in playbook.steps.compactMap(\.timer) {
      checker.timers.insert(timer)
      if checker.types[timer] == nil, !unreadNames.contains(timer), let meant = Suggestion.nearest(to: timer, in: durations) {
        checker.timers.insert(meant)
      }
    }
    var diagnostics: [Diagnostic] = []
    func checked(_ condition: Condition?, at start: SourceLocation?) -> Condition? {
      guard let condition else { return nil }
      let (resolved, problems) = checker.check(condition)
      for problem in problems {
        var location = start ?? SourceLocation(file: playbook.file, line: 1, column: 1)
        location.column += problem.offset
        diagnostics.append(.conditionProblem(problem.code, problem.message, at: location))
      }
      return resolved
    }
    var steps = playbook.steps
    for index in steps.indices {
      steps[index].condition = checked(steps[index].condition, at: steps[index].conditionLocation)
      switch steps[index].kind {
      case .ask(var question):
        guard case .choices(var choices) = question.answers else { continue }
        for choice in choices.indices {
          choices[choice].condition = checked(choices[choice].condition, at: choices[choice].conditionLocation)
        }
        question.answers = .choices(choices)
        steps[index].kind = .ask(question)
      case .branch(var cases):
        for item in cases.indices {
          cases[item].condition = checked(cases[item].condition, at: cases[item].conditionLocation)
        }
        steps[index].kind = .branch(cases)
      case .say, .end:
        continue
      }
    }
    for step in steps {
      for name in step.stops where !checker.timers.contains(name) {
        diagnostics.append(.conditionProblem(
          .unknownName, "step \(quoted(step.id)) stops \(quoted(name)), but no step starts a timer of that name; add 'timer: \(name)' where the wait begins",
          at: step.stopLocation ?? step.location).suggesting(name, among: checker.timers.sorted()))
      }
    }
    for step in steps where !step.fromHistory.isEmpty {
      diagnostics += fromHistoryProblems(step, file: playbook.file)
    }
    // The steps keep their ids and places, so the playbook's index of them still holds.
    var resolved = playbook
    resolved.steps = steps
    diagnostics += ReferenceChecker.check(resolved, types: checker.types, unreadNames: checker.unreadNames)
    diagnostics += TranslationChecker.check(resolved)
    return (resolved, diagnostics)
  }
}

extension ConditionChecker {
  /// What is wrong with a step's `from_history`: a name that is not a history name, or names that
  /// cannot answer its question (a yes/no question or a number takes counts, a date takes
  /// `history.last.…`).
  static func fromHistoryProblems(_ step: Step, file: String) -> [Diagnostic] {
    let at = step.fromHistoryLocation ?? step.location
    var problems: [Diagnostic] = []
    for name in step.fromHistory where HistoryName(name) == nil {
      problems.append(.conditionProblem(.unknownName, historyProblem(name, at: 0)?.message ?? "\(quoted(name)) is not a history name", at: at))
    }
    guard problems.isEmpty else { return problems }
    let dates = step.fromHistory.compactMap(HistoryName.init).filter(\.isDate).count
    let fits: Bool
    switch step.kind {
    case .ask(let question):
      switch question.answers {
      case .choices(let choices):
        fits = dates == 0 && Set(["yes", "no"]).isSubset(of: choices.map { $0.answer.lowercased() })
      case .input(.number, _): fits = dates == 0
      case .input(.date, _): fits = dates == step.fromHistory.count
      case .input, .checklist: fits = false
      }
    case .say, .end, .branch: fits = false
    }
    if !fits {
      problems.append(.conditionProblem(
        .typeMismatch,
        "'from_history' answers a question with the choices yes and no or a number (from counts such as history.no-show.ever), or a date (from history.last.PLAYBOOK)",
        at: at))
    }
    return problems
  }
}
