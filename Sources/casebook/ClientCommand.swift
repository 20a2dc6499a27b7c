import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Client: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "One client: their cases and next actions; rename a client or merge two.",
      discussion: """
        Examples:
          casebook client "dana ruiz"                    case, accents and spaces ignored
          casebook client merge "Dana Ruis" "Dana Ruiz"  a misspelt name joins the right one
          casebook client rename "Dana Ruiz" "Dana Ruiz-Lee"
        """,
      subcommands: [ShowClient.self, Merge.self, Rename.self],
      defaultSubcommand: ShowClient.self)
  }
}

extension Casebook.Client {
  /// The windows `client NAME` counts cases in, in days.
  static let windows = [30, 90, 365]

  struct ShowClient: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "show", abstract: "A client's cases, newest first, their next actions, and counts per playbook.")

    @Argument(help: "The client's name (case, accents and extra spaces ignored).", completion: ShellCompletions.clients)
    var name: String

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Flag(help: "Count practice and rehearsal cases too.")
    var practice = false

    struct Output: Encodable {
      var name: String
      /// Case ids, newest first.
      var cases: [String]
      /// Cases by playbook id, all of them.
      var counts: [String: Int]
      /// Cases by playbook id begun in the last 30, 90 and 365 days (`30d`, …).
      var recent: [String: [String: Int]]
      var timeline: [Entry]
      var nextActions: [Action]

      struct Entry: Encodable {
        var `case`: String
        var playbook: String
        var mode: CaseMode
        var status: String
        var started: Date
        var decision: String?
      }

      struct Action: Encodable {
        var id: String?
        var text: String
        var due: CivilDate?
      }
    }

    func run() throws {
      let launcher = Launcher()
      guard let client = launcher.findClient(name, practice: practice) else { throw ExitCode(1) }
      let now = launcher.clock.now()
      var timeline: [Output.Entry] = []
      var actions: [Output.Action] = []
      for summary in client.cases {
        let record = launcher.keptUpRecord(of: summary)
        timeline.append(.init(
          case: summary.name, playbook: summary.header.playbook, mode: summary.header.mode,
          status: summary.listedStatus, started: summary.header.started, decision: record?.outcome?.decision))
        actions += launcher.openActions(of: summary).map { Output.Action(id: $0.id, text: $0.text, due: $0.due) }
      }
      actions.sort { ($0.due ?? .distant, $0.id ?? "") < ($1.due ?? .distant, $1.id ?? "") }
      var recent: [String: [String: Int]] = [:]
      for days in Casebook.Client.windows { recent["\(days)d"] = client.counts(within: days, before: now) }
      let output = Output(
        name: client.name, cases: client.cases.map(\.name), counts: client.counts(within: nil, before: now),
        recent: recent, timeline: timeline, nextActions: actions)
      if json {
        launcher.console.writeVerbatim(try JSONOutput.encode(output))
        return
      }
      show(output, launcher: launcher)
    }

    private func show(_ output: Output, launcher: Launcher) {
      let console = launcher.console
      // Gathered, then paged at a terminal: a long history goes through $PAGER.
      var shown = ""
      defer { console.page(shown) }
      let time = TimeFormatter(timeZone: launcher.timeZone)
      let cases = output.cases.count
      shown += (TextSanitizer.clean("\(output.name): \(cases) case\(cases == 1 ? "" : "s")") + "\n")
      for days in Casebook.Client.windows {
        let counts = output.recent["\(days)d"] ?? [:]
        let text = counts.isEmpty ? "none" : counts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        shown += (TextSanitizer.clean("Last \(days) days: \(text)") + "\n")
      }
      shown += ("\nCases, newest first:\n")
      let rows = output.timeline.map { entry in
        [time.dateTime(entry.started), entry.playbook, Casebook.Cases.marked(status: entry.status, mode: entry.mode),
         entry.decision ?? "-", entry.case].map { TextSanitizer.clean($0) }
      }
      let layout = TableLayout(
        columns: [.init("STARTED"), .init("PLAYBOOK", leftOutRank: 2), .init("STATUS"), .init("DECISION", shortestWidth: 12, leftOutRank: 1), .init("CASE")],
        leadColumn: 4)
      for line in layout.lines(rows, width: console.tableWidth) { shown += line + "\n" }
      shown += ("\nNext actions:\n")
      guard !output.nextActions.isEmpty else {
        shown += ("None open.\n")
        return
      }
      let actionRows = output.nextActions.map { action in
        [action.due?.description ?? "no date", action.id == nil ? String(action.text.prefix { $0 != ":" }) : action.text,
         action.id ?? "-"].map { TextSanitizer.clean($0) }
      }
      let actionLayout = TableLayout(columns: [.init("DUE"), .init("ACTION", shortestWidth: 16), .init("ID")], leadColumn: 2)
      for line in actionLayout.lines(actionRows, width: console.tableWidth) { shown += line + "\n" }
    }
  }

  struct Merge: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Merge client A into client B: A's cases become B's (journaled in each case).")

    @Argument(help: "The client whose cases move.")
    var from: String

    @Argument(help: "The client they join, whose name they take.")
    var into: String

    func run() throws {
      let launcher = Launcher()
      guard let source = launcher.findClient(from), let target = launcher.findClient(into) else { throw ExitCode(1) }
      guard source.key != target.key else {
        launcher.console.error("'\(from)' and '\(into)' are the same client")
        throw ExitCode(1)
      }
      try Casebook.Client.rename(source, to: target.name, launcher: launcher, verb: "Merged")
    }
  }

  struct Rename: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Give a client another name in all their cases (journaled in each case).")

    @Argument(help: "The client's name now.")
    var from: String

    @Argument(help: "The new name, as it should be written.")
    var to: String

    func run() throws {
      let launcher = Launcher()
      let newName = to.trimmingCharacters(in: .whitespaces)
      guard !newName.isEmpty, !newName.contains(where: \.isNewline) else {
        launcher.console.error("a client's name is one line of text")
        throw ExitCode(1)
      }
      guard let source = launcher.findClient(from) else { throw ExitCode(1) }
      try Casebook.Client.rename(source, to: newName, launcher: launcher, verb: "Renamed")
    }
  }

  /// Renames every case of `client`, printing how many.
  static func rename(_ client: ClientDirectory.Client, to name: String, launcher: Launcher, verb: String) throws {
    do {
      let renamed = try launcher.store.renameClient(
        client.name, to: name, among: client.cases, at: launcher.clock.now(), timeZone: launcher.timeZone)
      let count = renamed.count
      launcher.console.write(
        TextSanitizer.clean("\(verb) '\(client.name)' into '\(name)': \(count) case\(count == 1 ? "" : "s") changed.") + "\n")
    } catch {
      launcher.console.error("\(error)")
      throw ExitCode(1)
    }
  }
}

extension CivilDate {
  /// A day after every real one, for sorting what has no date last.
  static let distant = CivilDate(year: 9999, month: 12, day: 31)!
}
