public import Foundation

/// Writes a case record as Markdown for people.
public enum CaseRecordRenderer {
  /// The record as Markdown: what happened, step by step with times; what was decided; what comes next.
  ///
  /// - Parameters:
  ///   - record: The record.
  ///   - timeZone: The zone in which times are shown.
  ///
  /// - Parameter damage: For a case whose journal is damaged, what is wrong with it: the record is
  ///   then what could be read, its status says so, and it points at `casebook cases repair`.
  public static func markdown(_ record: CaseRecord, timeZone: TimeZone, damage: String? = nil) -> String {
    let time = TimeFormatter(timeZone: timeZone)
    var lines = summary(record, time)
    if let damage, let status = lines.firstIndex(where: { $0.hasPrefix("- Status: ") }) {
      lines[status] = "- Status: damaged (\(escape(damage))); shown as far as it can be read"
    }
    lines += whatHappened(record, time)
    lines += notes(record, time)
    lines += practice(record, time)
    lines += rehearsal(record, time)
    lines += drafts(record, time)
    lines += values(record)
    var ending = conclusion(record, time)
    if damage != nil, let resume = ending.firstIndex(of: "Resume it with `casebook resume`.") {
      ending[resume] = "Repair it with `casebook cases repair`, then resume it."
    }
    lines += ending
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

  /// The path taken, step by step with times, then the answers taken back. A branch is the
  /// playbook's own routing and is left out, unless a timer running out took it.
  private static func whatHappened(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    var lines = section("What happened")
    var number = 0
    for step in record.steps {
      let text: String
      if let timer = step.expired {
        text = TimerRules.ranOut(timer, limit: record.values[timer].map(escape))
      } else if step.kind == .branch {
        continue
      } else {
        text = escape(step.text) + ((step.answerLabel ?? step.answer).map { " **\(escape($0))**" } ?? "")
      }
      number += 1
      lines.append("\(number). \(time.clock(step.at)) \(text)")
    }
    if number == 0 { lines.append("Nothing yet.") }
    return lines + answersTakenBack(record, time)
  }

  /// Each undone answer, with when and where it was taken back; nothing when none was.
  private static func answersTakenBack(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard record.history.contains(where: { $0.event == .undone }) else { return [] }
    var lines = ["", "Answers taken back:"]
    // An undo takes back the latest answer still standing at its step.
    var answers: [StepID: [String]] = [:]
    for entry in record.history {
      if entry.event == .answered || entry.event == .answeredFromHistory, let step = entry.step {
        answers[step, default: []].append(entry.text ?? "")
      }
      if entry.event == .undone, let step = entry.step, let answer = answers[step]?.popLast() {
        let asked = stepText(step, in: record).map { escape($0) + " " } ?? ""
        lines.append("- \(time.clock(entry.at)) \(asked)**\(escape(answer))**")
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
        let asked = turn.step.flatMap { stepText($0, in: record) }.map { escape($0) + " " } ?? ""
        lines.append("- \(time.clock(turn.at)) \(asked)First answered **\(escape(turn.text ?? ""))**")
      }
    }
    return lines
  }

  /// A rehearsal's exchanges, client line then answer.
  private static func rehearsal(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard !record.transcript.isEmpty else { return [] }
    var lines = section("Rehearsal")
    for exchange in record.transcript {
      lines.append(exchange.client.isEmpty ? "- (You open the conversation.)" : "- Client: \(escape(exchange.client))")
      lines.append("  You (\(time.clock(exchange.at))): \(escape(exchange.you))")
    }
    return lines
  }

  /// The saved values, by name.
  private static func values(_ record: CaseRecord) -> [String] {
    guard !record.values.isEmpty else { return [] }
    let sorted = record.values.sorted(by: { $0.key < $1.key })
    return section("Values") + sorted.map { name, value in "- \(SavedName.title(name)): \(escape(value))" }
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
      lines.append(record.currentText.map { "Not decided yet: the case was left at the question '\(escape($0))'." }
        ?? "Not decided yet: the case was left before its end.")
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

  /// The text of step `id` as the case showed it (its latest on the path, or the question waiting).
  static func stepText(_ id: StepID, in record: CaseRecord) -> String? {
    record.steps.last { $0.id == id }?.text ?? (record.current == id ? record.currentText : nil)
  }

  /// A section's heading, with the blank lines around it.
  static func section(_ title: String) -> [String] {
    ["", "## \(title)", ""]
  }

  /// Keeps user text from forming Markdown structure or carrying control characters.
  static func escape(_ text: String) -> String {
    var result = ""
    for character in TextSanitizer.clean(text) {
      if "\\`*_[]<>#|".contains(character) { result.append("\\") }
      result.append(character)
    }
    return result
  }
}
