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
    lines += section("What happened")
    if record.steps.isEmpty { lines.append("Nothing yet.") }
    for (index, step) in record.steps.enumerated() {
      var line = "\(index + 1). \(time.clock(step.at)) \(escape(step.text))"
      if let answer = step.answer { line += " **\(escape(answer))**" }
      lines.append(line)
    }
    let undone = record.history.filter { $0.event == .undone }
    if !undone.isEmpty {
      lines.append("")
      lines.append("Answers taken back:")
      var answers: [StepID: [String]] = [:]
      for entry in record.history {
        if entry.event == .answered, let step = entry.step { answers[step, default: []].append(entry.text ?? "") }
        if entry.event == .undone, let step = entry.step, let answer = answers[step]?.popLast() {
          lines.append("- \(time.clock(entry.at)) at `\(step)`: \(escape(answer))")
        }
      }
    }
    if !record.notes.isEmpty {
      lines += section("Notes")
      for note in record.notes {
        lines.append("- \(time.clock(note.at)) \(escape(note.text))")
      }
    }
    if let practice = record.practice {
      lines += section("Practice")
      lines.append("Scenario '\(escape(practice.scenario))': right first time \(practice.right) of \(practice.total).")
      let turns = record.history.filter { $0.event == .attempted }
      if !turns.isEmpty {
        lines.append("")
        for turn in turns {
          lines.append("- \(time.clock(turn.at)) at `\(turn.step?.rawValue ?? "?")`: first answered \(escape(turn.text ?? ""))")
        }
      }
    }
    if !record.transcript.isEmpty {
      lines += section("Rehearsal")
      for exchange in record.transcript {
        lines.append("- Client: \(escape(exchange.client))")
        lines.append("  You (\(time.clock(exchange.at))): \(escape(exchange.you))")
      }
    }
    if !record.drafts.isEmpty {
      lines.append("")
      lines.append("## Drafts")
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
    }
    if !record.values.isEmpty {
      lines += section("Values")
      for (name, value) in record.values.sorted(by: { $0.key < $1.key }) {
        lines.append("- \(name): \(escape(value))")
      }
    }
    lines += section(record.review == nil ? "What was decided, and what comes next" : "Review")
    if let review = record.review {
      let parts = RehearsalReview.lines(
        review, planCount: review.planCited.count + review.planMissed.count,
        pointCount: review.pointsReached.count + review.pointsMissed.count)
      lines += parts.map { line in line.hasPrefix("  ") ? "  " + escape(String(line.dropFirst(2))) : escape(line) }
    } else if let outcome = record.outcome {
      if let decision = outcome.decision { lines.append("Decided: \(escape(decision))") }
      lines.append(escape(outcome.text))
      let planned = record.nextActions.filter { !($0.text == outcome.text && $0.due == nil) }
      if !planned.isEmpty {
        lines.append("")
        for action in planned {
          let done = action.done.map { " — done \(time.dateTime($0))" } ?? ""
          lines.append("- [\(action.done == nil ? " " : "x")] \(escape(action.text))" + (action.due.map { " (by \($0))" } ?? "") + done)
        }
      } else if let done = record.nextActions.first?.done {
        lines.append("")
        lines.append("Done \(time.dateTime(done)).")
      }
    } else {
      lines.append("Not decided yet: the case was left at step `\(record.current?.rawValue ?? "?")`.")
      lines.append("Resume it with `casebook resume`.")
    }
    return lines.joined(separator: "\n") + "\n"
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
