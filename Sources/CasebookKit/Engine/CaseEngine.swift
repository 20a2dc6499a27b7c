public import Foundation

/// Walks a playbook: one state machine from events to effects, for every mode.
///
/// The engine does no I/O and reads no clock: the adapter passes the time with each event and
/// carries out the effects in order. ``handle(_:at:)`` is the only way in: it decides which
/// journal entries to write and ``apply(_:)``, the only code that changes the case, applies them;
/// a journal replayed is those entries folded through ``apply(_:)`` again, so a replayed case equals
/// the live one by construction.
public struct CaseEngine: Sendable {
  /// The playbook being walked.
  public let playbook: Playbook
  /// The case so far.
  public internal(set) var state: CaseState
  /// A date answer waiting to be confirmed with Enter, if one is; not part of the journaled case.
  public internal(set) var pendingReading: PendingReading?
  /// In a rehearsal, the `:hint` uses since the person's last line, journaled with the next one.
  var hintsSinceLine = 0
  let calendar: Calendar
  /// Where a new case reads its client's history (see ``ClientHistoryBook``); `nil` when replaying,
  /// since the history read is in the journal's header.
  public var historyBook: ClientHistoryBook?
  /// Reads the dates typed, in the case's language and English.
  let dates: DateReader

  /// Creates an engine for a new case; ``Event/begin`` starts it.
  ///
  /// - Parameters:
  ///   - playbook: A playbook that loaded without errors.
  ///   - header: What the case runs and for whom.
  ///   - timeZone: The zone in which days (`today`, due dates) are read.
  public init(playbook: Playbook, header: CaseHeader, timeZone: TimeZone) {
    self.playbook = playbook
    self.calendar = .gregorian(in: timeZone)
    self.dates = DateReader(language: header.language)
    self.state = CaseState(header: header, scenario: Self.scenario(named: header.scenario, in: playbook))
  }

  static func scenario(named name: String?, in playbook: Playbook) -> PracticeScenario? {
    name.flatMap { name in playbook.scenarios.first { $0.name == name } }
  }

  /// Entries that reaching a step writes by itself (an end's `finished`, a step's drafts) that the
  /// replayed journal lacks, because the process stopped between them and the entry before.
  public var unwrittenEntries: [JournalEntry] { state.derivedEntries }

  /// The text this case shows, as it stands.
  public var screen: CaseScreen { CaseScreen(playbook: playbook, state: state, timeZone: calendar.timeZone) }

  // MARK: - Events

  /// Handles one event.
  ///
  /// - Parameters:
  ///   - event: What happened.
  ///   - now: When it happened.
  /// - Returns: What the adapter must do, in order.
  public mutating func handle(_ event: Event, at now: Date) -> [Effect] {
    if state.header.mode == .rehearse { return rehearse(event, at: now) }
    switch event {
    case .begin: return write(.opened(state.header))
    case .resume: return resume(at: now)
    default: break
    }
    guard state.status == .running, let current = state.current else { return [.finish(state.status)] }
    // A reading the case has moved on from (a wait limit took it elsewhere) is dropped.
    defer { if let pending = pendingReading, !isAwaiting(pending) { pendingReading = nil } }
    switch event {
    case .tick:
      let (effects, movedOn) = expireDue(at: now)
      return movedOn ? effects : effects + screen.askAgain(current)
    case .draftEdited(let draft):
      let entry = JournalEntry.drafted(
        step: draft.step, kind: draft.kind, subject: draft.subject, text: draft.text, at: now, number: draft.number)
      let effects = write(entry) + [.show(Output(.info, "Kept your edited \(draft.kind.rawValue) draft."))] + screen.askAgain(current)
      return reasking(pendingReading, effects)
    case .draftCopied(let draft):
      return reasking(pendingReading, write(.draftCopied(step: draft.step, number: draft.number, at: now)) + screen.askAgain(current))
    case .endOfInput:
      return write(.left(reason: .endOfInput, at: now)) + [.finish(.interrupted)]
    case .interrupted:
      return write(.left(reason: .interrupted, at: now)) + [.finish(.interrupted)]
    case .input(let line):
      return input(line.trimmingWhitespace(), at: now, asking: current)
    case .begin, .resume:
      preconditionFailure("handled above")
    }
  }

  /// Picks a left case up again: shows the path so far and where each timer stands, then asks the
  /// current question, unless a timer that ran out meanwhile moved the case on.
  private mutating func resume(at now: Date) -> [Effect] {
    guard state.status != .completed, let current = state.current else {
      return [.show(Output(.info, "This case is already complete.")), .finish(state.status)]
    }
    var effects = write(.resumed(at: now))
    effects += screen.timersLeft(at: now)
    let (expired, movedOn) = expireDue(at: now)
    effects += expired
    guard !movedOn, state.status == .running else { return effects }
    return effects + screen.ask(current)
  }

