import Foundation

/// The `:` commands typed at a prompt.
extension CaseEngine {
  mutating func perform(_ command: InSessionCommand, at now: Date, asking current: StepID) -> [Effect] {
    switch command {
    case .help:
      return [.show(screen.help())] + screen.askAfterOutput(current)
    case .whereAmI:
      return [.show(Output(.info, screen.whereText()))] + screen.askAfterOutput(current)
    case .why:
      let reason = screen.explanation(of: current) ?? "This step has no reason written down."
      return [.show(Output(.explanation, reason))] + screen.askAfterOutput(current)
    case .note(let text):
      return write(.noted(text: text, at: now)) + [.show(Output(.info, "Noted."))] + screen.askAgain(current)
    case .back:
      guard let taken = state.lastAnswered else { return [.reject("Nothing to take back yet.")] + screen.askAgain(current) }
      return write(.undone(step: taken.step, at: now))
    case .quit:
      return write(.left(reason: .quit, at: now)) + [.finish(.interrupted)]
    case .save:
      return [.flush] + screen.askAgain(current)
    case .skip:
      return skip(at: now, asking: current)
    case .drafts:
      let offered = DraftHistory.latestStep(in: state)
      guard !offered.isEmpty else { return [.reject(DraftHistory.ChoiceProblem.none.message(command: "drafts", verb: "list"))] + screen.askAgain(current) }
      return [.show(screen.draftsList(offered))] + screen.askAfterOutput(current)
    case .show(let choice):
      let offered = DraftHistory.latestStep(in: state)
      guard let choice else {
        guard !offered.isEmpty else { return [.reject(DraftHistory.ChoiceProblem.none.message(command: "show", verb: "show"))] + screen.askAgain(current) }
        return [.show(screen.shownDrafts(offered, of: offered.count))] + screen.askAfterOutput(current)
      }
      switch DraftHistory.draft(choice, in: state) {
      case .success(let draft): return [.show(screen.shownDrafts([draft], of: offered.count))] + screen.askAfterOutput(current)
      case .failure(let problem): return [.reject(problem.message(command: "show", verb: "show"))] + screen.askAgain(current)
      }
    case .copy(let choice), .edit(let choice):
      let isCopy = if case .copy = command { true } else { false }
      switch DraftHistory.draft(choice, in: state) {
      case .success(let draft):
        return [isCopy ? .copyDraft(draft) : .editDraft(draft)] + screen.askAgain(current)
      case .failure(let problem):
        let verb = isCopy ? "copy" : "edit"
        return [.reject(problem.message(command: verb, verb: verb))] + screen.askAgain(current)
      }
    case .sent(let choice):
      return markSent(choice, at: now, asking: current)
    }
  }

  /// `:sent`: marks a draft as it stands as sent, once.
  private mutating func markSent(_ choice: String?, at now: Date, asking current: StepID) -> [Effect] {
    let draft: FilledDraft
    switch DraftHistory.draft(choice, in: state) {
    case .success(let found): draft = found
    case .failure(let problem):
      return [.reject(problem.message(command: "sent", verb: "mark as sent"))] + screen.askAgain(current)
    }
    if let sent = DraftHistory.sentAt(draft, in: state) {
      let name = draft.name.prefix(1).uppercased() + draft.name.dropFirst()
      let time = TimeFormatter(timeZone: calendar.timeZone).clock(sent)
      return [.reject("\(name) was marked as sent already, at \(time).")] + screen.askAgain(current)
    }
    return write(.draftSent(step: draft.step, number: draft.number, at: now))
      + [.show(Output(.info, "Marked \(draft.name) as sent."))] + screen.askAgain(current)
  }

  /// `:skip`: in practice, the soonest running wait limit runs out now, as if its time had passed.
  private mutating func skip(at now: Date, asking current: StepID) -> [Effect] {
    guard state.runsOnScenarioTime else {
      return [.reject("':skip' is for practice; here a wait limit runs on the clock.")] + screen.askAgain(current)
    }
    let running = state.timers.filter { !state.announcedTimers.contains($0.key) }
    guard let soonest = running.min(by: { $0.value < $1.value }) else {
      return [.reject("No wait limit is running.")] + screen.askAgain(current)
    }
    let effects = write(.skipped(timer: soonest.key, at: now))
    let (expired, movedOn) = expireDue(at: now)
    return movedOn ? effects + expired : effects + expired + screen.askAgain(current)
  }
}
