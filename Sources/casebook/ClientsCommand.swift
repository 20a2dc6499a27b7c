import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Clients: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the clients: their cases, last contact and open next actions.",
      discussion: """
        Examples:
          casebook clients                 one line per client
          casebook client "Dana Ruiz"      one client's history and counts
        """)

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Flag(help: "Count practice and rehearsal cases too.")
    var practice = false

    /// One client as `casebook clients --json` lists it.
    struct Item: Encodable {
      var name: String
      var cases: Int
      var lastContact: Date
      var openActions: Int
    }

    func run() throws {
      let launcher = Launcher()
      var filter = CaseFilter(timeZone: launcher.timeZone)
      filter.practice = practice
      let directory = ClientDirectory(launcher.store.cases().filter(filter.admits))
      let items = directory.clients.map { client in
        Item(
          name: client.name, cases: client.cases.count, lastContact: Date(timeIntervalSince1970: client.lastContact),
          openActions: client.cases.map { launcher.openActions(of: $0).count }.reduce(0, +))
      }
      if json {
        launcher.console.writeVerbatim(try JSONOutput.encode(items))
        return
      }
      guard !items.isEmpty else {
        launcher.console.write("No clients yet: a case run with a client's name makes one.\n")
        return
      }
      let time = TimeFormatter(timeZone: launcher.timeZone)
      let rows = items.map { item in
        [item.name, String(item.cases), time.day(item.lastContact), String(item.openActions)].map { TextSanitizer.clean($0) }
      }
      let layout = TableLayout(
        columns: [.init("CLIENT", shortestWidth: 8), .init("CASES"), .init("LAST CONTACT", label: "last contact"), .init("OPEN", label: "open actions")],
        leadColumn: 0)
      for line in layout.lines(rows, width: launcher.console.tableWidth) {
        launcher.console.writeVerbatim(line + "\n")
      }
    }
  }
}

extension Launcher {
  /// A case's open next actions, as `casebook next` lists them: a completed case's actions not
  /// done, with their ids; an interrupted case is one action (finish it), a damaged one too.
  func openActions(of summary: CaseStore.Summary) -> [(id: String?, text: String, due: CivilDate?)] {
    if summary.damage != nil { return [(nil, "Repair the case: casebook cases repair \(summary.name)", nil)] }
    switch summary.status {
    case .completed:
      guard let record = keptUpRecord(of: summary) else { return [] }
      return record.nextActions.enumerated().filter { $0.element.done == nil }.map { index, action in
        ("\(summary.name)#\(index + 1)", action.text, action.due)
      }
    case .running, .interrupted:
      guard summary.header.mode != .rehearse else { return [] }
      return [(nil, "Finish the case: casebook resume \(summary.name)", nil)]
    }
  }

  /// The one client `name` names among the client cases (see ``ClientDirectory/matching(_:)``);
  /// `nil` once why none is picked is printed.
  func findClient(_ name: String, practice: Bool = false) -> ClientDirectory.Client? {
    var filter = CaseFilter(timeZone: timeZone)
    filter.practice = practice
    let found = ClientDirectory(store.cases().filter(filter.admits)).matching(name)
    if found.count == 1 { return found[0] }
    if found.isEmpty {
      console.error("no client named '\(name)' (casebook clients lists them)")
    } else {
      console.error("\(found.count) clients match '\(name)'; name one of them:")
      console.errorBlock(found.map { "  " + TextSanitizer.clean($0.name) }.joined(separator: "\n") + "\n")
    }
    return nil
  }
}
