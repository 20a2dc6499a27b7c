/// A playbook's user-facing text in another language, keyed by step id: the structure (steps,
/// answers, links) is never copied.
public struct PlaybookTranslation: Sendable, Hashable {
  /// One step's texts.
  public struct StepText: Sendable, Hashable {
    /// The `say`, `ask` or `end` text.
    public var text: String?
    /// The longer explanation.
    public var detail: String?
    /// The reason behind the step.
    public var why: String?
    /// At an end: the decision.
    public var decision: String?
    /// Choice and checklist labels, by answer word.
    public var labels: [String: String] = [:]
    /// Draft texts and subjects, in the order of the step's drafts.
    public var drafts: [(subject: String?, text: String?)] = []

    public static func == (lhs: StepText, rhs: StepText) -> Bool {
      lhs.text == rhs.text && lhs.detail == rhs.detail && lhs.why == rhs.why && lhs.decision == rhs.decision
        && lhs.labels == rhs.labels && lhs.drafts.map(\.subject) == rhs.drafts.map(\.subject)
        && lhs.drafts.map(\.text) == rhs.drafts.map(\.text)
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(text)
      hasher.combine(detail)
      hasher.combine(why)
      hasher.combine(decision)
      hasher.combine(labels)
    }
  }

  /// The title.
  public var title: String?
  /// The summary.
  public var summary: String?
  /// Each step's texts, by step id.
  public var steps: [StepID: StepText] = [:]
  /// Each input's question, by input name.
  public var inputs: [String: String] = [:]
  /// Where the translation is written.
  public var location: SourceLocation

  /// Creates an empty translation.
  public init(location: SourceLocation) {
    self.location = location
  }
}

extension Playbook {
  /// The language a person wants: `--lang`, else the locale's language (`pl` from `pl_PL.UTF-8`).
  public static func preferredLanguage(option: String?, environment: [String: String]) -> String? {
    if let option, !option.isEmpty { return option.lowercased() }
    for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
      guard let value = environment[key], !value.isEmpty else { continue }
      let language = value.prefix { $0.isLetter }.lowercased()
      return ["c", "posix"].contains(language) ? nil : language
    }
    return nil
  }

  /// The playbook with its texts in `language` where a translation has them; unchanged otherwise.
  public func translated(to language: String?) -> Playbook {
    guard let language, let translation = translations[language] else { return self }
    var copy = self
    copy.title = translation.title ?? title
    copy.summary = translation.summary ?? summary
    copy.steps = steps.map { step in
      var step = step
      if case .ask(var question) = step.kind, question.isInput, let name = question.save,
        let text = translation.inputs[name]
      {
        question.text = text
        step.kind = .ask(question)
      }
      guard let texts = translation.steps[step.id] else { return step }
      step.detail = texts.detail ?? step.detail
      step.why = texts.why ?? step.why
      step.decision = texts.decision ?? step.decision
      switch step.kind {
      case .say(let text, let next): step.kind = .say(texts.text ?? text, next: next)
      case .end(let text): step.kind = .end(texts.text ?? text)
      case .branch: break
      case .ask(var question):
        question.text = texts.text ?? question.text
        switch question.answers {
        case .choices(let choices):
          question.answers = .choices(choices.map { choice in
            var choice = choice
            choice.label = texts.labels[choice.answer] ?? choice.label
            return choice
          })
        case .checklist(let items, let next):
          question.answers = .checklist(items.map { item in
            var item = item
            item.label = texts.labels[item.answer] ?? item.label
            return item
          }, next: next)
        case .input: break
        }
        step.kind = .ask(question)
      }
      for (index, draft) in texts.drafts.enumerated() where step.drafts.indices.contains(index) {
        step.drafts[index].subject = draft.subject ?? step.drafts[index].subject
        step.drafts[index].template = draft.text ?? step.drafts[index].template
      }
      return step
    }
    return copy
  }
}
