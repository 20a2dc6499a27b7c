import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rehearse a hard conversation: the plan, the talking points, then Casebook plays the client.",
      discussion: """
        First the conversation plan: the answers the playbook's rehearsal prepares (for ending a \
        relationship, the reason and the contract wording to cite), taken from an earlier case of \
        the same playbook for the same client, from --from or --set, or asked. Every line you type \
        is kept in the case record with the client line it answered.
        """)

    @Argument(help: "A playbook with rehearsal material, such as end-relationship.")
    var playbook: String

    @Option(help: "The client's name, for the record; the plan is taken from this client's latest case of the playbook.")
    var client: String?

    @Option(help: "Take the plan's answers from this case (see casebook cases).")
    var from: String?

    @Option(name: .customLong("set"), help: "A plan answer known already, as NAME=VALUE (repeatable).")
    var values: [String] = []

    @Option(help: "Makes the order of the client's replies repeatable.")
    var seed: UInt64?

    @Option(help: "How many client replies to answer.")
    var turns = 6

    func run() throws {
      let given = try Casebook.assignments(values)
      let launcher = Launcher()
      guard let loaded = launcher.loadPlaybook(playbook) else { throw ExitCode(1) }
      guard let material = loaded.playbook.rehearsal, !material.replies.isEmpty else {
        launcher.console.error("playbook '\(loaded.playbook.id)' has no rehearsal material (a 'rehearsal' section with replies)")
        throw ExitCode(1)
      }
      let console = launcher.console
      var known: [String: String] = [:]
      let source = try earlierCase(of: loaded.playbook, launcher: launcher)
      if let source { known = source.values }
      known.merge(given) { _, new in new }
      let started = launcher.clock.now()
      var rehearsal = Rehearsal(
        material: material, playbook: loaded.playbook, known: known,
        seed: seed ?? UInt64(started.timeIntervalSince1970 * 1000), turns: turns, started: started, timeZone: launcher.timeZone)
      let header = CaseHeader(
        playbook: loaded.playbook.id, title: loaded.playbook.title, playbookFile: loaded.playbook.file,
        playbookHash: loaded.playbook.contentHash, client: client, mode: .rehearse, started: started)
      let writer = CaseWriter(
        store: launcher.store, day: TimeFormatter(timeZone: launcher.timeZone).day(started), header: header,
        snapshot: loaded.snapshot)
      var entries: [JournalEntry] = []
      func keep(_ entry: JournalEntry) {
        entries.append(entry)
        do { try writer.append(entry) } catch { console.error("\(error) (kept in memory)") }
      }
      keep(.opened(header))
      // Answers known before the rehearsal are part of its record too.
      for item in rehearsal.plan {
        if let answer = item.answer { keep(.answered(step: item.step, answer: answer, at: started)) }
      }
      console.write(TextSanitizer.clean("Rehearsing: \(loaded.playbook.title)") + "\n")
      if let source, !rehearsal.plan.isEmpty {
        console.write(TextSanitizer.clean("The plan's answers come from case \(source.name).") + "\n")
      }
      let reader = launcher.makeReader(history: false)
      var left = false
      if !console.readsTerminal {
        // Piped lines are the conversation; the plan comes only from a case, --from or --set.
        rehearsal.settlePlan()
        if !rehearsal.unpreparedNames.isEmpty {
          let names = rehearsal.unpreparedNames.map { "--set \($0)=…" }.joined(separator: " ")
          console.write(TextSanitizer.clean("Part of the plan is not prepared: give it with \(names), or --from CASE.") + "\n")
        }
      } else if rehearsal.nextPlanItem != nil {
        console.write("\nFirst, the conversation plan. :hint helps, :quit ends.\n")
      }
      var shownPlanItem: StepID?
      conversation: while true {
        let prompt: Prompt
        if let item = rehearsal.nextPlanItem {
          if shownPlanItem != item.step {
            shownPlanItem = item.step
            console.show(Output(.question, item.question.text))
            if case .input(let kind, _) = item.question.answers { console.show(Output(.choices, "  (\(kind.hint))")) }
            if case .choices(let choices) = item.question.answers {
              console.show(Output(.choices, choices.enumerated().map { "  \($0.offset + 1) \($0.element.answer)" }.joined(separator: "\n")))
            }
          }
          prompt = Prompt(step: item.step, completions: [":hint", ":quit"], text: "> ")
        } else if let reply = rehearsal.nextClientLine {
          if shownPlanItem != "conversation" {
            shownPlanItem = "conversation"
            console.write("\n" + TextSanitizer.clean(rehearsal.planText, keepNewlines: true) + "\n")
          }
          let mood = reply.mood.map { " (\($0))" } ?? ""
          console.write("\n" + TextSanitizer.clean("Client\(mood): \(reply.client)") + "\n")
          prompt = Prompt(step: "rehearse", completions: [":hint", ":quit"], text: "you> ")
        } else {
          break conversation
        }
        answer: while true {
          switch reader.read(prompt) {
          case .line(let line):
            switch rehearsal.handle(line, at: launcher.clock.now()) {
            case .hint(let help): console.write(TextSanitizer.clean("  Suggestion: \(help)", keepNewlines: true) + "\n")
            case .rejected(let hint): console.hint(hint)
            case .empty: continue answer
            case .kept(let entry):
              keep(entry)
              break answer
            case .ended:
              left = true
              break conversation
            }
          case .cancelled, .deadlinePassed: continue answer
          case .endOfInput, .interrupted:
            left = true
            break conversation
          }
        }
      }
      let finished = launcher.clock.now()
      let complete = rehearsal.nextPlanItem == nil && (!left || rehearsal.exchanges.count == rehearsal.order.count)
      keep(complete ? .finished(step: StepID("rehearsal"), at: finished) : .left(reason: .quit, at: finished))
      if rehearsal.nextPlanItem == nil {
        console.write("\n" + TextSanitizer.clean(rehearsal.review(started: started, finished: finished), keepNewlines: true) + "\n")
      }
      guard let state = Rehearsal.state(replaying: entries, playbook: loaded.playbook, timeZone: launcher.timeZone) else { throw ExitCode(1) }
      do {
        try writer.flush()
        try writer.writeRecord(CaseRecord(state: state, playbook: loaded.playbook, timeZone: launcher.timeZone), timeZone: launcher.timeZone)
        if let folder = writer.folder { console.write("\nRecord: \(TextSanitizer.clean(folder))/\(CaseStore.recordMarkdownName)\n") }
      } catch {
        console.error("\(error)")
        throw ExitCode(1)
      }
      if !complete { throw ExitCode(3) }
    }

    /// The case whose values fill the plan: `--from`, else the client's latest case of this
    /// playbook (not a rehearsal), if any.
    private func earlierCase(of playbook: Playbook, launcher: Launcher) throws -> (name: String, values: [String: String])? {
      let summary: CaseStore.Summary
      if let from {
        guard let found = launcher.store.summary(named: from) else {
          launcher.console.error("no case named '\(from)' under '\(launcher.store.casesFolder)' (casebook cases lists them)")
          throw ExitCode(1)
        }
        summary = found
      } else {
        guard let client,
          let latest = launcher.store.cases().first(where: {
            $0.header.playbook == playbook.id && $0.header.client == client && $0.header.mode != .rehearse
          })
        else { return nil }
        summary = latest
      }
      do {
        return (summary.name, try launcher.store.record(of: summary, timeZone: launcher.timeZone).values)
      } catch {
        launcher.console.error("\(error)")
        // Named with --from, the case must be readable; found by itself, it is only a help.
        if from != nil { throw ExitCode(1) }
        launcher.console.error("warning: the plan's answers will be asked instead")
        return nil
      }
    }
  }
}
