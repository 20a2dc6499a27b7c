import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Test: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Run playbook tests (scripted walks with expectations), or explore every path.",
      discussion: """
        Examples:
          casebook test                          the bundled playbooks' tests and yours
          casebook test my-playbook.yaml         its tests file (tests/my-playbook.tests.yaml)
          casebook test --coverage               what no test visits
          casebook test --explore my.yaml        walk every path

        Test files are YAML: `playbook:` (an id, or a path relative to the test file) and `tests:`,
        each with `name`, `answers` and `expect` (`end`, `saved`, `shown`, `drafted`, `decided`).
        With no path, runs the bundled playbooks' tests. With --explore, the paths are playbooks.
        """)

    @Argument(help: "Test files or folders of them (*.tests.yaml); with --explore, playbooks.")
    var paths: [String] = []

    @Flag(help: "Walk every path of each playbook (or a seeded sample past --limit) and report coverage.")
    var explore = false

    @Flag(help: "After the tests, list the steps, answers, drafts, branch cases and ends that no test visits.")
    var coverage = false

    @Option(help: "With --explore: the most walks before sampling.")
    var limit = 2_000

    @Option(help: "With --explore: the seed of the random sample.")
    var seed: UInt64 = 1

    func run() throws {
      let launcher = Launcher.forReading()
      if explore { throw ExitCode(exploreAll(launcher)) }
      var files: [String] = []
      let ownTests = launcher.catalog.ownFolder.map { $0 + "/tests" }.flatMap { Self.isFolder($0) ? $0 : nil }
      let targets = paths.isEmpty ? [launcher.catalog.bundledFolder.map { $0 + "/tests" }, ownTests].compactMap { $0 } : paths
      for target in targets {
        if Self.isFolder(target) {
          let folder = target.count > 1 && target.hasSuffix("/") ? String(target.dropLast()) : target
          files += PlaybookCatalog.files(in: folder).filter { $0.hasSuffix(".tests.yaml") }
        } else if let tests = Self.testsFiles(ofPlaybook: target) {
          guard !tests.isEmpty else {
            launcher.console.error(Self.howToTest(target))
            throw ExitCode(1)
          }
          files += tests
        } else {
          files.append(target)
        }
      }
      var passed = 0
      var failed = 0
      var walks: [String: (playbook: Playbook, paths: [[CaseState.PathEntry]])] = [:]
      for file in files {
        let (suite, problems) = PlaybookTestRunner.load(path: file)
        launcher.report(problems, sources: [:])
        guard let suite else {
          failed += 1
          continue
        }
        // A path is relative to the tests file's folder, which is the current one when the tests
        // file is named without a folder.
        let folder = (file as NSString).deletingLastPathComponent
        let isPath = suite.playbook.contains("/") || suite.playbook.hasSuffix(".yaml") || suite.playbook.hasSuffix(".yml")
        let target = isPath && !suite.playbook.hasPrefix("/")
          ? (folder.isEmpty ? suite.playbook : "\(folder)/\(suite.playbook)") : suite.playbook
        guard let loaded = launcher.loadPlaybook(target, checks: .all) else {
          failed += suite.tests.count
          continue
        }
        launcher.console.write(TextSanitizer.clean("\(file) (\(loaded.playbook.id))") + "\n")
        for test in suite.tests {
          let outcome = PlaybookTestRunner.run(test, on: loaded.playbook)
          walks[loaded.playbook.file, default: (loaded.playbook, [])].paths.append(outcome.path)
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
      if coverage {
        for (_, tested) in walks.sorted(by: { $0.key < $1.key }) { Self.report(TestCoverage(of: tested.playbook, walks: tested.paths), of: tested.playbook, launcher: launcher) }
      }
      launcher.console.write("\(passed) passed, \(failed) failed\n")
      if failed > 0 || files.isEmpty { throw ExitCode(1) }
    }

    /// Prints what the tests of `playbook` leave unvisited.
    static func report(_ coverage: TestCoverage, of playbook: Playbook, launcher: Launcher) {
      var text = "coverage of \(playbook.id):"
      guard !coverage.isComplete else {
        launcher.console.write(TextSanitizer.clean(text + " every step, answer, draft, branch case and end is visited") + "\n")
        return
      }
      let groups: [(String, [String])] = [
        ("steps no test visits", coverage.steps.map(\.rawValue)), ("answers no test gives", coverage.answers),
        ("drafts no test is offered", coverage.drafts), ("branch cases no test takes", coverage.branchCases),
        ("ends no test reaches", coverage.ends.map(\.rawValue)),
      ]
      for (title, items) in groups where !items.isEmpty {
        text += "\n  \(title):" + items.map { "\n    " + $0 }.joined()
      }
      launcher.console.write(TextSanitizer.clean(text, keepNewlines: true) + "\n")
    }

    static func isFolder(_ path: String) -> Bool {
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && isFolder.boolValue
    }

    /// When `path` is a playbook rather than a tests file: its tests files, found as
    /// `tests/NAME.tests.yaml` beside it (as the bundled playbooks keep theirs) or `NAME.tests.yaml`
    /// next to it; `nil` when `path` is a tests file (or not a readable file at all).
    static func testsFiles(ofPlaybook path: String) -> [String]? {
      guard !path.hasSuffix(".tests.yaml"), let data = FileManager.default.contents(atPath: path),
        let text = String(data: data, encoding: .utf8),
        !text.split(separator: "\n").contains(where: { $0.hasPrefix("tests:") })
      else { return nil }
      let folder = (path as NSString).deletingLastPathComponent
      let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
      let prefix = folder.isEmpty ? "" : folder + "/"
      return ["\(prefix)tests/\(name).tests.yaml", "\(prefix)\(name).tests.yaml"].filter {
        FileManager.default.fileExists(atPath: $0)
      }
    }

    /// What to say when a playbook has no tests file: where to put one, and what it holds.
    static func howToTest(_ path: String) -> String {
      let folder = (path as NSString).deletingLastPathComponent
      let file = (path as NSString).lastPathComponent
      let name = (file as NSString).deletingPathExtension
      let place = (folder.isEmpty ? "" : folder + "/") + "tests/\(name).tests.yaml"
      return """
        \(path) is a playbook, and it has no tests file yet. Write one as \(place) (or \(name).tests.yaml \
        beside it), then run 'casebook test \(path)' again. A tests file names the playbook and walks it:

          playbook: ../\(file)
          tests:
            - name: what this walk shows
              answers:
                STEP-ID: ANSWER
              expect:
                end: END-STEP-ID

        'casebook test --explore \(path)' walks every path of it without a tests file.
        """
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
