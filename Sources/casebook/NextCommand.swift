import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the open next actions across all cases, soonest due first.",
      discussion: "A completed case's next actions come from its end step; an interrupted case is an action too: finish it.")

    @Flag(help: "Print JSON for programs.")
    var json = false

    /// One open action, with the case it belongs to.
    struct Item: Encodable {
      var text: String
      var due: String?
      var `case`: String
      var client: String?
      var playbook: String
      var started: Date
    }

    func run() throws {
      let launcher = Launcher()
      var items: [Item] = []
      for summary in launcher.store.cases() {
        let header = summary.header
        func item(_ text: String, due: String?) -> Item {
          Item(text: text, due: due, case: summary.name, client: header.client, playbook: header.playbook, started: header.started)
        }
        switch summary.status {
        case .completed:
          guard let record = try? launcher.store.rebuildRecord(summary, timeZone: launcher.timeZone) else {
            launcher.console.error("warning: case '\(summary.name)' cannot be read; skipped")
            continue
          }
          items += record.nextActions.map { item($0.text, due: $0.due) }
        case .running, .interrupted:
          items.append(item("Finish the case: casebook resume \(summary.name)", due: nil))
        }
      }
      // Soonest due first; those without a due date after them; then oldest case first.
      items.sort { ($0.due ?? "9999", $0.started, $0.case) < ($1.due ?? "9999", $1.started, $1.case) }
      if json {
        launcher.console.write(try JSONOutput.encode(items))
        return
      }
      guard !items.isEmpty else {
        launcher.console.write("Nothing to do: no open next actions.\n")
        return
      }
      for item in items {
        let who = item.client.map { " · \($0)" } ?? ""
        launcher.console.write(
          TextSanitizer.clean("\(item.due ?? "no date")  \(item.text)  [\(item.case)\(who)]") + "\n")
      }
    }
  }
}
