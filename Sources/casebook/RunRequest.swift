import ArgumentParser
import CasebookKit
import Foundation

/// What `casebook run` was asked to do, apart from how the command line said it.
struct RunRequest {
  var playbook: String
  var client: String?
  var mode: CaseMode = .live
  var language: String?
  var history = true
  var listSteps = false
  var startAt: String?
  var values: [String] = []
  var watch = false

  /// Runs the playbook (or lists its steps); throws the exit status.
  func perform() throws {
    // `--mode rehearse` and `--mode practice` are the `rehearse` and `practice` commands.
    switch mode {
    case .rehearse:
      try Casebook.Rehearse.parse([playbook] + (client.map { ["--client", $0] } ?? [])).run()
      return
    case .practice:
      try Casebook.Practice.parse([playbook]).run()
      return
    case .live, .coach:
      break
    }
    let launcher = Launcher()
    if watch {
      guard let path = launcher.catalog.locate(playbook), FileManager.default.fileExists(atPath: path) else {
        launcher.console.error("no playbook file '\(playbook)' to watch (give the path of the file you are writing)")
        throw ExitCode(1)
      }
      throw ExitCode(WatchRun(path: path, launcher: launcher, client: client, mode: mode).run())
    }
    guard let loaded = launcher.loadPlaybook(playbook) else { throw ExitCode(1) }
    if listSteps {
      let width = loaded.playbook.steps.map(\.id.rawValue.count).max() ?? 0
      for (index, step) in loaded.playbook.steps.enumerated() {
        let kind = step.kind.name.rawValue
        let id = step.id.rawValue + String(repeating: " ", count: width - step.id.rawValue.count)
        let line = "\(index + 1). \(id)  \(kind.padding(toLength: 6, withPad: " ", startingAt: 0))  \(step.text)"
        launcher.console.write(TextSanitizer.clean(line) + "\n")
      }
      return
    }
    var carried: (from: String, values: [String: String])?
    if !values.isEmpty { carried = (from: "--set", values: try Casebook.assignments(values)) }
    var first: StepID?
    if let startAt {
      guard loaded.playbook[StepID(startAt)] != nil else {
        let known = loaded.playbook.steps.map(\.id.rawValue)
        let guess = known.first { Suggestion.isClose(startAt, $0) }.map { "; did you mean '\($0)'?" } ?? ""
        launcher.console.error("playbook '\(loaded.playbook.id)' has no step '\(startAt)'\(guess) (--list-steps shows them)")
        throw ExitCode(1)
      }
      first = StepID(startAt)
    }
    throw ExitCode(
      launcher.startCase(
        playbook: loaded.playbook, snapshot: loaded.snapshot, client: client, mode: mode, history: history,
        language: language, carrying: carried, startAt: first))
  }
}
