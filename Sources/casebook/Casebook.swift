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
      Three moments:
      In the moment (a no-show, a late cancellation): short steps, a wait-limit \
      timer, drafts to send.
          casebook run no-show --client "Dana Ruiz"
      Coaching new staff: every step with its reason; practice scenarios with \
      feedback and a score.
          casebook run no-show --mode coach
          casebook practice late-cancel
      Rehearsing a hard conversation: the plan, then Casebook plays the client \
      and reviews your lines.
          casebook rehearse end-relationship --client "Dana Ruiz"

      With no command, lists the playbooks and interrupted cases and asks which \
      to start. Afterwards: casebook next (what is due), casebook cases, \
      casebook resume.

      Cases are kept under $CASEBOOK_HOME (default: $XDG_DATA_HOME/casebook or \
      ~/.local/share/casebook), the line history under $XDG_STATE_HOME/casebook, \
      the profile under $XDG_CONFIG_HOME/casebook.
      """,
    version: "casebook 0.1.0",
    subcommands: [
      Run.self, List.self, Resume.self, Cases.self, Next.self, Done.self, Clients.self, Client.self, Search.self,
      Check.self, Graph.self, Test.self, Practice.self, Rehearse.self, ProfileCommand.self,
    ]
  )

  @OptionGroup(title: "Display (any command takes these)")
  var display: DisplayFlags

  func run() throws {
    let launcher = Launcher()
    throw ExitCode(Home(launcher: launcher).run())
  }

  /// Starts the commands people use in a hurry (`casebook`, `casebook run PLAYBOOK [--client
  /// NAME]`) without the argument parser, whose reflection costs more than the rest of the start-up
  /// together; everything else, `--help` included, goes through it.
  static func main() {
    var arguments = Array(CommandLine.arguments.dropFirst())
    do {
      try DisplayOptions.take(from: &arguments)
      switch arguments.count {
      case 0:
        try Casebook().run()
      case 2 where arguments[0] == "run" && !arguments[1].hasPrefix("-"):
        try RunRequest(playbook: arguments[1]).perform()
      case 4 where arguments[0] == "run" && !arguments[1].hasPrefix("-") && arguments[2] == "--client"
        && !arguments[3].hasPrefix("-"):
        try RunRequest(playbook: arguments[1], client: arguments[3]).perform()
      default:
        try parseAndRun(arguments)
      }
    } catch let status as ExitCode {
      // The usual way out: no need for the parser's error machinery.
      Foundation.exit(status.rawValue)
    } catch {
      exit(withError: error)
    }
  }

  /// Runs a command through the argument parser; its help goes through the pager at a terminal.
  private static func parseAndRun(_ arguments: [String]) throws {
    do {
      var command = try parseAsRoot(arguments)
      try command.run()
    } catch let status as ExitCode {
      throw status
    } catch {
      // Only help is paged: completions, `--version` and the manual's dump stay as the parser writes them.
      let asksHelp = arguments.contains { $0 == "--help" || $0 == "-h" || $0 == "help" }
        && !arguments.contains { $0.hasPrefix("---") || $0.hasPrefix("--generate-") || $0.hasPrefix("--experimental-") }
      let message = fullMessage(for: error)
      guard asksHelp, exitCode(for: error) == .success, !message.isEmpty else { throw error }
      Pager.show(message + "\n")
      throw ExitCode.success
    }
  }
}

extension Casebook {
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Walk a playbook step by step and keep a case record.",
      discussion: """
        Examples:
          casebook run no-show --client "Dana Ruiz"     a client did not come: live, short steps
          casebook run late-cancel --mode coach        the same with every step's reason
          casebook run ./my-playbook.yaml              your own playbook file
          casebook run no-show --lang pl               a translation, where the playbook has one
          casebook run no-show --list-steps            the steps and their ids; start none

        At the prompt, :help lists what you can type (:back, :where, :note, :drafts, :sent, :quit and more).
        """)

    @Argument(help: "A playbook id (see 'casebook list') or the path of a playbook file.", completion: ShellCompletions.playbooks)
    var playbook: String

    @Option(
      help: "The client's name, kept in the record and used for the case folder's name.",
      completion: ShellCompletions.clients)
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

    @Flag(help: "Play the playbook as you write it: reload it when saved, replaying the answers so far (nothing is kept as a case).")
    var watch = false

    func run() throws {
      try RunRequest(
        playbook: playbook, client: client, mode: mode, language: lang, history: !noHistory, listSteps: listSteps,
        startAt: startAt, values: values, watch: watch
      ).perform()
    }
  }

  struct List: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the bundled playbooks and your own, one line each.",
      discussion: """
        Examples:
          casebook list                  id and title of each playbook, yours marked [yours]
          casebook list | cut -d' ' -f1  the ids alone, for scripts
        """)

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
      abstract: "Carry on with an interrupted case from its last answered step.",
      discussion: """
        Examples:
          casebook resume                the latest interrupted case
          casebook resume dana           by its client's name, or a word of it
          casebook resume 2026-11-24-no  by the start of its id
        """)

    @Argument(
      help: "The case (its id, the start of one, or its client's name); default: the latest interrupted.",
      completion: ShellCompletions.cases)
    var caseName: String?

    @Flag(help: "Keep this session's answers out of the line-editing history.")
    var noHistory = false

    @Flag(help: "With no case named, take the latest interrupted practice case too.")
    var practice = false

    func run() throws {
      throw ExitCode(Launcher().resumeCase(caseName, history: !noHistory, practice: practice))
    }
  }

  struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Check playbooks and print every problem, as a compiler does.",
      discussion: """
        Examples:
          casebook check my-playbook.yaml        file:line:col, the source line and a caret; exit 1 on errors
          casebook check playbooks/              every playbook in a folder
          casebook check --format json my.yaml   for editors and scripts (or sarif)
        """)

    @Argument(
      help: "Playbook files or folders (default: the bundled playbooks and yours, in $CASEBOOK_HOME/playbooks).",
      completion: .file(extensions: ["yaml", "yml"]))
    var paths: [String] = []

    @Option(help: "text (default), json or sarif.")
    var format: DiagnosticReport.Format = .text

    func run() throws {
      let launcher = Launcher.forReading()
      var files: [String] = []
      let own = launcher.catalog.ownFolder.flatMap { folder -> String? in
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue ? folder : nil
      }
      let targets = paths.isEmpty ? [launcher.catalog.bundledFolder, own].compactMap { $0 } : paths
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
        diagnostics += launcher.catalog.missingHandovers(in: result)
        sources.merge(result.sources) { first, _ in first }
      }
      switch format {
      case .text: launcher.report(diagnostics.sorted(), sources: sources)
      case .json: launcher.console.writeVerbatim(DiagnosticReport.json(diagnostics.sorted()))
      case .sarif:
        launcher.console.writeVerbatim(DiagnosticReport.sarif(diagnostics.sorted(), version: Casebook.configuration.version))
      }
      if diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
      if paths.isEmpty, format == .text {
        let yours = own.map { folder in files.count { $0.hasPrefix(folder + "/") } } ?? 0
        launcher.console.writeVerbatim(Self.summary(bundled: files.count - yours, yours: yours, own: own, diagnostics: diagnostics) + "\n")
      }
    }

    /// The line `check` with no path ends with: what was checked, and that nothing is wrong.
    static func summary(bundled: Int, yours: Int, own: String?, diagnostics: [Diagnostic]) -> String {
      var checked = "checked \(bundled) bundled playbook\(bundled == 1 ? "" : "s")"
      if let own { checked += " and \(yours) of yours (\(own))" }
      return checked + ": " + (DiagnosticRenderer.summary(diagnostics).map { "no errors, " + $0 } ?? "no problems")
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
