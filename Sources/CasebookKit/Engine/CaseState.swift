public import Foundation

/// Everything a case is: what it runs and for whom, the path taken, the values, the timers, the
/// practice scenario and its own time. Changed only by ``CaseEngine/apply(_:)``, one journal entry
/// at a time, so a replayed journal gives back the state the case had.
public struct CaseState: Sendable, Hashable {
  /// One step on the path taken, as the record shows it.
  public struct PathEntry: Sendable, Hashable {
    /// The step.
    public var step: StepID
    /// Its text when it was reached.
    public var text: String
    /// The canonical answer, for questions.
    public var answer: String?
    /// The value the answer was read as, for questions.
    public var value: Value?
    /// When it was reached, or answered for a question.
    public var at: Date
    /// For an answer: the timers as they were before it, which taking it back restores.
    public var timersBefore: [String: Date]? = nil
    /// For an answer: the timers already announced before it.
    public var announcedBefore: Set<String>? = nil
    /// For a branch taken because a timer ran out: that timer.
    public var expired: String? = nil
  }

  /// A free note taken during the case.
  public struct Note: Sendable, Hashable {
    /// The note.
    public var text: String
    /// The step that was current.
    public var step: StepID?
    /// When it was taken.
    public var at: Date
  }

  /// The case's header.
  public var header: CaseHeader
  /// The step waiting for an answer, or `nil` once finished.
  public var current: StepID?
  /// The steps passed on the way to `current`, answered questions with their answers.
  public var path: [PathEntry] = []
  /// Every entry the case has journaled, in order, undone answers included.
  public var history: [JournalEntry] = []
  /// Where in ``history`` the person's edits of drafts (`:edit`) are; every other draft there was
  /// filled by reaching its step.
  public var draftEdits: Set<Int> = []
  /// The values kept with `save`.
  public var values: [String: Value] = [:]
  /// The notes, in order.
  public var notes: [Note] = []
  /// Where the case stands.
  public var status: CaseStatus = .running
  /// When the case was finished or last left.
  public var stopped: Date?
  /// The deadline of each running timer, by the name of the duration it counts down.
  public var timers: [String: Date] = [:]
  /// The timers whose expiry was already announced.
  public var announcedTimers: Set<String> = []
  /// In practice, how far the scenario's own time has moved past the case's start: timers run on
  /// it instead of the clock, moved on only by the scenario and by `:skip`.
  public var simulatedTime: TimeInterval = 0
  /// The scenario being practised (practice mode), whose recommended answers are judged.
  public var scenario: PracticeScenario?
  /// The time of the latest entry applied: conditions on timers are decided at it.
  public var lastEventAt: Date?
  /// Entries that reaching a step wrote by itself (a draft filled, an end reached), which the
  /// journal holds next; applying one of them again changes nothing.
  var derivedEntries: [JournalEntry] = []
  /// Journal entries that no longer fit the playbook (a step or an answer that is gone), kept in the
  /// history but not applied.
  public var unfitEntries: [JournalEntry] = []

  /// Creates the state of a case that has not reached its first step.
  public init(header: CaseHeader, scenario: PracticeScenario? = nil) {
    self.header = header
    self.scenario = scenario
  }

  /// Whether timers run on the scenario's time instead of the clock.
  public var runsOnScenarioTime: Bool { header.mode == .practice }

  /// The time timers run on at `now`: the event's time, or in practice the scenario's own time,
  /// which begins with the case and moves on only as the scenario says (or on `:skip`).
  public func timerTime(_ now: Date) -> Date {
    runsOnScenarioTime ? header.started.addingTimeInterval(simulatedTime) : now
  }

  /// The last answered question on the path, if any.
  public var lastAnswered: PathEntry? {
    path.last { $0.answer != nil }
  }
}
