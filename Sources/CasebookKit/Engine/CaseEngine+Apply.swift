public import Foundation

/// Applying journal entries: the only code that changes a case. Live, an entry is applied as it
/// is written; replayed, the journal's entries are applied again in order.
extension CaseEngine {
  /// Rebuilds a case by applying its journal's entries in order.
  ///
  /// - Parameters:
  ///   - playbook: The playbook the case runs.
  ///   - entries: The journal's entries, the header first.
  ///   - timeZone: The zone in which days were read.
  /// - Throws: When the journal has no header, or a newer Casebook wrote it. Entries that no longer
  ///   fit the playbook (a step or an answer that is gone) are kept in ``CaseState/unfitEntries``.
  public init(playbook: Playbook, replaying entries: [JournalEntry], timeZone: TimeZone) throws(ReplayError) {
    guard case .opened(var header)? = entries.first else { throw .missingHeader }
    guard header.format <= CaseHeader.currentFormat else { throw .newerFormat(header.format) }
    var rest = entries.dropFirst()
    // Journals before `CaseHeader.carried` held the values the case began with in the next entry.
    if header.carried == nil, case .carried(let from, let values, _)? = rest.first {
      header.carried = CaseHeader.CarriedValues(from: from, values: values)
      rest = rest.dropFirst()
    }
    self.init(playbook: playbook, header: header, timeZone: timeZone)
    apply(.opened(header))
    for entry in rest {
      guard case .opened = entry else {
        apply(entry)
        continue
      }
      throw .missingHeader
    }
  }

  /// Applies one journal entry to the case.
  ///
  /// - Returns: What the change shows, and the entries that reaching a step writes by itself
  ///   (as ``Effect/persist(_:)``); a replay ignores them.
  @discardableResult
  public mutating func apply(_ entry: JournalEntry) -> [Effect] {
    if let derived = state.derivedEntries.first, Self.entry(entry, repeats: derived) {
      state.derivedEntries.removeFirst()
      return []
    }
    state.derivedEntries = []
    state.lastEventAt = entry.at
    state.history.append(entry)
    switch entry {
    case .opened(let header):
      return open(header)
    case .answered(let step, let text, let at, _):
      return answer(step, text, at: at, entry: entry)
    case .renamedClient(let client, _, _):
      state.header.client = client
      if playbook.inputs.contains("client") { state.values["client"] = .text(client) }
      return []
    case .undone(_, let at):
      return undo(at: at, entry: entry)
    case .noted(let text, let at):
      state.notes.append(.init(text: text, step: state.current, at: at))
      return []
    case .left(_, let at):
      state.status = .interrupted
      state.stopped = at
      return []
    case .finished(_, let at) where state.header.mode == .rehearse:
      state.status = .completed
      state.stopped = at
      return []
    case .resumed:
      if state.status == .interrupted { state.status = .running }
      return [.show(screen.heading()), .show(Output(.info, screen.whereText()))]
    case .expired(let timer, let step, let at):
      return expire(timer, at: step, time: at)
    case .skipped(let timer, _):
      skipTime(until: timer)
      return []
    case .drafted(let step, _, _, _, _, let number):
      // A draft not written by reaching its step is the person's edit of one offered before; one
      // never offered (the answer that led to it lost, as a repaired journal may be) was offered.
      let index = state.history.count - 1
      let wasOffered = state.history[..<index].contains { earlier in
        if case .drafted(step, _, _, _, _, number) = earlier { true } else { false }
      }
      if wasOffered { state.draftEdits.insert(index) }
      return []
    case .attempted, .said, .actionDone, .actionReopened, .draftCopied, .draftSent, .finished, .carried:
      // Kept in the history for the record.
      return []
    }
  }

  /// Whether `entry`, read from a journal, is `derived`, which reaching a step already wrote.
  /// (Journals from before drafts were numbered have none: such a draft matches any number.)
  static func entry(_ entry: JournalEntry, repeats derived: JournalEntry) -> Bool {
    guard case .drafted(let step, let kind, let subject, let text, let at, nil) = entry,
      case .drafted(step, kind, subject, text, at, _) = derived
    else { return entry == derived }
    return true
  }

  private mutating func open(_ header: CaseHeader) -> [Effect] {
    state.header = header
    state.scenario = Self.scenario(named: header.scenario, in: playbook)
    // A rehearsal walks no steps: its values are the plan's answers, journaled one by one.
    guard header.mode != .rehearse else { return [] }
    if let carried = header.carried {
      for (name, text) in carried.values { state.values[name] = typedValue(name, text) }
    }
    // The client's name given on the command line answers a `client` input.
    if playbook.inputs.contains("client"), let client = header.client { state.values["client"] = .text(client) }
    return [.show(screen.heading())] + enter(header.startAt ?? playbook.start, at: header.started)
  }

