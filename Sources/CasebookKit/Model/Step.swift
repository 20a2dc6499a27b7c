/// One step of a playbook: something to do, a question, or an end.
public struct Step: Sendable, Hashable {
  /// What kind of step this is, with what that kind needs.
  public enum Kind: Sendable, Hashable {
    /// Text to act on; the run then moves on to `next` by itself.
    case say(String, next: StepID)
    /// A question.
    case ask(Question)
    /// The end of the case, with what was decided and what comes next.
    case end(String)
    /// A decision without a question: the first case whose condition holds, else the default.
    case branch([BranchCase])
  }

  /// The step's identifier.
  public var id: StepID
  /// What the step does.
  public var kind: Kind
  /// A longer explanation, shown on request and in coaching.
  public var detail: String?
  /// The reason behind the step, for coaching.
  public var why: String?
  /// Where the step begins in the file.
  public var location: SourceLocation
  /// Where the step's own `next` is written, if it has one.
  public var nextLocation: SourceLocation?
  /// Messages offered at this step, filled from the case's values.
  public var drafts: [Draft] = []
  /// At an end step: what was decided, in a few words, if written apart from the end's text.
  public var decision: String?
  /// At an end step: what to do next, and by when.
  public var actions: [PlannedAction] = []
  /// A saved duration whose countdown starts when this step is reached (a wait limit).
  public var timer: String?
  /// Where the `timer` value is written, for its diagnostics.
  public var timerLocation: SourceLocation?
  /// The timers this step stops (`stop:`), when the playbook says where the waiting ends.
  public var stops: [String] = []
  /// Where the `stop` value is written, for its diagnostics.
  public var stopLocation: SourceLocation?
  /// At an end step: the playbook to hand the case over to, carrying its values.
  public var handover: String?
  /// When the step is taken: a step whose condition does not hold is passed over to its `next`.
  public var condition: Condition?
  /// Where its condition's text begins, for diagnostics.
  public var conditionLocation: SourceLocation?
  /// At a question: the history names (``HistoryName``) whose answer Casebook offers from the
  /// client's history: counts are added up (a yes/no question reads more than none as `yes`), a
  /// date question takes the latest day.
  public var fromHistory: [String] = []
  /// Where `from_history` is written, for diagnostics.
  public var fromHistoryLocation: SourceLocation?

  /// Creates a step.
  public init(
    id: StepID, kind: Kind, detail: String? = nil, why: String? = nil, location: SourceLocation,
    nextLocation: SourceLocation? = nil
  ) {
    self.nextLocation = nextLocation
    self.id = id
    self.kind = kind
    self.detail = detail
    self.why = why
    self.location = location
  }

  /// The step's main text: what to do, the question, or the outcome.
  public var text: String {
    switch kind {
    case .say(let text, _): text
    case .ask(let question): question.text
    case .end(let text): text
    case .branch(let cases): cases.map { $0.source ?? "otherwise" }.joined(separator: " / ")
    }
  }

  /// Every step this one can lead to, in the order written.
  public var successors: [StepID] {
    switch kind {
    case .say(_, let next): [next]
    case .ask(let question): question.successors
    case .end: []
    case .branch(let cases): cases.map(\.next)
    }
  }

  /// Whether this step ends the case.
  public var isEnd: Bool {
    if case .end = kind { return true }
    return false
  }
}