  /// A typed line: a `:` command, or an answer to the question being asked. While a date's reading
  /// waits to be confirmed, Enter keeps it, other text answers again, and a command that stays at
  /// the question asks for the confirmation again; `:back` takes back the reading only, and the
  /// question is asked again.
  private mutating func input(_ text: String, at now: Date, asking current: StepID) -> [Effect] {
    let pending = pendingReading
    pendingReading = nil
    if text.hasPrefix(":") {
      if pending != nil, case .success(.back) = InSessionCommand.parse(text) {
        return [.show(Output(.info, "Took back that reading."))] + screen.ask(current)
      }
      switch InSessionCommand.parse(text) {
      case .success(let command): return reasking(pending, perform(command, at: now, asking: current))
      case .failure(let error): return reasking(pending, [.reject(error.message)] + screen.askAgain(current))
      }
    }
    if let pending, text.isEmpty { return answer(pending.canonical, at: now, asking: current) }
    if text.isEmpty, let step = playbook[current], let given = state.historyAnswer(at: step) {
      return write(.answered(step: current, answer: given.answer, at: now, source: .history))
    }
    guard case .ask(var question)? = playbook[current]?.kind else { return [] }
    if case .choices(let all) = question.answers { question.answers = .choices(state.offered(all)) }
    let civilNow = CivilDate(dateAndTime: now, in: calendar)
    switch AnswerReader.read(text, for: question, now: civilNow, dates: dates) {
    case .accepted(_, let canonical):
      return answer(canonical, at: now, asking: current)
    case .inferred(let date, let canonical):
      return [awaitConfirmation(of: date, canonical: canonical, at: current, now: civilNow)] + screen.askAgain(current)
    case .rejected(let hint):
      return [.reject(hint)] + screen.askAgain(current)
    }
  }

  /// Journals `canonical` as the answer to `current`; in practice, a wrong one is an attempt.
  private mutating func answer(_ canonical: String, at now: Date, asking current: StepID) -> [Effect] {
    let today = CivilDate(dateAndTime: now, in: calendar)
    if let feedback = PracticeJudge.feedback(
      step: current, answer: canonical, scenario: state.scenario, playbook: playbook, now: today, dates: dates)
    {
      return write(.attempted(step: current, answer: canonical, at: now)) + [.show(Output(.explanation, feedback))]
        + screen.askAgain(current)
    }
    return write(.answered(step: current, answer: canonical, at: now))
  }

  /// Keeps an inferred date waiting for Enter at `step`; returns the question that asks to confirm it.
  mutating func awaitConfirmation(of date: CivilDate, canonical: String, at step: StepID, now: CivilDate) -> Effect {
    let reading = PendingReading(
      step: step, canonical: canonical, question: screen.confirmation(of: date, now: now), pathLength: state.path.count)
    pendingReading = reading
    return .show(reading.question)
  }

  /// `effects` that end by asking `pending`'s question again, with the reading shown once more
  /// before the prompt, and kept waiting.
  private mutating func reasking(_ pending: PendingReading?, _ effects: [Effect]) -> [Effect] {
    guard let pending, isAwaiting(pending), case .ask(let prompt)? = effects.last, prompt.step == pending.step else {
      return effects
    }
    pendingReading = pending
    var effects = effects
    effects.insert(.show(pending.question), at: effects.count - 1)
    return effects
  }

  /// Whether the case still waits at the question `pending` answers, where it was read.
  private func isAwaiting(_ pending: PendingReading) -> Bool {
    state.status == .running && state.current == pending.step && state.path.count == pending.pathLength
  }

  /// Journals the timers that have run out by `now`, soonest first, until one moves the case on.
  /// - Returns: The effects, and whether the case left the question it was asking.
  mutating func expireDue(at now: Date) -> (effects: [Effect], movedOn: Bool) {
    var effects: [Effect] = []
    while let current = state.current, state.status == .running, let timer = TimerRules.firstDue(in: state, at: now) {
      let pathBefore = state.path.count
      effects += write(.expired(timer: timer, step: current, at: now))
      // The expiry branch was taken (its step joins the path), or the case ended.
      if state.path.count != pathBefore || state.status != .running { return (effects, true) }
    }
    return (effects, false)
  }

  /// Writes `entry`: its `persist` first, then what applying it shows. What reaching a step writes by
  /// itself (a draft filled, an end reached) is persisted in its place and applied too.
  mutating func write(_ entry: JournalEntry) -> [Effect] {
    var effects: [Effect] = [.persist(entry)]
    for effect in apply(entry) {
      effects.append(effect)
      if case .persist(let derived) = effect { apply(derived) }
    }
    return effects
  }

  /// Why a journal could not be replayed.
  public enum ReplayError: Error, Sendable, Hashable {
    /// The journal does not begin with its header.
    case missingHeader
    /// The journal was written by a newer Casebook.
    case newerFormat(Int)
  }
}
