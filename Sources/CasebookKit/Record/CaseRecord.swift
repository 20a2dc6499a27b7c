public import Foundation

/// The record of a case, as `record.json` holds it for programs.
public struct CaseRecord: Sendable, Hashable, Codable {
  /// One step on the path taken.
  public struct StepEntry: Sendable, Hashable, Codable {
    /// The step's identifier.
    public var id: StepID
    /// `say`, `ask`, `end`, `branch`, or `unknown` for a step the playbook no longer has.
    public var kind: StepKind
    /// The instruction, question or outcome as shown.
    public var text: String
    /// The canonical answer, for questions.
    public var answer: String?
    /// When it was reached or answered.
    public var at: Date
    /// For a branch taken because a timer ran out: the timer's name (`wait_limit`).
    public var expired: String?
    /// The answer as the person read it: the chosen choice's label (`No sign of them`), if it has one.
    public var answerLabel: String?
  }

  /// One thing that happened, in order, including answers later taken back.
  public struct HistoryEntry: Sendable, Hashable, Codable {
    /// What happened.
    public var event: HistoryEvent
    /// The step concerned, if any.
    public var step: StepID?
    /// The answer, the note, the reason for leaving, the line said, or the timer that ran out.
    public var text: String?
    /// When.
    public var at: Date
  }

  /// A free note.
  public struct NoteEntry: Sendable, Hashable, Codable {
    /// The note.
    public var text: String
    /// The step that was current.
    public var step: StepID?
    /// When.
    public var at: Date
  }

  /// Something to do after the case, and by when if the playbook says so.
  public struct NextAction: Sendable, Hashable, Codable {
    /// What to do.
    public var text: String
    /// The day it is due (no time of day), written `YYYY-MM-DD`, if known.
    public var due: CivilDate?
    /// When it was marked done (`casebook done`), if it was.
    public var done: Date?

    /// Creates an action.
    public init(text: String, due: CivilDate?, done: Date? = nil) {
      self.text = text
      self.due = due
      self.done = done
    }
  }

  /// How the case ended.
  public struct Outcome: Sendable, Hashable, Codable {
    /// The end step reached.
    public var step: StepID
    /// What was decided and what comes next, as the end step says it.
    public var text: String
    /// What was decided, in a few words, when the end step says so apart from its text.
    public var decision: String?
    /// The playbook the case was handed over to, if any.
    public var handover: String?
  }

  /// The record's format version.
  public var format: Int
  /// The playbook's identifier.
  public var playbook: String
  /// The playbook's title.
  public var title: String
  /// The playbook file's fingerprint when the case began.
  public var playbookHash: String
  /// How the playbook was used.
  public var mode: CaseMode
  /// The client's name, as given.
  public var client: String?
  /// `completed`, or `interrupted` when left before the end.
  public var status: CaseStatus
  /// When the case began.
  public var started: Date
  /// When it was completed or last left.
  public var finished: Date?
  /// The path taken, in order.
  public var steps: [StepEntry]
  /// The values kept with `save`, in their written form.
  public var values: [String: String]
  /// The free notes.
  public var notes: [NoteEntry]
  /// The messages filled during the case, as filled, and each edit of one, in order; each with what
  /// was done with that text (copied, marked sent).
  public var drafts: [DraftEntry]
  /// Each timer's deadline, by the name of the duration it counts down.
  public var timers: [String: Date]
  /// The case this one was handed over from, if any.
  public var carriedFrom: String?
  /// In practice mode: the scenario and the score, right first time of the judged questions.
  public var practice: PracticeResult?
  /// In a rehearsal: each client line and the person's answer, in order.
  public var transcript: [Exchange]
  /// In a rehearsal: which parts of the plan and which talking points the person's lines reached.
  public var review: Review?

  /// One exchange of a rehearsal: what the client said, and the person's answer.
  public struct Exchange: Sendable, Hashable, Codable {
    /// The client's line.
    public var client: String
    /// The person's line.
    public var you: String
    /// When the person answered.
    public var at: Date
    /// The `:hint` uses before the line, when there were any.
    public var hints: Int?
  }

