public import Foundation

/// Writes a case record as Markdown for people.
public enum CaseRecordRenderer {
  /// The record as Markdown: what happened, step by step with times; what was decided; what comes next.
  ///
  /// - Parameters:
  ///   - record: The record.
  ///   - timeZone: The zone in which times are shown.
  public static func markdown(_ record: CaseRecord, timeZone: TimeZone) -> String {
    let time = TimeFormatter(timeZone: timeZone)
    var lines = summary(record, time)
    lines += whatHappened(record, time)
    lines += notes(record, time)
    lines += practice(record, time)
    lines += rehearsal(record, time)
    lines += drafts(record, time)
    lines += values(record)
    lines += conclusion(record, time)
    return lines.joined(separator: "\n") + "\n"
  }

  // MARK: - Sections

  /// The title, then who, which playbook, and when.
  private static func summary(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    var lines: [String] = []
    lines.append("# \(escape(record.title))")
    lines.append("")
    lines.append("- Client: \(record.client.map(escape) ?? "(not given)")")
    lines.append("- Playbook: `\(record.playbook)` (\(record.mode.rawValue))")
    lines.append("- Status: \(record.status.rawValue)")
    lines.append("- Started: \(time.dateTime(record.started))")
    if let finished = record.finished {
      lines.append("- \(record.status == .completed ? "Finished" : "Left"): \(time.dateTime(finished))")
    }
    return lines
  }

  /// The path taken, step by step with times, then the answers taken back.
  private static func whatHappened(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    var lines = section("What happened")
    if record.steps.isEmpty { lines.append("Nothing yet.") }
    for (index, step) in record.steps.enumerated() {
      var line = "\(index + 1). \(time.clock(step.at)) \(escape(step.text))"
      if let answer = step.answer { line += " **\(escape(answer))**" }
      lines.append(line)
    }
    return lines + answersTakenBack(record, time)
  }

  /// Each undone answer, with when and where it was taken back; nothing when none was.
  private static func answersTakenBack(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard record.history.contains(where: { $0.event == .undone }) else { return [] }
    var lines = ["", "Answers taken back:"]
    // An undo takes back the latest answer still standing at its step.
    var answers: [StepID: [String]] = [:]
    for entry in record.history {
      if entry.event == .answered, let step = entry.step { answers[step, default: []].append(entry.text ?? "") }
      if entry.event == .undone, let step = entry.step, let answer = answers[step]?.popLast() {
        lines.append("- \(time.clock(entry.at)) at `\(step)`: \(escape(answer))")
      }
    }
    return lines
  }

  /// The free notes, if any.
  private static func notes(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard !record.notes.isEmpty else { return [] }
    return section("Notes") + record.notes.map { note in "- \(time.clock(note.at)) \(escape(note.text))" }
  }

  /// A practice run's score and each question's first answer.
  private static func practice(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard let practice = record.practice else { return [] }
    var lines = section("Practice")
    lines.append("Scenario '\(escape(practice.scenario))': right first time \(practice.right) of \(practice.total).")
    let turns = record.history.filter { $0.event == .attempted }
    if !turns.isEmpty {
      lines.append("")
      for turn in turns {
        lines.append("- \(time.clock(turn.at)) at `\(turn.step?.rawValue ?? "?")`: first answered \(escape(turn.text ?? ""))")
      }
    }
    return lines
  }

  /// A rehearsal's exchanges, client line then answer.
  private static func rehearsal(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard !record.transcript.isEmpty else { return [] }
    var lines = section("Rehearsal")
    for exchange in record.transcript {
      lines.append("- Client: \(escape(exchange.client))")
      lines.append("  You (\(time.clock(exchange.at))): \(escape(exchange.you))")
    }
    return lines
  }

  /// The messages filled, each under a line saying what, where and when.
  private static func drafts(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard !record.drafts.isEmpty else { return [] }
    var lines = ["", "## Drafts"]
    for draft in record.drafts {
      lines.append("")
      lines.append("\(draft.kind.rawValue.capitalized) at `\(draft.step)`, \(time.clock(draft.at)):")
      lines.append("")
      if let subject = draft.subject { lines.append("    Subject: \(TextSanitizer.clean(subject))") }
      // Indented as a code block, so the message keeps its own lines and nothing in it is Markdown.
      for line in draft.text.split(separator: "\n", omittingEmptySubsequences: false) {
        lines.append("    " + TextSanitizer.clean(String(line)))
      }
    }
    return lines
  }

  /// The saved values, by name.
  private static func values(_ record: CaseRecord) -> [String] {
    guard !record.values.isEmpty else { return [] }
    let sorted = record.values.sorted(by: { $0.key < $1.key })
    return section("Values") + sorted.map { name, value in "- \(name): \(escape(value))" }
  }

  /// A rehearsal's review; else what was decided and what comes next; else where the case was left.
  private static func conclusion(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    var lines = section(record.review == nil ? "What was decided, and what comes next" : "Review")
    if let review = record.review {
      let parts = RehearsalReview.lines(
        review, planCount: review.planCited.count + review.planMissed.count,
        pointCount: review.pointsReached.count + review.pointsMissed.count)
      lines += parts.map { line in line.hasPrefix("  ") ? "  " + escape(String(line.dropFirst(2))) : escape(line) }
    } else if let outcome = record.outcome {
      lines += decisionAndPlan(outcome, record.nextActions, time)
    } else {
      lines.append("Not decided yet: the case was left at step `\(record.current?.rawValue ?? "?")`.")
      lines.append("Resume it with `casebook resume`.")
    }
    return lines
  }

  /// What was decided, then the planned actions as a checklist, or when the outcome was done.
  private static func decisionAndPlan(
    _ outcome: CaseRecord.Outcome, _ nextActions: [CaseRecord.NextAction], _ time: TimeFormatter
  ) -> [String] {
    var lines: [String] = []
    if let decision = outcome.decision { lines.append("Decided: \(escape(decision))") }
    lines.append(escape(outcome.text))
    // An action that only repeats the end step's text is the outcome itself, not a plan.
    let planned = nextActions.filter { !($0.text == outcome.text && $0.due == nil) }
    if !planned.isEmpty {
      lines.append("")
      for action in planned {
        let done = action.done.map { " — done \(time.dateTime($0))" } ?? ""
        lines.append("- [\(action.done == nil ? " " : "x")] \(escape(action.text))" + (action.due.map { " (by \($0))" } ?? "") + done)
      }
    } else if let done = nextActions.first?.done {
      lines.append("")
      lines.append("Done \(time.dateTime(done)).")
    }
    return lines
  }

  /// A section's heading, with the blank lines around it.
  private static func section(_ title: String) -> [String] {
    ["", "## \(title)", ""]
  }

  /// Keeps user text from forming Markdown structure or carrying control characters.
  private static func escape(_ text: String) -> String {
    var result = ""
    for character in TextSanitizer.clean(text) {
      if "\\`*_[]<>#|".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
