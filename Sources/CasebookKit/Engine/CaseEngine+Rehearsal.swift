import Foundation

/// Rehearsal, a mode of the same machine: first the conversation plan (the answers the playbook's
/// `prepare` names), then a conversation in which Casebook plays the client with the playbook's
/// replies, in an order drawn from the set-up's seed, and the person answers in their own words.
extension CaseEngine {
  private var plan: RehearsalPlan? { RehearsalPlan(state, playbook: playbook) }
  private var asksPlan: Bool { state.header.rehearsal?.asksPlan ?? false }

  mutating func rehearse(_ event: Event, at now: Date) -> [Effect] {
    switch event {
    case .begin:
      return beginRehearsal()
    case .input(let line):
      guard state.status == .running else { return [.finish(state.status)] }
      return rehearsalLine(line.trimmingWhitespace(), at: now)
    case .endOfInput, .interrupted:
      guard state.status == .running else { return [.finish(state.status)] }
      return endRehearsal(leaving: true, at: now)
    case .tick, .draftEdited, .draftCopied:
      return rehearsalPrompt()
    case .resume:
      return [.show(Output(.info, "A rehearsal cannot be resumed; start another.")), .finish(state.status)]
    }
  }

  /// Journals the header and the plan's answers known beforehand, then shows the plan's first
  /// question, or the plan and the client's first line.
  private mutating func beginRehearsal() -> [Effect] {
    let started = state.header.started
    var effects = write(.opened(state.header))
    let known = state.header.carried?.values ?? [:]
    for item in plan?.items ?? [] {
      // Given beforehand, a date is taken as read: there is no one to confirm it.
      guard let name = item.question.save, let text = known[name],
        let canonical = AnswerReader.read(
          text, for: item.question, now: CivilDate(dateAndTime: started, in: calendar), dates: dates
        ).answer?.canonical
      else { continue }
      effects += write(.answered(step: item.step, answer: canonical, at: started))
    }
    guard let plan else { return effects + [.finish(state.status)] }
    effects.append(.show(Output(.info, "Rehearsing: \(playbook.title)")))
    if let source = state.header.rehearsal?.planSource, !plan.items.isEmpty {
      let change = asksPlan ? " :plan prepares it again." : ""
      effects.append(.show(Output(.info, "The plan's answers come from case \(source).\(change)")))
    }
    if !asksPlan, !plan.unpreparedNames.isEmpty {
      let names = plan.unpreparedNames.map { "--set \($0)=…" }.joined(separator: " ")
      effects.append(.show(Output(.info, "Part of the plan is not prepared: give it with \(names), or --from CASE.")))
    } else if plan.nextItem(asking: asksPlan) != nil {
      effects.append(.show(Output(.info, "\nFirst, the conversation plan. :hint helps, :quit ends.")))
    }
    return effects + rehearsalStep(at: started)
  }

  /// One line: a command, an answer to the plan's next question (Enter keeps a date's reading
  /// waiting to be confirmed), or an answer to the client.
  private mutating func rehearsalLine(_ text: String, at now: Date) -> [Effect] {
    guard let plan else { return [.finish(state.status)] }
    let pending = pendingReading.flatMap { $0.step == plan.nextItem(asking: asksPlan)?.step ? $0 : nil }
    pendingReading = nil
    if let pending, text.isEmpty {
      return write(.answered(step: pending.step, answer: pending.canonical, at: now)) + rehearsalStep(at: now)
    }
    switch text.lowercased() {
    case ":quit", ":q":
      return endRehearsal(leaving: true, at: now)
    case ":hint", ":h":
      if let item = plan.nextItem(asking: asksPlan) {
        return [.show(Output(.info, "  Suggestion: \(item.help ?? "Answer in your own words, as you would say it.")"))]
          + rehearsalPrompt(reasking: pending)
      }
      hintsSinceLine += 1
      if plan.personOpens, let first = plan.material.points.first {
        return [.show(Output(.info, "  Suggestion: open with the decision, in your words, e.g. \(first.text)"))] + rehearsalPrompt()
      }
      guard let reply = plan.nextReply else { return endRehearsal(leaving: true, at: now) }
      return [.show(Output(.info, "  Suggestion: \(reply.suggest)"))] + rehearsalPrompt()
    case ":plan":
      return replan(plan, at: now)
    case "":
      return rehearsalPrompt()
    default:
      if text.hasPrefix(":") {
        return [.reject("'\(text)' is not a command here. Type :hint for help, or :quit to end.")]
          + rehearsalPrompt(reasking: pending)
      }
    }
    if let item = plan.nextItem(asking: asksPlan) {
      let civilNow = CivilDate(dateAndTime: now, in: calendar)
      switch AnswerReader.read(text, for: item.question, now: civilNow, dates: dates) {
      case .accepted(_, let canonical): return write(.answered(step: item.step, answer: canonical, at: now)) + rehearsalStep(at: now)
      case .inferred(let date, let canonical):
        return [awaitConfirmation(of: date, canonical: canonical, at: item.step, now: civilNow)] + rehearsalPrompt()
      case .rejected(let hint): return [.reject(hint)] + rehearsalPrompt()
      }
    }
    guard plan.personOpens || plan.nextReply != nil else { return endRehearsal(leaving: false, at: now) }
    let hints = hintsSinceLine
    hintsSinceLine = 0
    return write(.said(client: plan.nextReply?.client ?? "", you: text, at: now, hints: hints == 0 ? nil : hints))
      + rehearsalStep(at: now)
  }

