/// A rehearsal's material as a case sees it: the conversation plan (the playbook's questions its
/// `prepare` names), what the person said so far, and the simulated client's conversation.
public struct RehearsalPlan: Sendable {
  /// One part of the conversation plan: a question of the playbook, and its answer once known.
  public struct Item: Sendable, Hashable {
    /// The question's step.
    public let step: StepID
    /// How the plan names it.
    public let label: String
    /// The question.
    public let question: Question
    /// What helps to answer it: the step's detail, else its reason.
    public let help: String?
    /// The answer, in its canonical form, once given.
    public let answer: String?
    /// Other ways a line may say it.
    public let said: [String]
  }

  /// The material rehearsed.
  public let material: RehearsalMaterial
  /// The conversation plan, in the playbook's order, with the answers given so far.
  public let items: [Item]
  /// The exchanges so far: each client line and the person's answer.
  public let exchanges: [CaseRecord.Exchange]
  /// The simulated client after the exchanges so far.
  public let conversation: ClientConversation
  /// How many client lines at most.
  public let turns: Int

  /// The plan of the rehearsal `state` is, or `nil` when the playbook has no rehearsal material.
  public init?(_ state: CaseState, playbook: Playbook) {
    guard let material = playbook.rehearsal else { return nil }
    self.material = material
    let answers = Dictionary(state.path.compactMap { entry in entry.answer.map { (entry.step, $0) } }) { _, last in last }
    items = material.prepare.compactMap { preparation in
      guard let step = playbook[preparation.step], case .ask(let question) = step.kind else { return nil }
      return Item(
        step: step.id, label: preparation.label ?? question.text, question: question, help: step.detail ?? step.why,
        answer: answers[step.id], said: preparation.said)
    }
    let setup = state.header.rehearsal
    exchanges = state.history.compactMap { entry in
      if case .said(let client, let you, let at, let hints) = entry {
        CaseRecord.Exchange(client: client, you: you, at: at, hints: hints)
      } else {
        nil
      }
    }
    turns = min(setup?.turns ?? material.availableTurns, material.availableTurns)
    let seed = setup?.seed ?? 0
    conversation = ClientConversation(
      material: material, items: items, persona: setup?.persona ?? ClientPersona(seed: seed), seed: seed, turns: turns,
      lines: exchanges.map(\.you))
  }

  /// The next part of the plan to ask, or `nil` once the plan is complete or not asked.
  func nextItem(asking: Bool) -> Item? {
    asking ? items.first { $0.answer == nil } : nil
  }

  /// Whether the person is to open the conversation now.
  public var personOpens: Bool { material.opens == .person && exchanges.isEmpty }

  /// The client's next line, or `nil` once the conversation is over (or the person opens it).
  public var nextReply: RehearsalMaterial.Reply? {
    conversation.accepted ? nil : conversation.next?.reply
  }

  /// The names under which the plan's unprepared parts are saved, for `--set NAME=VALUE`.
  var unpreparedNames: [String] {
    items.filter { $0.answer == nil }.compactMap(\.question.save)
  }

  /// The plan as answered, and the talking points: shown before the conversation starts.
  var text: String {
    var lines: [String] = []
    if !items.isEmpty {
      lines.append("Conversation plan:")
      lines += items.map { "  \($0.label): \($0.answer ?? "(not prepared)")" }
      lines.append("")
    }
    lines.append("Talking points:")
    lines += material.points.enumerated().map { "  \($0.offset + 1). \($0.element.text)" }
    if !material.avoid.isEmpty {
      lines += ["", "Avoid: " + material.avoid.map(\.label).joined(separator: "; ") + "."]
    }
    let opener = material.opens == .person ? "You speak first." : "The client speaks first."
    lines += [
      "",
      "Casebook plays the client now (\(conversation.persona.rawValue)). \(opener) Answer in your own words; :hint shows a suggestion, :quit ends.",
    ]
    return lines.joined(separator: "\n")
  }
}
