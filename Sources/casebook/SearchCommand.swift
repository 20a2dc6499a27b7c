import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Find cases by what they hold: client names, answers, notes and drafts, best match first.",
      discussion: """
        Examples:
          casebook search parking          every case that mentions it, with the line
          casebook search dana --json      case ids for scripts
        """)

    @Argument(help: "The words to look for (case and accents ignored).")
    var text: [String]

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Flag(help: "Search practice and rehearsal cases too.")
    var practice = false

    /// One case found.
    struct Hit: Encodable {
      var `case`: String
      var client: String?
      var playbook: String
      var started: Date
      /// Higher is better.
      var score: Int
      /// Where the best line was: `client`, `note`, `answer`, `draft` or `value`.
      var field: String
      /// The best matching line.
      var line: String
    }

    func run() throws {
      let launcher = Launcher()
      let query = CaseSearch(text.joined(separator: " "))
      guard !query.words.isEmpty else { throw ValidationError("give some words to look for") }
      var filter = CaseFilter(timeZone: launcher.timeZone)
      filter.practice = practice
      var hits: [Hit] = []
      for summary in launcher.store.cases() where filter.admits(summary) {
        var fields: [(String, String)] = summary.header.client.map { [("client", $0)] } ?? []
        if let record = launcher.keptUpRecord(of: summary) {
          fields += record.notes.map { ("note", $0.text) }
          fields += record.steps.compactMap { step in (step.answerLabel ?? step.answer).map { ("answer", "\(step.text) \($0)") } }
          fields += record.drafts.map { ("draft", $0.text) }
          fields += record.values.sorted { $0.key < $1.key }.map { ("value", $0.value) }
        }
        guard let best = query.best(in: fields) else { continue }
        hits.append(Hit(
          case: summary.name, client: summary.header.client, playbook: summary.header.playbook,
          started: summary.header.started, score: best.score, field: best.field, line: best.line))
      }
      hits.sort { ($0.score, $0.started) > ($1.score, $1.started) }
      if json {
        launcher.console.writeVerbatim(try JSONOutput.encode(hits))
        return
      }
      guard !hits.isEmpty else {
        launcher.console.write("Nothing found.\n")
        return
      }
      let rows = hits.map { hit in
        [hit.case, hit.client ?? "-", "\(hit.field): \(hit.line)"].map { TextSanitizer.clean($0) }
      }
      let layout = TableLayout(
        columns: [.init("CASE"), .init("CLIENT", shortestWidth: 8), .init("MATCH", shortestWidth: 16)], leadColumn: 0)
      for line in layout.lines(rows, width: launcher.console.tableWidth) {
        launcher.console.writeVerbatim(line + "\n")
      }
    }
  }
}