  /// What comes after an entry: the plan's next question; else, once, the plan and the talking
  /// points, then the client's next line; else the end.
  private mutating func rehearsalStep(at now: Date) -> [Effect] {
    guard let plan else { return [.finish(state.status)] }
    if let item = plan.nextItem(asking: asksPlan) {
      var effects: [Effect] = [.show(Output(.question, item.question.text))]
      switch item.question.answers {
      case .input(let kind, _): effects.append(.show(Output(.choices, "  (\(kind.hint))")))
      case .choices(let choices):
        effects.append(.show(Output(.choices, choices.enumerated().map { "  \($0.offset + 1) \($0.element.answer)" }.joined(separator: "\n"))))
      case .checklist: break
      }
      return effects + rehearsalPrompt()
    }
    var effects: [Effect] = []
    if plan.exchanges.isEmpty { effects.append(.show(Output(.info, "\n" + plan.text))) }
    if plan.personOpens { return effects + [.show(Output(.info, "\nYou open the conversation."))] + rehearsalPrompt() }
    if plan.conversation.accepted, let last = plan.conversation.next {
      effects.append(.show(Output(.spoken, "\nClient (\(plan.conversation.persona.rawValue)): \(last.reply.client)")))
      return effects + endRehearsal(leaving: false, at: now)
    }
    guard let reply = plan.nextReply else { return effects + endRehearsal(leaving: false, at: now) }
    let mood = reply.mood.map { " (\($0))" } ?? ""
    effects.append(.show(Output(.spoken, "\nClient\(mood): \(reply.client)")))
    return effects + rehearsalPrompt()
  }

  /// `:plan`: before the conversation starts, takes back the plan's answers so that each is asked again.
  private mutating func replan(_ plan: RehearsalPlan, at now: Date) -> [Effect] {
    guard asksPlan, plan.exchanges.isEmpty else {
      let why = asksPlan ? "once the conversation has started" : "through a pipe: give it with --set NAME=VALUE or --from CASE"
      return [.reject("The plan cannot be prepared again \(why).")] + rehearsalPrompt()
    }
    var effects: [Effect] = []
    while let last = state.path.last(where: { $0.answer != nil }) {
      effects += write(.undone(step: last.step, at: now)).filter { if case .persist = $0 { true } else { false } }
    }
    return effects + [.show(Output(.info, "Preparing the plan again."))] + rehearsalStep(at: now)
  }

  /// The prompt after a command, with a date's reading that waits to be confirmed shown again.
  private mutating func rehearsalPrompt(reasking pending: PendingReading?) -> [Effect] {
    pendingReading = pending
    return (pending.map { [.show($0.question)] } ?? []) + rehearsalPrompt()
  }

  private func rehearsalPrompt() -> [Effect] {
    guard let plan else { return [] }
    if let item = plan.nextItem(asking: asksPlan) {
      return [.ask(Prompt(step: item.step, completions: [":hint", ":quit"], text: "> ", history: .commandsOnly))]
    }
    return [.ask(Prompt(step: "rehearse", completions: [":hint", ":plan", ":quit"], text: "you> ", history: .commandsOnly))]
  }

  /// Ends the rehearsal: complete once the plan is and every reply is answered (or the person did
  /// not leave early); the review once the plan is complete.
  private mutating func endRehearsal(leaving: Bool, at now: Date) -> [Effect] {
    guard let before = plan else { return [.finish(state.status)] }
    let planDone = before.nextItem(asking: asksPlan) == nil
    let over = before.conversation.accepted || (before.nextReply == nil && !before.personOpens)
    let complete = planDone && (!leaving || over)
    var effects = write(complete ? .finished(step: "rehearsal", at: now) : .left(reason: .quit, at: now))
    // Written all the same when input ends: what was said is reviewed, what was not prepared is named.
    if let plan, planDone || !before.exchanges.isEmpty {
      effects.append(.show(Output(.info, "\n" + RehearsalReview.text(of: plan, started: state.header.started, finished: now))))
    }
    return effects + [.finish(complete ? .completed : .interrupted)]
  }
}
