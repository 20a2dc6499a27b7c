import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Cases: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Browse the case records: list, show, export, delete, rebuild, repair.",
      discussion: """
        Examples:
          casebook cases                         every case, newest first
          casebook cases --client dana           one client's cases (also --playbook, --status, --since)
          casebook cases show dana               a record, by a word of the client's name
          casebook cases export dana --to ~/out  copy a case's files elsewhere
          casebook cases delete dana             asks first (type the case's name), or --yes
        """,
      subcommands: [ListCases.self, Show.self, Export.self, Delete.self, Rebuild.self, Repair.self],
      defaultSubcommand: ListCases.self)
  }
}

extension Casebook.Cases {
  struct ListCases: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the cases, newest first.")

    @Flag(help: "Print JSON for programs.")
    var json = false

    @OptionGroup var filters: CaseFilterOptions

    func run() throws {
      let launcher = Launcher()
      var filter = filters.filter(timeZone: launcher.timeZone)
      // Practice and rehearsals are listed, marked, unless a mode is asked for.
      filter.practice = true
      let cases = launcher.store.cases().filter(filter.admits).sorted { $0.header.started > $1.header.started }
      let records = Dictionary(uniqueKeysWithValues: cases.map { ($0.name, launcher.keptUpRecord(of: $0)) })
      if json {
        let items = cases.map { summary in
          CaseListing(
            case: summary.name, playbook: summary.header.playbook, client: summary.header.client,
            mode: summary.header.mode, status: summary.listedStatus, started: summary.header.started,
            damage: summary.damage.map { CaseListing.Damage(line: $0.line, problem: "\($0)") })
        }
        launcher.console.writeVerbatim(try JSONOutput.encode(items))
        return
      }
      guard !cases.isEmpty else {
        if filters.isFiltering {
          launcher.console.write("No cases match.\n")
        } else {
          launcher.console.write("No cases yet under \(TextSanitizer.clean(launcher.store.casesFolder)).\n")
        }
        return
      }
      let time = TimeFormatter(timeZone: launcher.timeZone)
      let rows = cases.map { summary in
        let due = records[summary.name]??.nextActions.filter { $0.done == nil }.compactMap(\.due).min()
        return [time.dateTime(summary.header.started), summary.header.playbook, summary.header.client ?? "-",
         Casebook.Cases.marked(summary), due?.description ?? "-", summary.name].map { TextSanitizer.clean($0) }
      }
      let layout = TableLayout(
        columns: [
          .init("STARTED", leftOutRank: 1), .init("PLAYBOOK", leftOutRank: 2), .init("CLIENT", shortestWidth: 8),
          .init("STATUS"), .init("NEXT DUE", label: "next due"), .init("CASE"),
        ], leadColumn: 5)
      for line in layout.lines(rows, width: launcher.console.tableWidth) {
        launcher.console.writeVerbatim(line + "\n")
      }
    }
  }

  /// A case's status as the table shows it: practice and rehearsals marked, not client history.
  static func marked(_ summary: CaseStore.Summary) -> String {
    marked(status: summary.listedStatus, mode: summary.header.mode)
  }

  /// A status with its mode's mark.
  static func marked(status: String, mode: CaseMode) -> String {
    switch mode {
    case .practice: "\(status) (practice)"
    case .rehearse: "\(status) (rehearsal)"
    case .live, .coach: status
    }
  }

  /// One case as `casebook cases --json` lists it.
  struct CaseListing: Encodable {
    var `case`: String
    var playbook: String
    var client: String?
    var mode: CaseMode
    /// `completed`, `interrupted` or `damaged`.
    var status: String
    var started: Date
    /// Where a damaged case's journal cannot be read.
    var damage: Damage?

    struct Damage: Encodable {
      /// The damaged line of `journal.log`, from 1, where there is one.
      var line: Int?
      var problem: String
    }
  }

  struct Show: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print a case's record.")

    @Argument(
      help: "The case: its id (see 'casebook cases'), the start of one, or its client's name.", completion: ShellCompletions.cases)
    var caseName: String

    @Flag(help: "Print record.json instead of the readable record.")
    var json = false

    func run() throws {
      let launcher = Launcher()
      let summary = try launcher.findCase(caseName)
      _ = launcher.keptUpRecord(of: summary)
      do {
        // Built from the journal, so a case stopped by a crash shows everything it kept.
        let record = try launcher.store.rebuildRecord(summary, timeZone: launcher.timeZone)
        if json {
          launcher.console.writeVerbatim(TextSanitizer.clean(String(decoding: try record.jsonData(), as: UTF8.self), keepNewlines: true))
        } else {
          launcher.console.page(
            TextSanitizer.clean(
              CaseRecordRenderer.markdown(record, timeZone: launcher.timeZone, damage: summary.damage.map { "\($0)" }),
              keepNewlines: true))
        }
      } catch {
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
      if let damage = summary.damage {
        launcher.console.error("\(StorageError.caseDamaged(caseName: summary.name, damage)); shown as far as it can be read")
        throw ExitCode(1)
      }
    }
  }

  struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Copy a case's files into another folder.")

    @Argument(help: "The case: its id, the start of one, or its client's name.", completion: ShellCompletions.cases)
    var caseName: String

    @Option(help: "The folder to copy into; the case gets its own folder inside it.")
    var to: String

    func run() throws {
      let launcher = Launcher()
      let summary = try launcher.findCase(caseName)
      do {
        let target = try launcher.store.export(summary, to: to)
        launcher.console.write("Exported to \(TextSanitizer.clean(target))\n")
      } catch {
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
    }
  }

  struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Delete a case and its records, after asking.")

    @Argument(help: "The case: its id, the start of one, or its client's name.", completion: ShellCompletions.cases)
    var caseName: String

    @Flag(help: "Do not ask; delete at once.")
    var yes = false

    func run() throws {
      let launcher = Launcher()
      let summary = try launcher.findCase(caseName)
      if !yes {
        launcher.console.write("Delete case \(TextSanitizer.clean(summary.name)) and all its records? Type its name to confirm:\n")
        let reader = launcher.makeReader(history: false)
        guard case .line(let line) = reader.read(Prompt(step: "delete", completions: [], text: "> ", history: .commandsOnly)),
          line.trimmingCharacters(in: .whitespaces) == summary.name
        else {
          launcher.console.write("Not deleted.\n")
          throw ExitCode(1)
        }
      }
      do {
        try launcher.store.delete(summary)
        launcher.console.write("Deleted \(TextSanitizer.clean(summary.name)).\n")
      } catch {
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
    }
  }

  struct Rebuild: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Write a case's record.md and record.json again from its journal.")

    @Argument(help: "The case: its id, the start of one, or its client's name.", completion: ShellCompletions.cases)
    var caseName: String

    func run() throws {
      let launcher = Launcher()
      let summary = try launcher.findCase(caseName)
      do {
        let record = try launcher.store.rebuild(summary, timeZone: launcher.timeZone).record
        launcher.console.write("Rebuilt \(TextSanitizer.clean(summary.folder))/\(CaseStore.recordMarkdownName) (\(record.status.rawValue))\n")
      } catch {
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
    }
  }
}

