import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rehearse a hard conversation: the talking points, then Casebook plays the client.",
      discussion: "Every line you type is kept in the case record with the client line it answered.")

    @Argument(help: "A playbook with rehearsal material, such as end-relationship.")
    var playbook: String

    @Option(help: "The client's name, for the record.")
    var client: String?

    @Option(help: "Makes the order of the client's replies repeatable.")
    var seed: UInt64?

    @Option(help: "How many client replies to answer.")
    var turns = 6

    func run() throws {
      let launcher = Launcher()
      guard let loaded = launcher.loadPlaybook(playbook) else { throw ExitCode(1) }
      guard let material = loaded.playbook.rehearsal, !material.replies.isEmpty else {
        launcher.console.error("playbook '\(loaded.playbook.id)' has no rehearsal material (a 'rehearsal' section with replies)")
        throw ExitCode(1)
      }
      let console = launcher.console
      let started = launcher.clock.now()
      var rehearsal = Rehearsal(material: material, seed: seed ?? UInt64(started.timeIntervalSince1970 * 1000), turns: turns)
      let header = CaseHeader(
        playbook: loaded.playbook.id, title: loaded.playbook.title, playbookFile: loaded.playbook.file,
        playbookHash: loaded.playbook.contentHash, client: client, mode: .rehearse, started: started)
      let writer = CaseWriter(
        store: launcher.store, day: TimeFormatter(timeZone: launcher.timeZone).day(started), header: header,
        playbookSource: loaded.source)
      var state = SessionState(header: header)
      func keep(_ entry: JournalEntry) {
        state.history.append(entry)
        do { try writer.append(entry) } catch { console.error("\(error) (kept in memory)") }
      }
      keep(.opened(header))
      console.write(TextSanitizer.clean("Rehearsing: \(loaded.playbook.title)\n\n\(rehearsal.opening)", keepNewlines: true) + "\n")
      let reader = launcher.makeReader(history: false)
      var left = false
      conversation: while let reply = rehearsal.nextClientLine {
        let mood = reply.mood.map { " (\($0))" } ?? ""
        console.write("\n" + TextSanitizer.clean("Client\(mood): \(reply.client)") + "\n")
        while true {
          switch reader.read(Prompt(step: "rehearse", completions: [":hint", ":quit"], text: "you> ")) {
          case .line(let line):
            switch rehearsal.handle(line, at: launcher.clock.now()) {
            case .hint(let suggestion): console.write(TextSanitizer.clean("  Suggestion: \(suggestion)") + "\n")
            case .empty: continue
            case .ended:
              left = true
              break conversation
            case .kept:
              if let exchange = rehearsal.exchanges.last {
                keep(.said(client: exchange.client, you: exchange.you, at: exchange.at))
              }
              continue conversation
            }
          case .cancelled, .deadlinePassed: continue
          case .endOfInput, .interrupted:
            left = true
            break conversation
          }
        }
      }
      let finished = launcher.clock.now()
      state.status = left && rehearsal.exchanges.count < rehearsal.order.count ? .interrupted : .completed
      state.stopped = finished
      keep(left ? .left(reason: .quit, at: finished) : .finished(step: StepID("rehearsal"), at: finished))
      console.write("\n" + TextSanitizer.clean(rehearsal.review(started: started, finished: finished), keepNewlines: true) + "\n")
      do {
        try writer.flush()
        try writer.writeRecord(CaseRecord(state: state, playbook: loaded.playbook), timeZone: launcher.timeZone)
        if let folder = writer.folder { console.write("\nRecord: \(TextSanitizer.clean(folder))/\(CaseStore.recordMarkdownName)\n") }
      } catch {
        console.error("\(error)")
        throw ExitCode(1)
      }
    }
  }
}