  /// What a rehearsal's lines reached, as its review says.
  public struct Review: Sendable, Hashable, Codable {
    /// The plan's parts (by label) the lines cited.
    public var planCited: [String]
    /// The plan's parts the lines never cited.
    public var planMissed: [String]
    /// The talking points the lines reached.
    public var pointsReached: [String]
    /// The talking points the lines never reached.
    public var pointsMissed: [String]
    /// Each plan part, talking point and phrase to avoid, with the line that reached or said it.
    public var criteria: [Criterion]? = nil
    /// Each client move, the person's answer to it and the suggested answer.
    public var moves: [MoveReview]? = nil
    /// The `:hint` uses in the conversation.
    public var hints: Int? = nil
    /// The simulated client's persona.
    public var persona: String? = nil
    /// Whether the client accepted the decision before the last turn.
    public var accepted: Bool? = nil

    /// One thing the review judges.
    public struct Criterion: Sendable, Hashable, Codable {
      /// `plan`, `point` or `avoid`.
      public var kind: String
      /// The part's or point's label, or the phrase to avoid's.
      public var label: String
      /// Whether it was reached (for `avoid`: whether it was said).
      public var reached: Bool
      /// The number of the line, from 1, that first reached (or said) it.
      public var line: Int?
      /// That line.
      public var said: String?
    }

    /// One client move and how it was answered.
    public struct MoveReview: Sendable, Hashable, Codable {
      /// What the client said.
      public var client: String
      /// Its mood, if given.
      public var mood: String?
      /// The person's answer, if they answered it.
      public var you: String?
      /// The suggested answer.
      public var suggest: String
      /// What the answer reached (plan parts and points, by label), or did wrong.
      public var notes: [String]
    }
  }

  /// A practice run's result.
  public struct PracticeResult: Sendable, Hashable, Codable {
    /// The scenario's name.
    public var scenario: String
    /// Questions answered as recommended at the first try.
    public var right: Int
    /// Questions judged.
    public var total: Int
  }
  /// Everything that happened, in order, undone answers included.
  public var history: [HistoryEntry]
  /// How the case ended, once it has.
  public var outcome: Outcome?
  /// What to do next: an end step's text says what comes next.
  public var nextActions: [NextAction]
  /// The step waiting for an answer, while the case is not complete.
  public var current: StepID?
  /// The question of ``current``, as the playbook words it.
  public var currentText: String?

  /// Builds the record of a case from its state.
  ///
  /// - Parameter timeZone: The zone of the case's days, from which due dates are counted.
  public init(state: CaseState, playbook: Playbook, timeZone: TimeZone) {
    format = CaseHeader.currentFormat
    self.playbook = state.header.playbook
    title = state.header.title
    playbookHash = state.header.playbookHash
    mode = state.header.mode
    client = state.header.client
    status = state.status == .running ? .interrupted : state.status
    started = state.header.started
    finished = state.stopped
    steps = Self.stepEntries(state.path, playbook: playbook)
    values = state.values.mapValues(\.description)
    notes = state.notes.map { NoteEntry(text: $0.text, step: $0.step, at: $0.at) }
    history = state.history.compactMap(Self.historyEntry)
    timers = state.timers
    transcript = Self.exchanges(in: state.history)
    if state.header.mode == .rehearse, let plan = RehearsalPlan(state, playbook: playbook) {
      review = RehearsalReview.parts(of: plan)
    }
    if let name = state.header.scenario {
      practice = PracticeJudge.score(of: state, playbook: playbook).map {
        PracticeResult(scenario: name, right: $0.right, total: $0.total)
      }
    }
    // A rehearsal's carried values are its plan, which its review reports.
    carriedFrom = state.header.mode == .rehearse ? nil : state.header.carried?.from
    drafts = DraftEntry.entries(in: state.history, edits: state.draftEdits)
    outcome = Self.reachedOutcome(of: state, playbook: playbook)
    nextActions = Self.plannedActions(after: outcome, of: state, playbook: playbook, timeZone: timeZone)
    current = state.status == .completed ? nil : state.current
    currentText = current.flatMap { playbook[$0]?.text }
  }

  // MARK: - Building from state

  /// The path taken, each step with its kind in `playbook`.
  private static func stepEntries(_ path: [CaseState.PathEntry], playbook: Playbook) -> [StepEntry] {
    path.map { entry in
      let kind = playbook[entry.step]?.kind.name ?? .unknown
      var label: String?
      if case .ask(let question)? = playbook[entry.step]?.kind, let answer = entry.answer {
        label = question.label(ofAnswer: answer)
      }
      return StepEntry(
        id: entry.step, kind: kind, text: entry.text, answer: entry.answer, at: entry.at, expired: entry.expired,
        answerLabel: label)
    }
  }

