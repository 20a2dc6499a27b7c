import Foundation

/// Reaching steps: passing `say` and `branch` steps, starting timers, filling drafts, and stopping at
/// a question or an end. Called only while an entry is applied.
extension CaseEngine {
  /// Enters a step, passing through `say` steps, and stops at a question or an end.
  mutating func enter(_ id: StepID, at now: Date) -> [Effect] {
    var effects: [Effect] = []
    var id = id
    var visited: Set<StepID> = []
    while let step = playbook[id], visited.insert(id).inserted {
      effects += scenarioExpiries(at: id)
      if let condition = step.condition, !state.holds(condition), let next = step.successors.first {
        // A step whose condition does not hold is passed over.
        id = next
        continue
      }
      switch step.kind {
      case .say(let text, let next):
        state.path.append(.init(step: id, text: text, at: now))
        effects.append(.show(Output(.instruction, text)))
        effects += stopTimers(step.stops)
        effects += startTimer(of: step, at: now)
        effects += screen.coaching(for: step)
        effects += drafts(of: step, at: now)
        id = next
      case .branch(let cases):
        guard let taken = cases.first(where: { $0.condition.map(state.holds) ?? true }) else { break }
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
        effects += stopTimers(step.stops)
        // A running limit that the playbook waits on somewhere, but nothing ahead any more, stops here.
        effects += stopTimers(state.timers.keys.sorted().filter { name in
          TimerRules.isTested(name, in: playbook) && !TimerRules.isAwaited(name, from: id, in: playbook)
        })
        effects += startTimer(of: step, at: now)
        // Drafts come before the question, so that the question stays next to the prompt.
        return effects + drafts(of: step, at: now) + screen.ask(id)
      case .end(let text):
        return effects + end(step, text: text, at: now)
      }
    }
    // A loop of `say` steps with no question: the loader rejects it, so this is unreachable.
    state.current = nil
    return effects + [.finish(state.status)]
  }

  private mutating func end(_ step: Step, text: String, at now: Date) -> [Effect] {
    state.path.append(.init(step: step.id, text: text, at: now))
    state.current = nil
    state.status = .completed
    state.stopped = now
    var effects = [derive(.finished(step: step.id, at: now)), .show(Output(.outcome, text))]
    effects += stopTimers(step.stops)
    // The coaching belongs to the outcome, above the next actions, not read as the last of them.
    effects += screen.coaching(for: step)
    effects += screen.nextActions(ActionSchedule.actions(of: step, in: state, calendar: calendar))
    effects += drafts(of: step, at: now)
    if let summary = PracticeJudge.summary(of: state, playbook: playbook) { effects.append(.show(Output(.info, summary))) }
    return effects + [.finish(.completed)]
  }

  /// Starts the step's timer from its saved duration, if it has one.
  private mutating func startTimer(of step: Step, at now: Date) -> [Effect] {
    guard let name = step.timer, case .duration(let seconds)? = state.values[name] else { return [] }
    let deadline = state.timerTime(now).addingTimeInterval(TimeInterval(seconds))
    state.timers[name] = deadline
    state.announcedTimers.remove(name)
    return [.show(screen.timerStarted(name, seconds: seconds, deadline: deadline))]
  }

  /// Stops the running timers among `names` (a timer that ran out already stays, with its deadline).
  private mutating func stopTimers(_ names: [String]) -> [Effect] {
    names.filter { state.timers[$0] != nil && !state.announcedTimers.contains($0) }.map { name in
      state.timers[name] = nil
      return .show(Output(.info, "\(TimerRules.title(name)) stopped."))
    }
  }

  /// In practice, the wait limits the scenario says have run out by step `id`: the scenario's time
  /// moves on to each one's deadline, and each is announced once.
  private mutating func scenarioExpiries(at id: StepID) -> [Effect] {
    guard state.runsOnScenarioTime, let scenario = state.scenario else { return [] }
    var effects: [Effect] = []
    for (timer, step) in scenario.expiries.sorted(by: { $0.key < $1.key }) where step == id {
      guard state.timers[timer] != nil, !state.announcedTimers.contains(timer) else { continue }
      skipTime(until: timer)
      state.announcedTimers.insert(timer)
      effects.append(.show(Output(.alert, "Time passes in this scenario. \(TimerRules.expiryText(of: timer, in: state))")))
    }
    return effects
  }

  /// Fills a step's drafts, journals them as filled, and shows them (folded on a small screen).
  private mutating func drafts(of step: Step, at now: Date) -> [Effect] {
    guard !step.drafts.isEmpty else { return [] }
    let values = draftValues(at: now)
    let several = step.drafts.count > 1
    let filled = step.drafts.enumerated().map { index, draft in
      FilledDraft(
        step: step.id, kind: draft.kind, subject: draft.subject.map { DraftRenderer.fill($0, with: values) },
        text: DraftRenderer.fill(draft.template, with: values), number: several ? index + 1 : nil)
    }
    let entries = filled.map { draft in
      derive(.drafted(step: step.id, kind: draft.kind, subject: draft.subject, text: draft.text, at: now, number: draft.number))
    }
    return entries + [.show(screen.draftsBlock(filled))]
  }

  /// An entry that reaching a step writes by itself: in the history now, and expected next in a
  /// journal being replayed, where it changes nothing.
  private mutating func derive(_ entry: JournalEntry) -> Effect {
    state.history.append(entry)
    state.derivedEntries.append(entry)
    return .persist(entry)
  }
}
