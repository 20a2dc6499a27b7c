public import ArgumentParser
import CasebookKit
import Foundation

/// `casebook`: guided playbooks for hard moments with clients.
@main
struct Casebook: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "casebook",
    abstract: "Guided playbooks for hard moments with clients: no-shows, late cancellations, endings.",
    discussion: """
      With no command, lists the playbooks and asks which to start.
      Cases are kept under $CASEBOOK_HOME (default: $XDG_DATA_HOME/casebook or ~/.local/share/casebook).
      """,
    version: "casebook 0.1.0",
    subcommands: [Run.self, List.self, Resume.self, Cases.self, Next.self, Done.self, Check.self, Graph.self, Test.self, Practice.self, Rehearse.self, ProfileCommand.self]
  )

  func run() throws {
    let launcher = Launcher()
    throw ExitCode(Home(launcher: launcher).run())
  }

  /// Starts the commands people use in a hurry (`casebook`, `casebook run PLAYBOOK [--client
  /// NAME]`) without the argument parser, whose reflection costs more than the rest of the start-up
  /// together; everything else, `--help` included, goes through it.
  static func main() {
    let arguments = Array(CommandLine.arguments.dropFirst())
    do {
      switch arguments.count {
      case 0:
        try Casebook().run()
      case 2 where arguments[0] == "run" && !arguments[1].hasPrefix("-"):
        try RunRequest(playbook: arguments[1]).perform()
      case 4 where arguments[0] == "run" && !arguments[1].hasPrefix("-") && arguments[2] == "--client"
        && !arguments[3].hasPrefix("-"):
        try RunRequest(playbook: arguments[1], client: arguments[3]).perform()
      default:
        main(nil)
      }
    } catch let status as ExitCode {
      // The usual way out: no need for the parser's error machinery.
      Foundation.exit(status.rawValue)
    } catch {
      exit(withError: error)
    }
  }
}

extension Casebook {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Walk a playbook step by step and keep a case record.")

    @Argument(help: "A playbook id (see 'casebook list') or the path of a playbook file.")
    var playbook: String

    @Option(help: "The client's name, kept in the record and used for the case folder's name.")
    var client: String?

    @Option(help: "How to use the playbook: live (short text), coach (with the reasons), rehearse.")
    var mode: CaseMode = .live

    @Option(help: "The language of the playbook's text, such as pl (default: the locale's, where the playbook has it).")
    var lang: String?

    @Flag(help: "Keep this session's answers out of the line-editing history.")
    var noHistory = false

    @Flag(help: "List the playbook's steps in order, with their ids, and start nothing.")
    var listSteps = false

    @Option(help: "Begin at this step instead of the start (for practice, or a case begun on paper).")
    var startAt: String?

    @Option(name: .customLong("set"), help: "A value known already, as NAME=VALUE (repeatable), for --start-at.")
    var values: [String] = []

    func run() throws {
      try RunRequest(
        playbook: playbook, client: client, mode: mode, language: lang, history: !noHistory, listSteps: listSteps,
        startAt: startAt, values: values
      ).perform()
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the bundled playbooks and your own, one line each.")

    func run() throws {
      let launcher = Launcher()
      let entries = launcher.catalog.entries()
      if entries.isEmpty {
        launcher.console.error("no playbooks found; set CASEBOOK_PLAYBOOKS or add some to '\(launcher.store.playbooksFolder)'")
        throw ExitCode(1)
      }
      let width = entries.map(\.id.count).max() ?? 0
      for entry in entries {
        let padding = String(repeating: " ", count: width - entry.id.count)
        let errors = entry.errorCount ?? 0
        let title = entry.title ?? "(has \(errors) error\(errors == 1 ? "" : "s"): casebook check '\(entry.path)')"
        let origin = entry.origin == .own ? "  [yours]" : ""
        launcher.console.write(TextSanitizer.clean("\(entry.id)\(padding)  \(title)\(origin)") + "\n")
      }
    }
  }

  struct Resume: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Carry on with an interrupted case from its last answered step.")

    @Argument(help: "The case (its id, the start of one, or its client's name); default: the latest interrupted.")
    var caseName: String?

    @Flag(help: "Keep this session's answers out of the line-editing history.")
    var noHistory = false

    func run() throws {
      throw ExitCode(Launcher().resumeCase(caseName, history: !noHistory))
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check playbooks and print every problem, as a compiler does.")

    @Argument(help: "Playbook files or folders (default: the bundled playbooks).")
    var paths: [String] = []

    @Option(help: "text (default), json or sarif.")
    var format: DiagnosticReport.Format = .text

    func run() throws {
      let launcher = Launcher.forReading()
      var files: [String] = []
      let targets = paths.isEmpty ? [launcher.catalog.bundledFolder].compactMap { $0 } : paths
      for target in targets {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
          files += PlaybookCatalog.files(in: target.hasSuffix("/") ? String(target.dropLast()) : target)
        } else {
          files.append(target)
        }
      }
      var diagnostics: [Diagnostic] = []
      var sources: [String: String] = [:]
      for file in files {
        let result = PlaybookLoader.load(path: file)
        diagnostics += result.diagnostics
        diagnostics += result.playbook.map(launcher.catalog.missingHandovers) ?? []
        sources.merge(result.sources) { first, _ in first }
      }
      switch format {
      case .text: launcher.report(diagnostics.sorted(), sources: sources)
      case .json: launcher.console.writeVerbatim(DiagnosticReport.json(diagnostics.sorted()))
      case .sarif:
        launcher.console.writeVerbatim(DiagnosticReport.sarif(diagnostics.sorted(), version: Casebook.configuration.version))
      }
      if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
  }
}

extension CaseMode: ExpressibleByArgument {}

extension Casebook {
  /// Reads `--set NAME=VALUE` options into values by name.
  static func assignments(_ pairs: [String]) throws -> [String: String] {
    var values: [String: String] = [:]
    for pair in pairs {
      guard let equals = pair.firstIndex(of: "="), equals != pair.startIndex else {
        throw ValidationError("--set takes NAME=VALUE, such as --set wait_limit=15m; got '\(pair)'")
      }
      values[String(pair[..<equals])] = String(pair[pair.index(after: equals)...])
    }
    return values
  }
}