extension Launcher {
  /// A case's record as its journal has it, its files brought up to date on the way
  /// (``CaseStore/upkeep(_:timeZone:)``); read without writing while another Casebook has the case
  /// open or its files cannot be written; `nil` for a damaged case or one that cannot be replayed.
  func keptUpRecord(of summary: CaseStore.Summary) -> CaseRecord? {
    guard summary.damage == nil else { return nil }
    if let upkeep = try? store.upkeep(summary, timeZone: timeZone) { return upkeep.record }
    return try? store.record(of: summary, timeZone: timeZone)
  }

  /// The case `name` picks (see ``CaseLookup``), or a clear error and exit status 1.
  func findCase(_ name: String) throws -> CaseStore.Summary {
    guard let summary = lookUpCase(name) else { throw ExitCode(1) }
    return summary
  }

  /// The case `name` picks (see ``CaseLookup``); `nil` once why none is picked is printed: no
  /// such case, or the several that match, one a line.
  func lookUpCase(_ name: String, hint: String = "casebook cases lists them") -> CaseStore.Summary? {
    switch store.lookUp(name) {
    case .found(let summary):
      return summary
    case .ambiguous(let matches):
      let rows = matches.map { summary in
        "  " + [summary.name, summary.header.client ?? "-", summary.header.playbook, summary.listedStatus]
          .map { TextSanitizer.clean($0) }.joined(separator: "  ")
      }
      console.error("\(matches.count) cases match '\(name)'; name one of them:")
      // One case a line, unwrapped: the ids are meant to be copied.
      console.errorBlock(rows.joined(separator: "\n") + "\n")
      return nil
    case .none:
      console.error("no case named '\(name)' under '\(store.casesFolder)' (\(hint))")
      return nil
    }
  }
}
