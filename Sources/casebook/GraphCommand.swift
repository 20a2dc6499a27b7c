public import ArgumentParser
import CasebookKit

extension Casebook {
  struct Graph: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Print a playbook's decision tree as a Mermaid or Graphviz DOT diagram.")

    @Argument(help: "A playbook id or the path of a playbook file.", completion: ShellCompletions.playbooks)
    var playbook: String

    @Option(help: "mermaid (default) or dot.")
    var format: PlaybookGraph.Format = .mermaid

    func run() throws {
      let launcher = Launcher.forReading()
      guard let loaded = launcher.loadPlaybook(playbook, checks: .all) else { throw ExitCode(1) }
      launcher.console.writeVerbatim(PlaybookGraph.render(loaded.playbook, as: format))
    }
  }
}

extension PlaybookGraph.Format: ExpressibleByArgument {}

extension DiagnosticReport.Format: ExpressibleByArgument {}
