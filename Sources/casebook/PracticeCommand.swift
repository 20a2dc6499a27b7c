import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Practice: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Practise a playbook on one of its scenarios: feedback on each wrong turn, a score at the end.",
      discussion: "Without --scenario, takes the first scenario not yet done (kept in the Casebook home).")

    @Argument(help: "A playbook id or the path of a playbook file.", completion: ShellCompletions.playbooks)
    var playbook: String

    @Option(help: "The scenario's name (see the playbook's 'practice' section).")
    var scenario: String?

    func run() throws {
      let launcher = Launcher()
      guard let loaded = launcher.loadPlaybook(playbook, checks: .all) else { throw ExitCode(1) }
      let scenarios = loaded.playbook.scenarios
      guard !scenarios.isEmpty else {
        launcher.console.error("playbook '\(loaded.playbook.id)' has no practice scenarios")
        throw ExitCode(1)
      }
      let donePath = launcher.store.home + "/practice-done"
      let done = Set(((try? String(contentsOfFile: donePath, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init))
      let chosen: PracticeScenario
      if let scenario {
        guard let found = scenarios.first(where: { $0.name == scenario }) else {
          let names = scenarios.map(\.name)
          launcher.console.error("no scenario '\(scenario)' in '\(loaded.playbook.id)'; it has: \(names.joined(separator: ", "))")
          throw ExitCode(1)
        }
        chosen = found
      } else {
        chosen = scenarios.first { !done.contains("\(loaded.playbook.id)/\($0.name)") } ?? scenarios[0]
      }
      let console = launcher.console
      console.write(TextSanitizer.clean("Practice scenario '\(chosen.name)' (\(scenarios.count) in this playbook)", keepNewlines: true) + "\n")
      console.write(TextSanitizer.clean(chosen.situation, keepNewlines: true) + "\n\n")
      let status = launcher.startCase(
        playbook: loaded.playbook, snapshot: loaded.snapshot, client: chosen.values["client"], mode: .practice,
        history: false, carrying: (from: "scenario \(chosen.name)", values: chosen.values), scenario: chosen)
      if status == 0 {
        try? launcher.store.prepare()
        let line = "\(loaded.playbook.id)/\(chosen.name)\n"
        let descriptor = open(donePath, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        if descriptor >= 0 {
          _ = line.withCString { write(descriptor, $0, strlen($0)) }
          close(descriptor)
        }
      }
      throw ExitCode(status)
    }
  }
}
