import Foundation
import Yams

/// Reads playbook test files and runs their walks through the engine, with no terminal.
public enum PlaybookTestRunner {
  /// The tests of one file, and the playbook they test.
  public struct Suite: Sendable {
    /// The test file.
    public var file: String
    /// The playbook's id or path, as the file names it.
    public var playbook: String
    /// The tests.
    public var tests: [PlaybookTest]
  }

  /// What one test found.
  public struct Outcome: Sendable, Hashable {
    /// The test's name.
    public var name: String
    /// Each expectation that did not hold, as a short diff.
    public var failures: [String]
    /// The lines typed, in order, inputs included: the same walk as piped input.
    public var typed: [String] = []
    /// The steps the walk reached, in order, with the answers given.
    public var path: [CaseState.PathEntry] = []
    /// Whether every expectation held.
    public var passed: Bool { failures.isEmpty }
  }

  static let fileKeys = ["playbook", "tests"]
  static let testKeys = ["name", "client", "answers", "expect"]
  static let expectKeys = ["end", "saved", "shown", "drafted", "decided"]

  /// Reads a test file: `playbook:` (an id or a path) and `tests:`, each with `name`, `answers`
  /// and `expect` (`end`, `saved`, `shown`, `drafted`, `decided`).
  public static func load(path: String) -> (Suite?, [Diagnostic]) {
    let at = SourceLocation(file: path, line: 1, column: 1)
    guard let data = FileManager.default.contents(atPath: path), let text = String(validating: data, as: UTF8.self) else {
      return (nil, [.unreadableFile("it does not exist or is not UTF-8", at: at)])
    }
    let root: Node
    do {
      guard let composed = try Yams.compose(yaml: text, .basic) else { return (nil, [.emptyFile(at: at)]) }
      root = composed
    } catch let error as YamlError {
      return (nil, [YAMLErrorExplainer(file: path, source: text).diagnostic(for: error)])
    } catch {
      return (nil, [.yamlSyntax(String(describing: error), at: at)])
    }
    var reader = TestFileReader(file: path)
    let suite = reader.read(root)
    return (suite, reader.diagnostics)
  }

  /// Runs one test against a playbook.
  public static func run(_ test: PlaybookTest, on playbook: Playbook) -> Outcome {
    var walk = Walk(test: test, playbook: playbook)
    walk.enterListedAnswers()
    walk.enterAnswersByStep()
    let state = walk.engine.state
    var failures = walk.failures
    if let failure = endFailure(of: test, at: state, walkFailed: !failures.isEmpty) { failures.append(failure) }
    failures += savedFailures(of: test, in: state)
    failures += shownFailures(of: test, shown: walk.shown)
    let record = CaseRecord(state: state, playbook: playbook, timeZone: TimeZone(identifier: "UTC")!)
    failures += recordFailures(of: test, in: record)
    var outcome = Outcome(name: test.name, failures: failures)
    outcome.typed = walk.typed
    outcome.path = state.path
    return outcome
  }

  /// Why the walk did not end where the test expects, if it did not. A walk that already failed
  /// is not also blamed for stopping early.
  private static func endFailure(of test: PlaybookTest, at state: CaseState, walkFailed: Bool) -> String? {
    if state.status != .completed && !walkFailed {
      return "the walk stopped at step '\(state.current?.rawValue ?? "?")' before an end; give more answers"
    } else if let end = test.end, state.path.last?.step != end {
      return "- end: \(end)\n+ end: \(state.path.last?.step.rawValue ?? "?")"
    }
    return nil
  }

  /// Each saved value that differs from the test's, as a diff.
  private static func savedFailures(of test: PlaybookTest, in state: CaseState) -> [String] {
    var failures: [String] = []
    for (name, expected) in test.saved.sorted(by: { $0.key < $1.key }) {
      let actual = state.values[name]?.description
      if actual != expected { failures.append("- \(name): \(expected)\n+ \(name): \(actual ?? "(not saved)")") }
    }
    return failures
  }

  /// Each fragment the test expects on screen that was never shown.
  private static func shownFailures(of test: PlaybookTest, shown: [String]) -> [String] {
    let text = shown.joined(separator: "\n")
    return test.shown.filter { !text.contains($0) }.map { "shown text does not contain '\($0)'" }
  }

  /// Each fragment the test expects in the record's drafts or outcome that is not there.
  private static func recordFailures(of test: PlaybookTest, in record: CaseRecord) -> [String] {
    var failures: [String] = []
    let drafts = record.drafts.map { ($0.subject ?? "") + "\n" + $0.text }.joined(separator: "\n")
    for fragment in test.drafted where !drafts.contains(fragment) {
      failures.append("no draft contains '\(fragment)'")
    }
    let decided = ([record.outcome?.decision, record.outcome?.text].compactMap { $0 } + record.nextActions.map(\.text))
      .joined(separator: "\n")
    for fragment in test.decided where !decided.contains(fragment) {
      failures.append("the outcome does not contain '\(fragment)'")
    }
    return failures
  }

  /// One test's walk through the engine, a minute per answer: what was typed and shown, and why
  /// the walk stopped early, if it did.
  private struct Walk {
    let test: PlaybookTest
    let playbook: Playbook
    var engine: CaseEngine
    var now: Date
    var shown: [String] = []
    var typed: [String] = []
    var failures: [String] = []