  /// A value given before any question, typed as this playbook saves it; dates are read from the
  /// time the case began, so `tomorrow` is the day after it (and taken as read, being given
  /// beforehand, with no one to confirm them).
  private func typedValue(_ name: String, _ text: String) -> Value {
    for step in playbook.steps {
      guard case .ask(let question) = step.kind, question.save == name else { continue }
      switch question.answers {
      case .input(let kind, _):
        if let value = kind.parse(text, now: CivilDate(dateAndTime: state.header.started, in: calendar), dates: dates) {
          return value
        }
      case .checklist:
        return .items(text == "none" ? [] : text.components(separatedBy: ", "))
      case .choices:
        return .text(text)
      }
    }
    return .text(text)
  }

  private mutating func answer(_ step: StepID, _ answer: String, at now: Date, entry: JournalEntry) -> [Effect] {
    if state.header.mode == .rehearse { return planAnswer(step, answer, at: now, entry: entry) }
    // The answer that named the client is in the header too, so replaying filled it in already.
    if state.current != step, state.path.contains(where: { $0.step == step && $0.answer == answer }),
      case .ask(let question)? = playbook[step]?.kind, question.isInput
    {
      return []
    }
    guard state.current == step, state.status == .running, case .ask(var question)? = playbook[step]?.kind else {
      state.unfitEntries.append(entry)
      return []
    }
    let asked = question
    if case .choices(let all) = question.answers { question.answers = .choices(state.offered(all)) }
    guard let value = AnswerReader.read(answer, for: question, now: CivilDate(dateAndTime: now, in: calendar), dates: dates)
      .answer?.value
    else {
      state.unfitEntries.append(entry)
      return []
    }
    // An optional input skipped with Enter saves nothing.
    let kept: Value? = asked.isOptional && answer.isEmpty ? nil : value
    state.path.append(.init(
      step: step, text: asked.text, answer: answer, value: kept, at: now, timersBefore: state.timers,
      announcedBefore: state.announcedTimers))
    if let save = asked.save, let kept { state.values[save] = kept }
    if asked.isInput, asked.save == "client", case .text(let client) = value { state.header.client = client }
    readHistory()
    let next: StepID
    switch asked.answers {
    case .choices(let choices):
      guard let choice = choices.first(where: { $0.answer == answer }) else { return [] }
      next = choice.next
    case .input(_, let target), .checklist(_, let target):
      next = target
    }
    return enter(next, at: now)
  }

  private mutating func undo(at now: Date, entry: JournalEntry) -> [Effect] {
    guard let index = state.path.lastIndex(where: { $0.answer != nil }) else {
      state.unfitEntries.append(entry)
      return []
    }
    let taken = state.path[index]
    state.path.removeSubrange(index...)
    state.values = [:]
    for entry in state.path {
      if let value = entry.value, case .ask(let question)? = playbook[entry.step]?.kind, let save = question.save {
        state.values[save] = value
      }
    }
    state.current = taken.step
    if let timers = taken.timersBefore { state.timers = timers }
    if let announced = taken.announcedBefore { state.announcedTimers = announced }
    return [.show(Output(.info, "Took back '\(taken.answer ?? "")'."))] + screen.ask(taken.step)
  }

  /// A timer ran out while `step` was asked: announced once and, when the question leads to a
  /// branch on its expiry, the case takes that branch at once.
  private mutating func expire(_ timer: String, at step: StepID, time now: Date) -> [Effect] {
    state.announcedTimers.insert(timer)
    let alert = Output(.alert, TimerRules.expiryText(of: timer, in: state))
    let current = state
    guard state.current == step, state.status == .running,
      let route = TimerRules.expiryRoute(
        from: step, timer: timer, in: playbook, offered: current.offered, holds: current.holds)
    else { return [.announce(alert)] }
    let question = playbook[step]?.text ?? step.rawValue
    state.path.append(.init(
      step: route.branch, text: "\(alert.text) before an answer to '\(question)': \(route.text)", at: now, expired: timer))
    return [.show(alert)] + enter(route.next, at: now)
  }

  /// A rehearsal's plan answer: kept on the path and in the values, as the record shows them.
  private mutating func planAnswer(_ step: StepID, _ answer: String, at now: Date, entry: JournalEntry) -> [Effect] {
    guard case .ask(let question)? = playbook[step]?.kind,
      let value = AnswerReader.read(answer, for: question, now: CivilDate(dateAndTime: now, in: calendar), dates: dates)
        .answer?.value
    else {
      state.unfitEntries.append(entry)
      return []
    }
    state.path.append(.init(step: step, text: question.text, answer: answer, value: value, at: now))
    if let name = question.save { state.values[name] = value }
    return []
  }

  /// At the first answer of a live or coached case with a client, whose playbook reads the
  /// history: the client's earlier cases, into the header, which goes to the disk with that answer.
  private mutating func readHistory() {
    guard state.header.history == nil, let book = historyBook, let client = state.header.client,
      state.header.mode == .live || state.header.mode == .coach,
      state.history.filter({ if case .answered = $0 { true } else { false } }).count == 1, playbook.readsHistory
    else { return }
    state.header.history = book.history(of: client, before: state.header.started)
  }

  /// Moves the scenario's time on to `timer`'s deadline (never back).
  mutating func skipTime(until timer: String) {
    guard let deadline = state.timers[timer] else { return }
    state.simulatedTime = max(state.simulatedTime, deadline.timeIntervalSince(state.header.started))
  }
}
