import Foundation

/// The text a case shows a person, as effects: the heading, each question with its answers and
/// prompt, coaching, drafts, timers, the path so far. Pure: it reads the case and changes nothing.
public struct CaseScreen {
  let playbook: Playbook
  let state: CaseState
  let timeZone: TimeZone

  /// The playbook's title, for whom, in coach mode what that means, and how to answer.
  func heading() -> Output {
    var text = playbook.title
    if let client = state.header.client { text += " · client: \(TextSanitizer.clean(client))" }
    if state.header.mode == .coach { text += "\nCoach mode: each step with its detail and reason." }
    text += "\nAnswer with a word or its number. :help lists commands."
    return Output(.heading, text)
  }

  /// A question: its text, its coaching, its answers, and the prompt.
  func ask(_ id: StepID) -> [Effect] {
    guard let step = playbook[id], case .ask(let question) = step.kind else { return [] }
    var effects: [Effect] = [.show(Output(.question, question.text))]
    effects += coaching(for: step)
    effects.append(.show(Output(.choices, answerLines(question))))
    if let given = state.historyAnswer(at: step) {
      effects.append(.show(Output(.info, "\(given.found) Enter answers \(given.answer); or type another answer.")))
    }
    return effects + [.ask(prompt(id))]
  }

  /// Only the prompt of a question asked again, its text still on screen.
  func askAgain(_ id: StepID) -> [Effect] {
    guard case .ask? = playbook[id]?.kind else { return [] }
    return [.ask(prompt(id))]
  }

  private func answerLines(_ question: Question) -> String {
    switch question.answers {
    case .choices(let all):
      let choices = state.offered(all)
      let width = choices.map(\.answer.count).max() ?? 0
      return choices.enumerated().map { index, choice in
        let label = choice.label.map { String(repeating: " ", count: width - choice.answer.count) + "  \($0)" } ?? ""
        return "  \(index + 1) \(choice.answer)\(label)"
      }.joined(separator: "\n")
    case .input(let kind, _):
      return "  (\(kind.hint))"
    case .checklist(let items, _):
      let width = items.map(\.answer.count).max() ?? 0
      var lines = items.enumerated().map { index, item in
        let label = item.label.map { String(repeating: " ", count: width - item.answer.count) + "  \($0)" } ?? ""
        return "  \(index + 1) [ ] \(item.answer)\(label)"
      }
      lines.append("  (tick any: type their numbers or words, e.g. 1 3; or none)")
      return lines.joined(separator: "\n")
    }
  }

  /// The prompt for question `id`: its completions, the soonest deadline not yet announced (none in
  /// practice, which runs on the scenario's time) and, in live use, its one-key answers.
  public func prompt(_ id: StepID) -> Prompt {
    var answers: [String] = []
    var singleKeys: [Character: String] = [:]
    var history = LineHistory.Keeping.answerWords
    if case .ask(let question)? = playbook[id]?.kind {
      switch question.answers {
      case .choices(let all):
        let choices = state.offered(all)
        if state.header.mode == .live { singleKeys = AnswerReader.singleKeys(for: choices) }
        answers = choices.map(\.answer)
      case .input(let kind, _):
        answers = []
        history = kind == .text ? .commandsOnly : .values
      case .checklist(let items, _):
        answers = items.map(\.answer) + ["none"]
      }
    }
    let deadline = state.runsOnScenarioTime
      ? nil : state.timers.filter { !state.announcedTimers.contains($0.key) }.values.min()
    let commands = state.header.mode == .practice ? InSessionCommand.practiceNames : InSessionCommand.names
    return Prompt(
      step: id, completions: answers + commands, text: "> ", deadline: deadline, singleKeys: singleKeys, history: history)
  }

  /// A step's detail and reason, shown as it comes in coach mode. A small screen shows the reason
  /// alone, and for a question only where to find both (`:why`), so that what to do stays in view.
  func coaching(for step: Step) -> [Effect] {
    guard state.header.mode == .coach, let text = explanation(of: step.id) else { return [] }
    var shorter: [String] = []
    if step.detail != nil, let why = step.why { shorter.append("Why: \(why)") }
    if case .ask = step.kind { shorter.append("(:why shows the detail and the reason)") }
    return [.show(Output(.explanation, text, shorter: shorter))]
  }

  /// A question asked again after a command's output may have pushed it up: its text and its
  /// answers, without the coaching, then the prompt.
  func askAfterOutput(_ id: StepID) -> [Effect] {
    guard let step = playbook[id], case .ask(let question) = step.kind else { return [] }
    return [.show(Output(.question, question.text)), .show(Output(.choices, answerLines(question))), .ask(prompt(id))]
  }

  /// A step's detail and its reason.
  func explanation(of id: StepID) -> String? {
    guard let step = playbook[id] else { return nil }
    let parts = [step.detail, step.why.map { "Why: \($0)" }].compactMap { $0 }
    return parts.isEmpty ? nil : parts.joined(separator: "\n")
  }

  /// The path so far and the current step, as `:where` and resuming show them: the steps' text,
  /// never their ids (the record's JSON keeps those).
  public func whereText() -> String {
    var lines = ["Path so far:"]
    // A branch is the playbook's own routing: only a timer running out, when it took one, is told.
    var shown: [String] = []
    for entry in state.path {
      if let timer = entry.expired {
        shown.append(TimerRules.ranOut(timer, limit: state.values[timer]?.description))
      } else if case .branch? = playbook[entry.step]?.kind {
        continue
      } else {
        var answer = entry.answer
        if case .ask(let question)? = playbook[entry.step]?.kind, let given = entry.answer {
          answer = question.label(ofAnswer: given) ?? given
        }
        shown.append(entry.text + (answer.map { " -> \($0)" } ?? ""))
      }
    }
    if shown.isEmpty { lines.append("  (nothing yet)") }
    for (index, text) in shown.enumerated() { lines.append("  \(index + 1). \(text)") }
    if let current = state.current, let step = playbook[current] {
      lines.append("Now: \(step.text)")
    }
    return lines.joined(separator: "\n")
  }

