import CasebookKit
import Foundation

/// The home screen of `casebook` with no command: lists the playbooks and the interrupted cases,
/// asks which to start or resume (and, when the playbook does not ask it itself, for whom), then
/// runs it.
struct Home {
  let launcher: Launcher

  /// How many interrupted cases the home screen offers, the most recently active first.
  static let resumableLimit = 5

  /// One numbered line of the home screen.
  private enum Option {
    case playbook(PlaybookCatalog.Entry)
    case resume(CaseStore.Summary)

    /// What a person types to pick it, besides its number.
    var name: String {
      switch self {
      case .playbook(let entry): entry.id
      case .resume(let summary): summary.name
      }
    }
  }

  /// What the person picked.
  private enum Pick {
    case start(Playbook, PlaybookSnapshot)
    case resume(String)
    /// Left without picking, with this exit status.
    case left(Int32)
  }

  func run() -> Int32 {
    let playbooks = launcher.catalog.listing().filter { $0.title != nil }
    guard !playbooks.isEmpty else {
      launcher.console.error(
        "no playbooks found; set CASEBOOK_PLAYBOOKS or add some to '\(launcher.store.playbooksFolder)'")
      return 1
    }
    let interrupted = launcher.store.cases().filter {
      $0.status == .interrupted && $0.damage == nil && CaseStore.isClientHistory($0.header.mode)
    }
    let options = playbooks.map(Option.playbook) + interrupted.prefix(Self.resumableLimit).map(Option.resume)
    list(options)
    let reader = launcher.makeReader(history: false)
    switch pick(from: options, reader: reader) {
    case .left(let status):
      return status
    case .resume(let name):
      launcher.console.write("\n")
      return launcher.resumeCase(name, history: true, reader: reader)
    case .start(let playbook, let snapshot):
      // A playbook with a `client` input asks for the name itself, once, and needs an answer.
      var client: String?
      if !playbook.inputs.contains("client") {
        guard let answer = askClient(reader) else { return 0 }
        client = answer
      }
      launcher.console.write("\n")
      return launcher.startCase(
        playbook: playbook, snapshot: snapshot, client: client, mode: .live, history: true, reader: reader)
    }
  }

  /// The numbered playbooks, then the interrupted cases.
  private func list(_ options: [Option]) {
    let console = launcher.console
    console.write("Casebook: guided playbooks for hard moments with clients.\n\n")
    let width = options.map { if case .playbook(let entry) = $0 { entry.id.count } else { 0 } }.max() ?? 0
    let caseWidth = options.map { if case .resume(let summary) = $0 { summary.name.count } else { 0 } }.max() ?? 0
    var isFirstCase = true
    for (index, option) in options.enumerated() {
      switch option {
      case .playbook(let entry):
        let padding = String(repeating: " ", count: width - entry.id.count)
        console.write(TextSanitizer.clean("  \(index + 1) \(entry.id)\(padding)  \(entry.title ?? "")") + "\n")
      case .resume(let summary):
        if isFirstCase { console.write("\nInterrupted cases, to resume:\n") }
        isFirstCase = false
        let about = [summary.header.client, summary.header.playbook].compactMap { $0 }.joined(separator: ", ")
        let padding = String(repeating: " ", count: caseWidth - summary.name.count)
        console.write(TextSanitizer.clean("  \(index + 1) \(summary.name)\(padding)  (\(about))") + "\n")
      }
    }
  }

  /// Asks until the person picks a playbook that loads, or a case, or leaves.
  private func pick(from options: [Option], reader: any LineReader) -> Pick {
    let console = launcher.console
    let names = options.map(\.name)
    let hasCases = options.contains { if case .resume = $0 { true } else { false } }
    // As at a live question, a number up to nine picks at once.
    let keys =
      options.count <= 9
      ? Dictionary(uniqueKeysWithValues: names.enumerated().map { (Character(String($0.offset + 1)), $0.element) }) : [:]
    var refused = false
    while true {
      console.write(hasCases ? "\nWhich playbook, or which case to resume? Type its number or name.\n" : "\nWhich playbook? Type its number or id.\n")
      let text: String
      switch reader.read(Prompt(step: "home", completions: names, text: "> ", singleKeys: keys)) {
      case .line(let line): text = line.trimmingCharacters(in: .whitespaces)
      case .cancelled, .deadlinePassed: continue
      case .endOfInput, .interrupted: return .left(refused ? 1 : 0)
      }
      let chosen = Int(text).flatMap { options.indices.contains($0 - 1) ? options[$0 - 1] : nil } ?? options.first { $0.name == text }
      switch chosen {
      case nil:
        let guess = names.first { Suggestion.isClose(text, $0) }.map { " Did you mean '\($0)'?" } ?? ""
        console.hint("'\(text)' is not a playbook here.\(guess) Type 1-\(options.count) or a name.")
      case .resume(let summary)?:
        return .resume(summary.name)
      case .playbook(let entry)?:
        // Listed from its header only: its errors, if any, show now.
        if let loaded = launcher.loadPlaybook(entry.path) { return .start(loaded.playbook, loaded.snapshot) }
        refused = true
        console.hint("That playbook cannot run until its errors are fixed (casebook check). Choose another.")
      }
    }
  }

  /// The client's name for a playbook that does not ask it: empty when left out, `nil` when the
  /// person leaves.
  private func askClient(_ reader: any LineReader) -> String? {
    launcher.console.write("\nClient's name (Enter to leave it out):\n")
    switch reader.read(Prompt(step: "client", completions: [], text: "> ", history: .commandsOnly)) {
    case .line(let line): return line.trimmingCharacters(in: .whitespaces)
    case .cancelled, .deadlinePassed: return ""
    case .endOfInput, .interrupted: return nil
    }
  }
}
