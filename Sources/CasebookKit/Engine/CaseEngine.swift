public import Foundation

/// Walks a playbook: a pure state machine from events to effects.
///
/// The engine does no I/O and reads no clock: the adapter passes the time with each event and
/// carries out the effects in order. Every change of state is announced by a ``Effect/persist(_:)``
/// before anything that follows it is shown, so a journal of those entries replays to the same state.
public struct CaseEngine: Sendable {
  /// The playbook being walked.
  public let playbook: Playbook
  /// The case so far.
  public private(set) var state: SessionState
  /// The scenario being practised, whose recommended answers are judged (practice mode).
  public var scenario: PracticeScenario?
  private let calendar: Calendar
  /// The time of the latest event, for conditions on timers.
  private var now: Date?

  /// Creates an engine for a new case; call ``begin(at:)`` next.
  ///
  /// - Parameters:
  ///   - playbook: A playbook that loaded without errors.
  ///   - header: What the case runs and for whom.
  ///   - timeZone: The zone in which `today` and `tomorrow` are read.
  public init(playbook: Playbook, header: CaseHeader, timeZone: TimeZone) {
    self.playbook = playbook
    self.state = SessionState(header: header)
    self.scenario = header.scenario.flatMap { name in playbook.scenarios.first { $0.name == name } }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// An engine positioned at `state`, to ask it questions (such as due dates) about a case.
  public init(playbook: Playbook, restoring state: SessionState, timeZone: TimeZone) {
    self.playbook = playbook
    self.state = state
    self.scenario = state.header.scenario.flatMap { name in playbook.scenarios.first { $0.name == name } }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  // MARK: - Beginning and resuming

  /// Starts a new case at the playbook's first step.
  ///
  /// - Parameter carried: A case this one takes over from, and that case's values as written.
  public mutating func begin(carrying carried: (from: String, values: [String: String])? = nil) -> [Effect] {
    var effects = [record(.opened(state.header))]
    if let carried {
      effects.append(record(.carried(from: carried.from, values: carried.values, at: state.header.started)))
      seed(carried.values)
    }
    seedInputs()
    effects.append(.show(heading()))
    effects += enter(state.header.startAt ?? playbook.start, at: state.header.started)
    return effects
  }

  /// Rebuilds a case from its journal.
  ///
  /// - Parameters:
  ///   - playbook: The playbook the case runs.
  ///   - entries: The journal's entries, the header first.
  ///   - timeZone: The zone in which dates were read.
  /// - Returns: The engine, positioned where the journal left off, and the entries that no longer
  ///   fit the playbook (a step or an answer that is gone), which were skipped.
  public static func replay(
    playbook: Playbook, entries: [JournalEntry], timeZone: TimeZone
  ) throws(ReplayError) -> (engine: CaseEngine, skipped: [JournalEntry]) {
    guard case .opened(let header)? = entries.first else { throw .missingHeader }
    guard header.format <= CaseHeader.currentFormat else { throw .newerFormat(header.format) }
    if header.mode == .rehearse, let state = Rehearsal.state(replaying: entries, playbook: playbook, timeZone: timeZone) {
      return (CaseEngine(playbook: playbook, restoring: state, timeZone: timeZone), [])
    }
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: timeZone)
    engine.state.history.append(entries[0])
    if case .carried(_, let values, _)? = entries.dropFirst().first {
      engine.state.history.append(entries[1])
      engine.seed(values)
    }
    engine.seedInputs()
    _ = engine.enter(header.startAt ?? playbook.start, at: header.started)
    var skipped: [JournalEntry] = []
    for entry in entries.dropFirst() {
      switch entry {
      case .opened:
        throw .missingHeader
      case .answered(let step, let answer, let at):
        guard engine.state.current == step, engine.state.status == .running,
          case .ask(let question)? = engine.playbook[step]?.kind,
          case .accepted(let value, let canonical) = engine.read(answer, for: question, at: at)
        else {
          // Kept in the history, so the record still shows what was answered.
          engine.state.history.append(entry)
          skipped.append(entry)
          continue
        }
        _ = engine.apply(step: step, answer: canonical, value: value, at: at)
      case .undone(_, let at):
        guard engine.state.lastAnswered != nil else {
          skipped.append(entry)
          continue
        }
        _ = engine.undo(at: at)
      case .noted(let text, let at):
        _ = engine.note(text, at: at)
      case .left(let reason, let at):
        _ = engine.leave(reason, at: at)
      case .resumed(let at):
        engine.state.history.append(.resumed(at: at))
        if engine.state.status == .interrupted { engine.state.status = .running }
      case .expired(let timer, let step, let at):
        // As when it happened: the timer is announced before the branch (which may start it again).
        let announced = engine.state.announcedTimers
        engine.state.announcedTimers.insert(timer)
        guard engine.state.current == step, engine.state.status == .running,
          engine.takeExpiryBranch(of: timer, at: step, now: at) != nil
        else {
          engine.state.announcedTimers = announced
          engine.state.history.append(entry)
          skipped.append(entry)
          continue
        }
      case .skipped(let timer, _):
        engine.state.history.append(entry)
        engine.skipTime(until: timer)
      case .attempted, .said, .actionDone, .actionReopened:
        engine.state.history.append(entry)
      case .drafted(let step, let kind, let subject, let text, _, let number):
        // Drafts are filled again on the way; an entry not among them is an edit, and is kept.
        // (Journals from before drafts were numbered have none: such an entry matches any number.)
        let refilled = engine.state.history.contains { earlier in
          guard case .drafted(step, kind, subject, text, let at, let earlierNumber) = earlier else { return false }
          return at == entry.at && (number == nil || number == earlierNumber)
        }
        if !refilled { engine.state.history.append(entry) }
      case .finished, .carried:
        // Reaching a step records its own `finished` and `drafted` entries while replaying.
        continue
      }
    }
    return (engine, skipped)
  }

  /// Why a journal could not be replayed.
  public enum ReplayError: Error, Sendable, Hashable {
    /// The journal does not begin with its header.
    case missingHeader
    /// The journal was written by a newer Casebook.
    case newerFormat(Int)
  }

  /// In practice, the feedback for an answer that is not the recommended one at a choice; `nil`
  /// when the answer is the recommended one, or there is nothing to judge.
  func practiceFeedback(step: StepID, answer: String) -> String? {
    guard let scenario, let recommended = scenario.answers[step],
      case .ask(let question)? = playbook[step]?.kind, case .choices = question.answers,
      recommended.lowercased() != answer.lowercased()
    else { return nil }
    let feedback = scenario.feedback[step]?[answer] ?? scenario.feedback[step]?["other"]
    return (feedback ?? "That is not the answer this scenario calls for.") + "\nTry again."
  }

  /// Right first time at each judged question on the path.
  public var practiceScore: (right: Int, total: Int)? {
    guard let scenario else { return nil }
    let missed = Set(state.history.compactMap { if case .attempted(let step, _, _) = $0 { step } else { nil } })
    let judged = state.path.filter { entry in
      guard entry.answer != nil, scenario.answers[entry.step] != nil,
        case .ask(let question)? = playbook[entry.step]?.kind, case .choices = question.answers
      else { return false }
      return true
    }.map(\.step)
    return (judged.filter { !missed.contains($0) }.count, judged.count)
  }

  private func practiceSummary() -> String? {
    guard let scenario, let score = practiceScore else { return nil }
    var lines = ["Practice '\(scenario.name)': right first time \(score.right) of \(score.total)."]
    for entry in state.path where entry.answer != nil {
      guard let recommended = scenario.answers[entry.step] else { continue }
      let tries = state.history.filter { if case .attempted(entry.step, _, _) = $0 { true } else { false } }.count
      let note = tries == 0 ? "" : " (after \(tries) other answer\(tries == 1 ? "" : "s"))"
      lines.append("  [\(entry.step)] \(entry.answer ?? "") — recommended: \(recommended)\(note)")
    }
    return lines.joined(separator: "\n")
  }

  /// Takes over values written by another case, typed as this playbook saves them.
  private mutating func seed(_ values: [String: String]) {
    for (name, text) in values {
      state.values[name] = typedValue(name, text)
    }
  }

  private func typedValue(_ name: String, _ text: String) -> Value {
    for step in playbook.steps {
      guard case .ask(let question) = step.kind, question.save == name else { continue }
      switch question.answers {
      case .input(let kind, _):
        if let value = kind.parse(text, today: startDay) { return value }
      case .checklist:
        return .items(text == "none" ? [] : text.components(separatedBy: ", "))
      case .choices:
        return .text(text)
      }
    }
    return .text(text)
  }

  /// The day the case began, in its zone: values given before any question (`--set`, a scenario's
  /// presets, a handed-over case's values) are read from it, so `tomorrow` is the day after it.
  var startDay: CivilDate { CivilDate(state.header.started, in: calendar) }

  /// The client's name given on the command line answers a `client` input.
  private mutating func seedInputs() {
    if playbook.inputs.contains("client"), let client = state.header.client { state.values["client"] = .text(client) }
  }

  /// Picks a left case up again: shows the path so far and asks the current question.
  public mutating func resume(at now: Date) -> [Effect] {
    guard state.status != .completed, let current = state.current else {
      return [.show(Output(.info, "This case is already complete.")), .finish(state.status)]
    }
    state.status = .running
    self.now = now
    var effects = [record(.resumed(at: now))]
    effects.append(.show(heading()))
    effects.append(.show(Output(.info, whereText())))
    // The timers kept counting while the case was away: say where each stands.
    let clock = TimeFormatter(timeZone: calendar.timeZone)
    let timerNow = timerTime(now)
    for (name, deadline) in state.timers.sorted(by: { $0.value < $1.value }) where deadline > timerNow {
      let left = Int(deadline.timeIntervalSince(timerNow).rounded(.up))
      effects.append(.show(Output(.info, "\(Self.timerTitle(name)): \(Value.duration(seconds: left)) left, until \(clock.clock(deadline)).")))
    }
    let expired = expireTimers()
    effects += expired
    // The expiry branch, when taken, asks its own question (or ends the case).
    guard !expired.contains(where: { if case .ask = $0 { true } else { false } }), state.status == .running
    else { return effects }
    effects += ask(current)
    return effects
  }

  // MARK: - Events

  /// Handles one event.
  ///
  /// - Parameters:
  ///   - event: What happened.
  ///   - now: When it happened.
  /// - Returns: What the adapter must do, in order.
  public mutating func handle(_ event: Event, at now: Date) -> [Effect] {
    guard state.status == .running, let current = state.current else {
      return [.finish(state.status)]
    }
    self.now = now
    switch event {
    case .tick:
      return expireTimers()
    case .draftEdited(let draft):
      var effects = [
        record(.drafted(step: draft.step, kind: draft.kind, subject: draft.subject, text: draft.text, at: now, number: draft.number))
      ]
      effects.append(.show(Output(.info, "Kept your edited \(draft.kind.rawValue) draft.")))
      return effects + askAgain(current)
    case .endOfInput:
      return leave(.endOfInput, at: now)
    case .interrupted:
      return leave(.interrupted, at: now)
    case .input(let line):
      let trimmed = line.trimmingWhitespace()
      if trimmed.hasPrefix(":") {
        switch InSessionCommand.parse(trimmed) {
        case .success(let command): return perform(command, at: now)
        case .failure(let error): return [.reject(error.message)] + askAgain(current)
        }
      }
      guard case .ask(let question)? = playbook[current]?.kind else { return [] }
      switch read(trimmed, for: question, at: now) {
      case .accepted(let value, let canonical):
        if let feedback = practiceFeedback(step: current, answer: canonical) {
          return [record(.attempted(step: current, answer: canonical, at: now)), .show(Output(.explanation, feedback))]
            + askAgain(current)
        }
        return apply(step: current, answer: canonical, value: value, at: now)
      case .rejected(let hint):
        return [.reject(hint)] + askAgain(current)
      }
    }
  }

  private mutating func perform(_ command: InSessionCommand, at now: Date) -> [Effect] {
    guard let current = state.current else { return [] }
    switch command {
    case .help:
      let summaries = InSessionCommand.summaries.filter { state.header.mode == .practice || $0.name != ":skip" }
      let width = summaries.map(\.name.count).max() ?? 0
      let lines = summaries.map { entry in
        "  \(entry.name)\(String(repeating: " ", count: width - entry.name.count))  \(entry.summary)"
      }
      var answering = "Answer with the word or its number; a unique first letter is enough."
      if state.header.mode == .live { answering += "\nAt a terminal, a choice's number or unshared first letter answers at once, without Enter." }
      return [.show(Output(.info, (["Commands:"] + lines + [answering]).joined(separator: "\n")))] + askAgain(current)
    case .whereAmI:
      return [.show(Output(.info, whereText()))] + askAgain(current)
    case .why:
      return [.show(Output(.explanation, explanation(of: current) ?? "This step has no reason written down."))]
        + askAgain(current)
    case .note(let text):
      return note(text, at: now) + [.show(Output(.info, "Noted."))] + askAgain(current)
    case .back:
      guard state.lastAnswered != nil else {
        return [.reject("Nothing to take back yet.")] + askAgain(current)
      }
      return undo(at: now)
    case .quit:
      return leave(.quit, at: now)
    case .save:
      return [.flush] + askAgain(current)
    case .skip:
      return skip(at: now)
    case .copy(let choice), .edit(let choice):
      let verb = if case .copy = command { "copy" } else { "edit" }
      switch draft(choice) {
      case .success(let draft):
        if case .copy = command { return [.copyDraft(draft)] + askAgain(current) }
        return [.editDraft(draft)] + askAgain(current)
      case .failure(let problem):
        return [.reject(problem.message(verb: verb))] + askAgain(current)
      }
    }
  }

  // MARK: - Changes of state

  private mutating func apply(step: StepID, answer: String, value: Value, at now: Date) -> [Effect] {
    guard case .ask(let question)? = playbook[step]?.kind else { return [] }
    var effects = [record(.answered(step: step, answer: answer, at: now))]
    state.path.append(.init(step: step, text: question.text, answer: answer, value: value, at: now))
    if let save = question.save { state.values[save] = value }
    if question.isInput, question.save == "client", case .text(let client) = value { state.header.client = client }
    let next: StepID
    switch question.answers {
    case .choices(let choices):
      guard let choice = choices.first(where: { $0.answer == answer }) else { return effects }
      next = choice.next
    case .input(_, let target), .checklist(_, let target):
      next = target
    }
    effects += enter(next, at: now)
    return effects
  }

  private mutating func undo(at now: Date) -> [Effect] {
    guard let index = state.path.lastIndex(where: { $0.answer != nil }) else { return [] }
    let taken = state.path[index]
    state.path.removeSubrange(index...)
    state.values = [:]
    for entry in state.path {
      if let value = entry.value, case .ask(let question)? = playbook[entry.step]?.kind, let save = question.save {
        state.values[save] = value
      }
    }
    state.current = taken.step
    var effects = [record(.undone(step: taken.step, at: now))]
    effects.append(.show(Output(.info, "Took back '\(taken.answer ?? "")'.")))
    effects += ask(taken.step)
    return effects
  }

  private mutating func note(_ text: String, at now: Date) -> [Effect] {
    state.notes.append(.init(text: text, step: state.current, at: now))
    return [record(.noted(text: text, at: now))]
  }

  private mutating func leave(_ reason: JournalEntry.LeaveReason, at now: Date) -> [Effect] {
    state.status = .interrupted
    state.stopped = now
    return [record(.left(reason: reason, at: now)), .finish(.interrupted)]
  }

  private func holds(_ condition: Condition) -> Bool {
    ConditionEvaluator.holds(condition, in: state.values, timers: state.timers, now: now.map(timerTime))
  }

  // MARK: - Practice time

  /// The time timers run on: the event's time, or in practice the scenario's own time, which
  /// begins with the case and moves on only as the scenario says (or on `:skip`).
  private func timerTime(_ now: Date) -> Date {
    guard state.header.mode == .practice else { return now }
    return state.header.started.addingTimeInterval(state.simulatedTime)
  }

  /// Moves the scenario's time on to `timer`'s deadline (never back).
  mutating func skipTime(until timer: String) {
    guard let deadline = state.timers[timer] else { return }
    state.simulatedTime = max(state.simulatedTime, deadline.timeIntervalSince(state.header.started))
  }

  /// `:skip`: in practice, the soonest running wait limit runs out now, as if its time had passed.
  private mutating func skip(at now: Date) -> [Effect] {
    guard let current = state.current else { return [] }
    guard state.header.mode == .practice else {
      return [.reject("':skip' is for practice; here a wait limit runs on the clock.")] + askAgain(current)
    }
    let running = state.timers.filter { !state.announcedTimers.contains($0.key) }
    guard let soonest = running.min(by: { $0.value < $1.value }) else {
      return [.reject("No wait limit is running.")] + askAgain(current)
    }
    var effects = [record(.skipped(timer: soonest.key, at: now))]
    skipTime(until: soonest.key)
    let expired = expireTimers()
    effects += expired
    let movedOn = expired.contains { effect in
      switch effect {
      case .ask, .finish: true
      default: false
      }
    }
    return movedOn ? effects : effects + askAgain(current)
  }

  /// In practice, the wait limits the scenario says have run out by step `id`: the scenario's time
  /// moves on to each one's deadline, and each is announced once.
  private mutating func scenarioExpiries(at id: StepID) -> [Effect] {
    guard state.header.mode == .practice, let scenario else { return [] }
    var effects: [Effect] = []
    for (timer, step) in scenario.expiries.sorted(by: { $0.key < $1.key }) where step == id {
      guard state.timers[timer] != nil, !state.announcedTimers.contains(timer) else { continue }
      skipTime(until: timer)
      state.announcedTimers.insert(timer)
      effects.append(.show(Output(.alert, "Time passes in this scenario. \(expiryText(of: timer))")))
    }
    return effects
  }

  /// The draft filled most recently (as last edited).
  public var latestDraft: FilledDraft? {
    for entry in state.history.reversed() {
      if case .drafted(let step, let kind, let subject, let text, _, let number) = entry {
        return FilledDraft(step: step, kind: kind, subject: subject, text: text, number: number)
      }
    }
    return nil
  }

  /// The drafts of the step that offered a draft last, each as last edited, in their order.
  public var latestStepDrafts: [FilledDraft] {
    guard let step = latestDraft?.step else { return [] }
    var byNumber: [Int: FilledDraft] = [:]
    for case .drafted(step, let kind, let subject, let text, _, let number) in state.history {
      byNumber[number ?? 1] = FilledDraft(step: step, kind: kind, subject: subject, text: text, number: number)
    }
    return byNumber.keys.sorted().compactMap { byNumber[$0] }
  }

  /// Why `:copy` or `:edit` found no draft.
  enum DraftChoiceProblem: Error {
    case none
    case unknown(String, offered: [FilledDraft])

    func message(verb: String) -> String {
      switch self {
      case .none: return "There is no draft yet to \(verb)."
      case .unknown(let choice, let offered):
        let list = offered.map { "\($0.number ?? 1) (\($0.kind.rawValue))" }.joined(separator: ", ")
        return "No draft '\(choice)' here. Type :\(verb) with a number or a kind: \(list)."
      }
    }
  }

  /// The draft `:copy` or `:edit` means: the latest without `choice`; else, among the latest step's
  /// drafts, the one with that number or the first of that kind (`email`, `text`, …).
  func draft(_ choice: String?) -> Result<FilledDraft, DraftChoiceProblem> {
    guard let latest = latestDraft else { return .failure(.none) }
    guard let choice = choice?.lowercased(), !choice.isEmpty else { return .success(latest) }
    let offered = latestStepDrafts
    if let number = Int(choice), let found = offered.first(where: { ($0.number ?? 1) == number }) { return .success(found) }
    if let found = offered.first(where: { $0.kind.rawValue == choice }) { return .success(found) }
    return .failure(.unknown(choice, offered: offered))
  }

  /// Announces each timer that has run out since the last look, once. When the question being
  /// asked leads to a branch on that timer's expiry, the case takes that branch at once.
  private mutating func expireTimers() -> [Effect] {
    guard let now = now else { return [] }
    let timerNow = timerTime(now)
    var effects: [Effect] = []
    for (name, deadline) in state.timers.sorted(by: { $0.value < $1.value })
    where deadline <= timerNow && !state.announcedTimers.contains(name) {
      state.announcedTimers.insert(name)
      effects.append(.show(Output(.alert, expiryText(of: name))))
      if let current = state.current, let taken = takeExpiryBranch(of: name, at: current, now: now) {
        return effects + taken
      }
    }
    return effects
  }

  /// Leaves the unanswered question `step` for the branch its timer's expiry leads to, or returns
  /// `nil` when no such branch is reachable from it.
  private mutating func takeExpiryBranch(of timer: String, at step: StepID, now: Date) -> [Effect]? {
    self.now = now
    guard let route = expiryRoute(from: step, timer: timer) else { return nil }
    var effects = [record(.expired(timer: timer, step: step, at: now))]
    let question = playbook[step]?.text ?? step.rawValue
    state.path.append(.init(step: route.branch, text: "\(expiryText(of: timer)) before an answer to '\(question)': \(route.text)", at: now))
    effects += enter(route.next, at: now)
    return effects
  }

  /// Where a timer's expiry leads from the question `id`: the first branch case that tests
  /// `TIMER expired` and holds now, among the branches its answers reach through `say` and `branch`
  /// steps without asking anything else.
  func expiryRoute(from id: StepID, timer: String) -> (branch: StepID, text: String, next: StepID)? {
    guard case .ask(let question)? = playbook[id]?.kind else { return nil }
    var queue: [StepID]
    switch question.answers {
    case .choices(let choices): queue = offered(choices).map(\.next)
    case .input(_, let next), .checklist(_, let next): queue = [next]
    }
    var seen: Set<StepID> = [id]
    while !queue.isEmpty {
      let candidate = queue.removeFirst()
      guard seen.insert(candidate).inserted, let step = playbook[candidate] else { continue }
      switch step.kind {
      case .say(_, let next):
        queue.append(next)
      case .branch(let cases):
        for branchCase in cases {
          guard let condition = branchCase.condition, Self.condition(condition, awaitsExpiryOf: timer), holds(condition)
          else { continue }
          return (candidate, branchCase.source.map { "when \($0)" } ?? "otherwise", branchCase.next)
        }
        queue += cases.map(\.next)
      case .ask, .end:
        continue
      }
    }
    return nil
  }

  /// Whether `condition` turns true when `timer` runs out: it tests `timer expired` other than
  /// under a `not`.
  static func condition(_ condition: Condition, awaitsExpiryOf timer: String) -> Bool {
    switch condition {
    case .expired(let name, _): name == timer
    case .and(let left, let right), .or(let left, let right):
      Self.condition(left, awaitsExpiryOf: timer) || Self.condition(right, awaitsExpiryOf: timer)
    case .not, .compare, .truth: false
    }
  }

  /// `Wait limit of 15m reached`.
  private func expiryText(of timer: String) -> String {
    "\(Self.timerTitle(timer)) of \(state.values[timer]?.description ?? "") reached"
  }

  static func timerTitle(_ name: String) -> String {
    let words = name.split(separator: "_").joined(separator: " ")
    return words.prefix(1).uppercased() + words.dropFirst()
  }

  /// Starts the step's timer from its saved duration, if it has one.
  private mutating func startTimer(of step: Step, at now: Date) -> [Effect] {
    guard let name = step.timer, case .duration(let seconds)? = state.values[name] else { return [] }
    let deadline = timerTime(now).addingTimeInterval(TimeInterval(seconds))
    state.timers[name] = deadline
    state.announcedTimers.remove(name)
    var text = "\(Self.timerTitle(name)) started: \(Value.duration(seconds: seconds)), until \(TimeFormatter(timeZone: calendar.timeZone).clock(deadline))."
    if state.header.mode == .practice {
      text += " In practice, time passes as the scenario says; :skip lets it run out now."
    }
    return [.show(Output(.info, text))]
  }

  /// Enters a step, passing through `say` steps, and stops at a question or an end.
  private mutating func enter(_ id: StepID, at now: Date) -> [Effect] {
    var effects: [Effect] = []
    var id = id
    var visited: Set<StepID> = []
    self.now = now
    while let step = playbook[id], visited.insert(id).inserted {
      effects += scenarioExpiries(at: id)
      if let condition = step.condition, !holds(condition), let next = step.successors.first {
        // A step whose condition does not hold is passed over.
        id = next
        continue
      }
      switch step.kind {
      case .say(let text, let next):
        state.path.append(.init(step: id, text: text, at: now))
        effects.append(.show(Output(.instruction, text)))
        effects += startTimer(of: step, at: now)
        effects += coaching(for: step)
        effects += drafts(of: step, at: now)
        id = next
      case .branch(let cases):
        let taken = cases.first { $0.condition.map(holds) ?? true }
        guard let taken else { break }
        state.path.append(.init(step: id, text: taken.source.map { "when \($0)" } ?? "otherwise", at: now))
        id = taken.next
      case .ask(let question):
        if question.isInput, let name = question.save, let known = state.values[name],
          case .input(_, let next) = question.answers
        {
          // An input given on the command line is not asked again.
          state.path.append(.init(step: id, text: question.text, answer: known.description, value: known, at: now))
          id = next
          continue
        }
        state.current = id
        effects += startTimer(of: step, at: now)
        // Drafts come before the question, so that the question stays next to the prompt.
        return effects + drafts(of: step, at: now) + ask(id)
      case .end(let text):
        state.path.append(.init(step: id, text: text, at: now))
        state.current = nil
        state.status = .completed
        state.stopped = now
        effects.append(record(.finished(step: id, at: now)))
        effects.append(.show(Output(.outcome, text)))
        let actions = plannedActions(of: step)
        if !actions.isEmpty {
          let lines = actions.map { "  - \($0.text)" + ($0.due.map { " (by \($0))" } ?? "") }
          effects.append(.show(Output(.outcome, (["Next:"] + lines).joined(separator: "\n"))))
        }
        effects += coaching(for: step)
        effects += drafts(of: step, at: now)
        if let summary = practiceSummary() { effects.append(.show(Output(.info, summary))) }
        effects.append(.finish(.completed))
        return effects
      }
    }
    // A loop of `say` steps with no question: the loader rejects it, so this is unreachable.
    state.current = nil
    return effects + [.finish(state.status)]
  }

  /// An end step's actions with their due dates, counted from a saved date or the case's first day.
  public func plannedActions(of step: Step) -> [CaseRecord.NextAction] {
    let firstDay = CivilDate(state.header.started, in: calendar)
    return step.actions.map { action in
      var base: CivilDate? = firstDay
      if let from = action.from {
        if case .date(let date)? = state.values[from] { base = date } else { base = nil }
      }
      let due = action.withinDays.flatMap { days in base.map { day in
        var date = day.adding(days: days)
        date.minuteOfDay = nil
        return date.description
      } }
      return CaseRecord.NextAction(text: action.text, due: due)
    }
  }

  /// Fills a step's drafts, journals them as filled, and shows them.
  private mutating func drafts(of step: Step, at now: Date) -> [Effect] {
    guard !step.drafts.isEmpty else { return [] }
    var values = state.values.mapValues(\.description)
    values["client"] = state.header.client ?? ""
    values["title"] = playbook.title
    var effects: [Effect] = []
    let several = step.drafts.count > 1
    for (index, draft) in step.drafts.enumerated() {
      let subject = draft.subject.map { DraftRenderer.fill($0, with: values) }
      let text = DraftRenderer.fill(draft.template, with: values)
      let number = several ? index + 1 : nil
      effects.append(record(.drafted(step: step.id, kind: draft.kind, subject: subject, text: text, at: now, number: number)))
      let which = several ? " \(index + 1) of \(step.drafts.count)" : ""
      let how = several ? ":copy \(index + 1)" : ":copy"
      var block = "--- \(draft.kind.rawValue) draft\(which), ready to copy (\(how)) ---\n"
      if let subject { block += "Subject: \(subject)\n\n" }
      block += text.hasSuffix("\n") ? text : text + "\n"
      let gaps = FilledDraft(step: step.id, kind: draft.kind, subject: subject, text: text).gaps
      block += gaps.isEmpty ? "--- end of draft ---" : "--- end of draft; fill in before sending: \(gaps.joined(separator: ", ")) ---"
      effects.append(.show(Output(.draft, block)))
    }
    return effects
  }

  private mutating func record(_ entry: JournalEntry) -> Effect {
    state.history.append(entry)
    return .persist(entry)
  }

  // MARK: - Reading answers

  enum Reading: Equatable {
    case accepted(Value, canonical: String)
    case rejected(String)
  }

  func read(_ text: String, for question: Question, at now: Date) -> Reading {
    var question = question
    if case .choices(let all) = question.answers { question.answers = .choices(offered(all)) }
    return Self.read(text, for: question, today: CivilDate(now, in: calendar))
  }

  /// Reads `text` as an answer to `question`, whose choices are all offered; dates are read from
  /// `today`.
  static func read(_ text: String, for question: Question, today: CivilDate) -> Reading {
    switch question.answers {
    case .choices(let choices):
      let accepted = Self.acceptedAnswers(choices)
      guard !text.isEmpty else { return .rejected("Type an answer: \(accepted).") }
      if let choice = Self.match(text, in: choices) {
        return .accepted(.text(choice.answer), canonical: choice.answer)
      }
      return .rejected("'\(text)' is not an answer here. Type \(accepted).")
    case .checklist(let items, _):
      let words = text.split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
      let accepted = "the numbers or words of the items that apply, e.g. 1 3, or none"
      guard !words.isEmpty else { return .rejected("Type \(accepted).") }
      if words.count == 1, words[0].lowercased() == "none" { return .accepted(.items([]), canonical: "none") }
      var ticked: Set<String> = []
      for word in words {
        guard let item = Self.match(word, in: items) else {
          return .rejected("'\(word)' is not an item here. Type \(accepted).")
        }
        ticked.insert(item.answer)
      }
      let ordered = items.map(\.answer).filter { ticked.contains($0) }
      return .accepted(.items(ordered), canonical: Value.items(ordered).description)
    case .input(let kind, _):
      guard let value = kind.parse(text, today: today) else {
        let what = text.isEmpty ? "An answer is needed" : "'\(text)' is not understood"
        return .rejected("\(what): \(kind.hint).")
      }
      return .accepted(value, canonical: value.description)
    }
  }

  /// The choices whose condition holds now; all of them if none does, so a question always has answers.
  func offered(_ choices: [Choice]) -> [Choice] {
    let open = choices.filter { $0.condition.map(holds) ?? true }
    return open.isEmpty ? choices : open
  }

  /// The choice `text` names: its number, its word, its label, or a unique start of its word.
  static func match<Answer: AnswerWord>(_ text: String, in choices: [Answer]) -> Answer? {
    let lowered = text.lowercased()
    if let number = Int(lowered), choices.indices.contains(number - 1) { return choices[number - 1] }
    if let exact = choices.first(where: { $0.answer.lowercased() == lowered }) { return exact }
    if let label = choices.first(where: { $0.label?.lowercased() == lowered }) { return label }
    let starts = choices.filter { $0.answer.lowercased().hasPrefix(lowered) }
    return starts.count == 1 ? starts[0] : nil
  }

  static func acceptedAnswers(_ choices: [Choice]) -> String {
    let words = choices.map(\.answer)
    let list =
      words.count <= 2
      ? words.joined(separator: " or ")
      : words.dropLast().joined(separator: ", ") + " or " + (words.last ?? "")
    return "\(list) (or 1-\(choices.count))"
  }

  // MARK: - Showing

  private func ask(_ id: StepID) -> [Effect] {
    guard let step = playbook[id], case .ask(let question) = step.kind else { return [] }
    var effects: [Effect] = [.show(Output(.question, question.text))]
    effects += coaching(for: step)
    let answers: [String]
    var singleKeys: [Character: String] = [:]
    switch question.answers {
    case .choices(let all):
      let choices = offered(all)
      if state.header.mode == .live { singleKeys = Self.singleKeys(for: choices) }
      let width = choices.map(\.answer.count).max() ?? 0
      let lines = choices.enumerated().map { index, choice in
        let label = choice.label.map { String(repeating: " ", count: width - choice.answer.count) + "  \($0)" } ?? ""
        return "  \(index + 1) \(choice.answer)\(label)"
      }
      effects.append(.show(Output(.choices, lines.joined(separator: "\n"))))
      answers = choices.map(\.answer)
    case .input(let kind, _):
      effects.append(.show(Output(.choices, "  (\(kind.hint))")))
      answers = []
    case .checklist(let items, _):
      let width = items.map(\.answer.count).max() ?? 0
      var lines = items.enumerated().map { index, item in
        let label = item.label.map { String(repeating: " ", count: width - item.answer.count) + "  \($0)" } ?? ""
        return "  \(index + 1) [ ] \(item.answer)\(label)"
      }
      lines.append("  (tick any: type their numbers or words, e.g. 1 3; or none)")
      effects.append(.show(Output(.choices, lines.joined(separator: "\n"))))
      answers = items.map(\.answer) + ["none"]
    }
    // Practice runs on the scenario's time: no countdown to a real deadline.
    let deadline = state.header.mode == .practice
      ? nil : state.timers.filter { !state.announcedTimers.contains($0.key) }.values.min()
    let commands = state.header.mode == .practice ? InSessionCommand.practiceNames : InSessionCommand.names
    let prompt = Prompt(
      step: id, completions: answers + commands, text: "> ", deadline: deadline, singleKeys: singleKeys)
    return effects + [.ask(prompt)]
  }

  /// The keys that name one choice beyond doubt: its number, when there are at most nine and no
  /// answer starts with a digit, and the first letter of an answer no other answer starts with.
  public static func singleKeys(for choices: [Choice]) -> [Character: String] {
    var keys: [Character: String] = [:]
    let firsts = choices.compactMap { $0.answer.lowercased().first }
    if choices.count <= 9, !firsts.contains(where: \.isNumber) {
      for (index, choice) in choices.enumerated() { keys[Character(String(index + 1))] = choice.answer }
    }
    for choice in choices {
      guard let first = choice.answer.lowercased().first, first.isASCII, first.isLetter,
        firsts.filter({ $0 == first }).count == 1
      else { continue }
      keys[first] = choice.answer
    }
    return keys
  }

  /// The prompt for the question being asked now, with the soonest timer not yet announced: what
  /// a line editor should show after announcing one timer while another still runs.
  public var currentPrompt: Prompt? {
    guard state.status == .running, let current = state.current, case .ask(let prompt)? = ask(current).last else { return nil }
    return prompt
  }

  private func askAgain(_ id: StepID) -> [Effect] {
    guard let prompt = ask(id).last else { return [] }
    return [prompt]
  }

  private func coaching(for step: Step) -> [Effect] {
    guard state.header.mode == .coach, let text = explanation(of: step.id) else { return [] }
    return [.show(Output(.explanation, text))]
  }

  private func explanation(of id: StepID) -> String? {
    guard let step = playbook[id] else { return nil }
    let parts = [step.detail, step.why.map { "Why: \($0)" }].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: "\n")
  }

  private func heading() -> Output {
    var text = playbook.title
    if let client = state.header.client { text += " · client: \(client)" }
    text += "\nAnswer with a word or its number. :help lists commands."
    return Output(.heading, text)
  }

  /// The path so far and the current step, as `:where` and resuming show them.
  public func whereText() -> String {
    var lines = ["Path so far:"]
    if state.path.isEmpty { lines.append("  (nothing yet)") }
    for (index, entry) in state.path.enumerated() {
      let answer = entry.answer.map { " -> \($0)" } ?? ""
      lines.append("  \(index + 1). [\(entry.step)] \(entry.text)\(answer)")
    }
    if let current = state.current, let step = playbook[current] {
      lines.append("Now: [\(current)] \(step.text)")
    }
    return lines.joined(separator: "\n")
  }
}