    /// Begins the test's case at a fixed time.
    init(test: PlaybookTest, playbook: Playbook) {
      let start = Date(timeIntervalSince1970: 1_800_000_000)
      let header = CaseHeader(
        playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
        client: test.client, mode: .live, started: start)
      self.test = test
      self.playbook = playbook
      engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
      now = start
      collect(engine.handle(.begin, at: header.started))
    }

    /// Enters the test's list of answers in order, while the case runs.
    mutating func enterListedAnswers() {
      for answer in test.answers where engine.state.status == .running {
        enter(answer)
      }
    }

    /// Enters the test's answer for each step the case reaches (by the name an input saves to),
    /// until the case ends, a step has no answer, or an answer is refused.
    mutating func enterAnswersByStep() {
      var steps = 0
      while !test.answersByStep.isEmpty, engine.state.status == .running, let current = engine.state.current, steps < 1_000 {
        steps += 1
        var key = current.rawValue
        if case .ask(let question)? = playbook[current]?.kind, question.isInput, let name = question.save { key = name }
        guard let answer = test.answersByStep[key] else {
          // An answer under a misspelt step id is the likely reason.
          let saved = Set(playbook.steps.compactMap { if case .ask(let question) = $0.kind { question.save } else { nil } })
          let strays = test.answersByStep.keys.filter { playbook[StepID($0)] == nil && !saved.contains($0) }
          let near = Suggestion.nearest(to: key, in: strays.sorted()).map {
            "; the test answers '\($0)', which is no step: is it meant to be '\(key)'?"
          } ?? ""
          failures.append("no answer for step '\(key)'\(near)")
          break
        }
        var effects = enter(answer)
        // A date whose meaning was inferred is shown back to be confirmed: Enter keeps it.
        if engine.pendingReading != nil { effects = enter("") }
        if case .reject(let hint)? = effects.first {
          failures.append("the answer '\(answer)' at step '\(key)' was refused: \(hint)")
          break
        }
      }
    }

    /// Types one answer a minute after the last, keeping what it shows.
    @discardableResult
    mutating func enter(_ answer: String) -> [Effect] {
      now.addTimeInterval(60)
      typed.append(answer)
      let effects = engine.handle(.input(answer), at: now)
      collect(effects)
      return effects
    }

    /// Keeps the text of everything shown, refusals included.
    mutating func collect(_ effects: [Effect]) {
      for effect in effects {
        switch effect {
        case .show(let output): shown.append(output.text)
        case .reject(let hint): shown.append(hint)
        default: break
        }
      }
    }
  }
}

/// Reads the shape of a test file, collecting every problem.
struct TestFileReader {
  let file: String
  private(set) var diagnostics: [Diagnostic] = []

  init(file: String) { self.file = file }

  func at(_ node: Node) -> SourceLocation {
    SourceLocation(file: file, line: node.mark?.line ?? 1, column: node.mark?.column ?? 1)
  }

  mutating func fields(_ node: Node, _ context: String, _ allowed: [String]) -> [String: Node]? {
    guard case .mapping(let mapping) = node else {
      diagnostics.append(.wrongType(context, expected: "a mapping", found: "something else", at: at(node)))
      return nil
    }
    var result: [String: Node] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string, allowed.contains(name) else {
        diagnostics.append(.unknownKey(key.scalar?.string ?? "?", in: context, known: allowed, at: at(key)))
        continue
      }
      result[name] = value
    }
    return result
  }

  func strings(_ node: Node?) -> [String] {
    guard let node else { return [] }
    if case .scalar(let scalar) = node { return [scalar.string] }
    return node.sequence?.compactMap { $0.scalar?.string } ?? []
  }

  mutating func read(_ root: Node) -> PlaybookTestRunner.Suite? {
    guard let fields = fields(root, "a test file", PlaybookTestRunner.fileKeys) else { return nil }
    guard let playbook = fields["playbook"]?.scalar?.string else {
      diagnostics.append(.missingKey("playbook", in: "a test file", at: at(root)))
      return nil
    }
    var tests: [PlaybookTest] = []
    for node in fields["tests"]?.sequence ?? [] {
      guard let test = self.fields(node, "a test", PlaybookTestRunner.testKeys) else { continue }
      guard let name = test["name"]?.scalar?.string else {
        diagnostics.append(.missingKey("name", in: "a test", at: at(node)))
        continue
      }
      let expect = test["expect"].flatMap { self.fields($0, "expect", PlaybookTestRunner.expectKeys) } ?? [:]
      var saved: [String: String] = [:]
      for (key, value) in expect["saved"]?.mapping ?? [:] {
        if let name = key.scalar?.string, let text = value.scalar?.string { saved[name] = text }
      }
      var byStep: [String: String] = [:]
      for (key, value) in test["answers"]?.mapping ?? [:] {
        if let step = key.scalar?.string, let answer = value.scalar?.string { byStep[step] = answer }
      }
      var made = PlaybookTest(
        name: name, client: test["client"]?.scalar?.string, answers: strings(test["answers"]),
        end: expect["end"]?.scalar.map { StepID($0.string) }, saved: saved, shown: strings(expect["shown"]),
        drafted: strings(expect["drafted"]), decided: strings(expect["decided"]), location: at(node))
      made.answersByStep = byStep
      tests.append(made)
    }
    if tests.isEmpty { diagnostics.append(.missingKey("tests", in: "a test file", at: at(root))) }
    return PlaybookTestRunner.Suite(file: file, playbook: playbook, tests: tests)
  }
}
