public import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Draw a playbook's decision tree: Mermaid or Graphviz DOT text, or an SVG or PNG picture.",
      discussion: """
        Examples:
          casebook graph no-show                         Mermaid text (paste into a Markdown file)
          casebook graph no-show --format svg > t.svg    a picture, through Graphviz's dot
          casebook graph no-show --case dana --format svg > path.svg   the path a case took
        """)

    /// What `graph` can write.
    enum Format: String, ExpressibleByArgument, CaseIterable {
      case mermaid, dot, svg, png
    }

    @Argument(help: "A playbook id or the path of a playbook file.", completion: ShellCompletions.playbooks)
    var playbook: String

    @Option(help: "mermaid (default), dot, or svg and png (drawn by Graphviz's dot).")
    var format: Format = .mermaid

    @Option(name: .customLong("case"), help: "Draw the path this case took: the steps reached, the answers given, where it stopped.")
    var caseName: String?

    func run() throws {
      let launcher = Launcher.forReading()
      guard let loaded = launcher.loadPlaybook(playbook, checks: .all) else { throw ExitCode(1) }
      let walk = try caseName.map { try Self.walk(of: $0, launcher: launcher) }
      switch format {
      case .mermaid: launcher.console.writeVerbatim(PlaybookGraph.render(loaded.playbook, as: .mermaid, walk: walk))
      case .dot: launcher.console.writeVerbatim(PlaybookGraph.render(loaded.playbook, as: .dot, walk: walk))
      case .svg, .png:
        if format == .png, isatty(STDOUT_FILENO) != 0 {
          launcher.console.error("a PNG is not text: send it to a file, as in 'casebook graph \(playbook) --format png > graph.png'")
          throw ExitCode(1)
        }
        let picture = try Self.draw(PlaybookGraph.render(loaded.playbook, as: .dot, walk: walk), as: format.rawValue, launcher: launcher)
        FileHandle.standardOutput.write(picture)
      }
    }

    /// The path a case took, from its record.
    static func walk(of name: String, launcher: Launcher) throws -> PlaybookGraph.Walk {
      let summary = try launcher.findCase(name)
      guard let record = launcher.keptUpRecord(of: summary) else {
        launcher.console.error("case '\(summary.name)' cannot be read (casebook repair \(summary.name) may mend it)")
        throw ExitCode(1)
      }
      return PlaybookGraph.Walk(name: summary.name, steps: record.steps.map { (id: $0.id, answer: $0.answer) })
    }

    /// `dot`'s drawing of `source`; when Graphviz is not installed, says how to get it.
    static func draw(_ source: String, as kind: String, launcher: Launcher) throws -> Data {
      let path = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
        .map { "\($0)/dot" }.first { FileManager.default.isExecutableFile(atPath: $0) }
      guard let path else {
        launcher.console.error(
          "drawing \(kind.uppercased()) needs Graphviz's 'dot', which is not installed; install Graphviz "
            + "(Debian and Ubuntu: sudo apt-get install graphviz; macOS: brew install graphviz), "
            + "or write DOT text with --format dot and draw it elsewhere")
        throw ExitCode(1)
      }
      // posix_spawn, not Foundation's Process, whose wait hangs on a faked clock (faketime).
      let (status, picture) = ShellCommand.filter(path, arguments: ["-T\(kind)"], input: Data(source.utf8))
      guard status == 0 else {
        launcher.console.error("Graphviz's dot could not draw the graph (exit status \(status.map(String.init) ?? "none"))")
        throw ExitCode(1)
      }
      return picture
    }
  }
}

extension DiagnosticReport.Format: ExpressibleByArgument {}
