import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run playbook tests (scripted walks with expectations), or explore every path.",
      discussion: """
        Test files are YAML: `playbook:` (an id, or a path relative to the test file) and `tests:`,
        each with `name`, `answers` and `expect` (`end`, `saved`, `shown`, `drafted`, `decided`).
        With no path, runs the bundled playbooks' tests. With --explore, the paths are playbooks.
        """)

    @Argument(help: "Test files or folders of them (*.tests.yaml); with --explore, playbooks.")
    var paths: [String] = []

    @Flag(help: "Walk every path of each playbook (or a seeded sample past --limit) and report coverage.")
    var explore = false

    @Option(help: "With --explore: the most walks before sampling.")
    var limit = 2_000

    @Option(help: "With --explore: the seed of the random sample.")
    var seed: UInt64 = 1

    func run() throws {
      let launcher = Launcher.forReading()
      if explore { throw ExitCode(exploreAll(launcher)) }
      var files: [String] = []
      let targets = paths.isEmpty ? [launcher.catalog.bundledFolder.map { $0 + "/tests" }].compactMap { $0 } : paths
      for target in targets {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: target, isDirectory: &isFolder), isFolder.boolValue {
          let folder = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
          files += PlaybookCatalog.files(in: folder).filter { $0.hasSuffix(".tests.yaml") }
        } else {
          files.append(target)
        }
      }
      var passed = 0
      var failed = 0
      for file in files {
        let (suite, problems) = PlaybookTestRunner.load(path: file)
        launcher.report(problems, sources: [:])
        guard let suite else {
          failed += 1
          continue
        }
        let folder = (file as NSString).deletingLastPathComponent
        let isPath = suite.playbook.contains("/") || suite.playbook.hasSuffix(".yaml") || suite.playbook.hasSuffix(".yml")
        let target = isPath && !suite.playbook.hasPrefix("/") ? "\(folder)/\(suite.playbook)" : suite.playbook
        guard let loaded = launcher.loadPlaybook(target, checks: .all) else {
          failed += suite.tests.count
          continue
        }
        launcher.console.write(TextSanitizer.clean("\(file) (\(loaded.playbook.id))") + "\n")
        for test in suite.tests {
          let outcome = PlaybookTestRunner.run(test, on: loaded.playbook)
          if outcome.passed {
            passed += 1
            launcher.console.write("  PASS  \(TextSanitizer.clean(test.name))\n")
          } else {
            failed += 1
            launcher.console.write("  FAIL  \(TextSanitizer.clean(test.name))  (\(test.location))\n")
            for failure in outcome.failures {
              let indented = failure.split(separator: "\n").map { "        " + $0 }.joined(separator: "\n")
              launcher.console.write(TextSanitizer.clean(indented, keepNewlines: true) + "\n")
            }
          }
        }
      }
      launcher.console.write("\(passed) passed, \(failed) failed\n")
      if failed > 0 || files.isEmpty { throw ExitCode(1) }
    }

    private func exploreAll(_ launcher: Launcher) -> Int32 {
      let targets = paths.isEmpty ? launcher.catalog.entries().filter { $0.origin == .bundled }.map(\.path) : paths
      var status: Int32 = 0
      for target in targets {
        guard let loaded = launcher.loadPlaybook(target, checks: .all) else {
          status = 1
          continue
        }
        let report = PlaybookExplorer.explore(loaded.playbook, limit: limit, seed: seed)
        let console = launcher.console
        let kind = report.isExhaustive ? "every path" : "a sample (seed \(seed))"
        console.write("\(loaded.playbook.id): \(report.walks) walks, \(kind)\n")
        for (end, count) in report.ends.sorted(by: { $0.key < $1.key }) {
          console.write("  end \(end): \(count)\n")
        }
        let unreached = loaded.playbook.steps.filter(\.isEnd).map(\.id).filter { report.ends[$0] == nil }
        if !unreached.isEmpty { console.write("  ends never reached: \(unreached.map(\.rawValue).joined(separator: ", "))\n") }
        if !report.unvisitedSteps.isEmpty {
          console.write("  steps never visited: \(report.unvisitedSteps.map(\.rawValue).joined(separator: ", "))\n")
        }
        if !report.unvisitedAnswers.isEmpty {
          console.write("  answers never given: \(report.unvisitedAnswers.joined(separator: ", "))\n")
        }
        if report.unfinished > 0 {
          console.write("  walks that found no end within 200 answers: \(report.unfinished)\n")
          status = 1
        }
        for outcome in RehearsalExplorer.explore(loaded.playbook, seed: seed) ?? [] {
          var line = "  rehearsal, \(outcome.persona.rawValue) client: \(outcome.walks) walks, accepted \(outcome.accepted), to the last turn \(outcome.lastTurn)"
          if outcome.unfinished > 0 {
            line += ", no end \(outcome.unfinished)"
            status = 1
          }
          console.write(line + "\n")
        }
      }
      return status
    }
  }
}