  /// A rehearsal's exchanges, in order.
  private static func exchanges(in history: [JournalEntry]) -> [Exchange] {
    history.compactMap { entry in
      if case .said(let client, let you, let at, let hints) = entry { return Exchange(client: client, you: you, at: at, hints: hints) }
      return nil
    }
  }

  /// The end step reached, once the case is complete at one the playbook still has.
  private static func reachedOutcome(of state: CaseState, playbook: Playbook) -> Outcome? {
    guard state.status == .completed, let last = state.path.last, playbook[last.step]?.isEnd == true else { return nil }
    return Outcome(
      step: last.step, text: last.text, decision: playbook[last.step]?.decision,
      handover: playbook[last.step]?.handover)
  }

  /// The actions the end step plans (its text alone when it plans none), each done or not as the
  /// history's marks last left it; none before the case ends.
  private static func plannedActions(
    after outcome: Outcome?, of state: CaseState, playbook: Playbook, timeZone: TimeZone
  ) -> [NextAction] {
    var actions: [NextAction] = []
    if let outcome, let step = playbook[outcome.step] {
      let planned = ActionSchedule.actions(of: step, in: state, calendar: .gregorian(in: timeZone))
      actions = planned.isEmpty ? [NextAction(text: outcome.text, due: nil)] : planned
    }
    // Each mark names its action by number and text: the text decides if the playbook changed since.
    var marked: [Int: String] = [:]
    for entry in state.history {
      switch entry {
      case .actionDone(let number, let text, let at):
        marked[number] = text
        if let index = Self.action(number, text, in: actions) { actions[index].done = at }
      case .actionReopened(let number, _, let text):
        if let index = Self.action(number, text ?? marked[number], in: actions) { actions[index].done = nil }
      default:
        continue
      }
    }
    return actions
  }

  /// The index of the action numbered `number` (from 1) if its text is `text`, else of the first
  /// action with that text.
  private static func action(_ number: Int, _ text: String?, in actions: [NextAction]) -> Int? {
    if actions.indices.contains(number - 1), text == nil || actions[number - 1].text == text { return number - 1 }
    return text.flatMap { text in actions.firstIndex { $0.text == text } }
  }

  private static func historyEntry(_ entry: JournalEntry) -> HistoryEntry? {
    switch entry {
    case .opened: nil
    case .answered(let step, let answer, let at, let source):
      HistoryEntry(event: source == .history ? .answeredFromHistory : .answered, step: step, text: answer, at: at)
    case .renamedClient(let client, _, let at): HistoryEntry(event: .clientRenamed, text: client, at: at)
    case .undone(let step, let at): HistoryEntry(event: .undone, step: step, at: at)
    case .noted(let text, let at): HistoryEntry(event: .noted, text: text, at: at)
    case .left(let reason, let at): HistoryEntry(event: .left, text: reason.rawValue, at: at)
    case .resumed(let at): HistoryEntry(event: .resumed, at: at)
    case .finished(let step, let at): HistoryEntry(event: .finished, step: step, at: at)
    case .attempted(let step, let answer, let at): HistoryEntry(event: .attempted, step: step, text: answer, at: at)
    case .said(_, let you, let at, _): HistoryEntry(event: .said, text: you, at: at)
    case .expired(let timer, let step, let at): HistoryEntry(event: .expired, step: step, text: timer, at: at)
    case .skipped(let timer, let at): HistoryEntry(event: .skipped, text: timer, at: at)
    case .actionDone(_, let text, let at): HistoryEntry(event: .actionDone, text: text, at: at)
    case .actionReopened(let number, let at, let text): HistoryEntry(event: .actionReopened, text: text ?? String(number), at: at)
    case .drafted, .draftCopied, .draftSent, .carried: nil
    }
  }

  /// The record as pretty-printed JSON with sorted keys and ISO 8601 times.
  public func jsonData() throws -> Data {
    try JSONText.data(of: self)
  }

  /// Reads a record from the JSON ``jsonData()`` writes.
  ///
  /// - Parameter data: The contents of a `record.json`.
  /// - Returns: The record.
  /// - Throws: `DecodingError` when the data is not such a record.
  public static func decode(_ data: Data) throws -> CaseRecord {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    return try decoder.decode(CaseRecord.self, from: data)
  }
}