  /// `:help`: the commands, and how to answer.
  func help() -> Output {
    let summaries = InSessionCommand.summaries.filter { state.header.mode == .practice || $0.name != ":skip" }
    let width = summaries.map(\.name.count).max() ?? 0
    let lines = summaries.map { entry in
      "  \(entry.name)\(String(repeating: " ", count: width - entry.name.count))  \(entry.summary)"
    }
    var answering = "Answer with the word or its number; a unique first letter is enough."
    if state.header.mode == .live { answering += "\nAt a terminal, a choice's number or unshared first letter answers at once, without Enter." }
    return Output(.info, (["Commands:"] + lines + [answering]).joined(separator: "\n"))
  }

  /// A date whose meaning was inferred, asked back as a question of its own: `Friday 5 December,
  /// 16:00 — Enter to keep, or type again`; the year is written when it is not this one.
  func confirmation(of date: CivilDate, now: CivilDate) -> Output {
    // English for now: the case's language brings its own locale with the message catalogue.
    let written = TimeFormatter(timeZone: timeZone).written(
      date, withYear: date.year != now.year, locale: Locale(identifier: "en_GB"))
    return Output(.question, "\(written) \u{2014} Enter to keep, or type again")
  }

  /// `Wait limit started: 15m, until 11:21.`
  func timerStarted(_ name: String, seconds: Int, deadline: Date) -> Output {
    var text = "\(TimerRules.title(name)) started: \(Value.duration(seconds: seconds)), until \(TimeFormatter(timeZone: timeZone).clock(deadline))."
    if state.runsOnScenarioTime {
      text += " In practice, time passes as the scenario says; :skip lets it run out now."
    }
    return Output(.info, text)
  }

  /// Where each running timer stands at `now`, as a resumed case says it.
  func timersLeft(at now: Date) -> [Effect] {
    let timerNow = state.timerTime(now)
    let clock = TimeFormatter(timeZone: timeZone)
    return state.timers.sorted(by: { $0.value < $1.value }).filter { $0.value > timerNow }.map { name, deadline in
      let left = Int(deadline.timeIntervalSince(timerNow).rounded(.up))
      return .show(Output(.info, "\(TimerRules.title(name)): \(Value.duration(seconds: left)) left, until \(clock.clock(deadline))."))
    }
  }

  /// A step's filled drafts in full, with the shorter forms a small screen shows instead: the first
  /// in full and the others by name and first line, or all of them by name and first line.
  func draftsBlock(_ drafts: [FilledDraft]) -> Output {
    let blocks = drafts.map { draftBlock($0, count: drafts.count) }
    var shorter: [String] = []
    if drafts.count > 1 {
      shorter.append(blocks[0] + "\n\n" + draftList(Array(drafts.dropFirst()), heading: "Also ready (:show N reads one, :copy N copies it):"))
    }
    shorter.append(draftList(drafts, heading: drafts.count > 1
      ? "Drafts ready (:show N reads one, :copy N copies it):" : "A draft is ready (:show reads it, :copy copies it):"))
    return Output(.draft, blocks.joined(separator: "\n\n"), shorter: shorter)
  }

  /// `:show`: a draft in full, or every draft of the latest step that offered drafts.
  func shownDrafts(_ drafts: [FilledDraft], of count: Int) -> Output {
    Output(.draft, drafts.map { draftBlock($0, count: count) }.joined(separator: "\n\n"))
  }

  /// `:drafts`: the latest step's drafts by name and first line.
  func draftsList(_ drafts: [FilledDraft]) -> Output {
    Output(.draft, draftList(drafts, heading: "Drafts of this step (:show N reads one, :copy N copies it):"))
  }

  /// A filled draft, ready to copy: number `index` of `count` at its step.
  private func draftBlock(_ draft: FilledDraft, count: Int) -> String {
    let several = count > 1
    let which = several ? " \(draft.number ?? 1) of \(count)" : ""
    let how = several ? ":copy \(draft.number ?? 1)" : ":copy"
    var block = "--- \(draft.kind.rawValue) draft\(which), ready to copy (\(how)) ---\n"
    if let subject = draft.subject { block += "Subject: \(subject)\n\n" }
    block += draft.text.hasSuffix("\n") ? draft.text : draft.text + "\n"
    let gaps = draft.gaps
    block += gaps.isEmpty ? "--- end of draft ---" : "--- end of draft; fill in before sending: \(gaps.joined(separator: ", ")) ---"
    return block
  }

  /// `  2 email  Missed appointment and my no-show policy`: each draft's number, kind, and subject
  /// or first line, under `heading`.
  private func draftList(_ drafts: [FilledDraft], heading: String) -> String {
    let width = drafts.map(\.kind.rawValue.count).max() ?? 0
    let lines = drafts.map { draft in
      let kind = draft.kind.rawValue + String(repeating: " ", count: width - draft.kind.rawValue.count)
      return "  \(draft.number ?? 1) \(kind)  \(draft.preview)"
    }
    return ([heading] + lines).joined(separator: "\n")
  }

  /// An end step's next actions, with their due dates.
  func nextActions(_ actions: [CaseRecord.NextAction]) -> [Effect] {
    guard !actions.isEmpty else { return [] }
    let lines = actions.map { "  - \($0.text)" + ($0.due.map { " (by \($0))" } ?? "") }
    return [.show(Output(.outcome, (["Next:"] + lines).joined(separator: "\n")))]
  }
}
