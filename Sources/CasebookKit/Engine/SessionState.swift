public import Foundation

/// Everything known about a running case; derived only from its journal entries.
public struct SessionState: Sendable, Hashable {
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

  /// Creates the state of a case that has not reached its first step.
  public init(header: CaseHeader) {
    self.header = header
  }

  /// The last answered question on the path, if any.
  public var lastAnswered: PathEntry? {
    path.last { $0.answer != nil }
  }
}
