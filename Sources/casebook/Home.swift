import CasebookKit
import Foundation

/// The home screen of `casebook` with no command: lists the playbooks, asks which to start and
/// for whom, then runs it.
struct Home {
  let launcher: Launcher

  func run() -> Int32 {
    let console = launcher.console
    let entries = launcher.catalog.listing().filter { $0.title != nil }
    guard !entries.isEmpty else {
      console.error("no playbooks found; set CASEBOOK_PLAYBOOKS or add some to '\(launcher.store.playbooksFolder)'")
      return 1
    }
    console.write("Casebook: guided playbooks for hard moments with clients.\n\n")
    let width = entries.map(\.id.count).max() ?? 0
    for (index, entry) in entries.enumerated() {
      let padding = String(repeating: " ", count: width - entry.id.count)
      console.write(TextSanitizer.clean("  \(index + 1) \(entry.id)\(padding)  \(entry.title ?? "")") + "\n")
    }
    let reader = launcher.makeReader(history: false)
    let ids = entries.map(\.id)
    var chosen: (playbook: Playbook, snapshot: PlaybookSnapshot)?
    var refused = false
    while chosen == nil {
      console.write("\nWhich playbook? Type its number or id.\n")
      // As at a live question, a number up to nine picks at once.
      let keys = entries.count <= 9 ? Dictionary(uniqueKeysWithValues: entries.enumerated().map { (Character(String($0.offset + 1)), $0.element.id) }) : [:]
      switch reader.read(Prompt(step: "home", completions: ids, text: "> ", singleKeys: keys)) {
      case .line(let line):
        let text = line.trimmingCharacters(in: .whitespaces)
        let entry = Int(text).flatMap { entries.indices.contains($0 - 1) ? entries[$0 - 1] : nil } ?? entries.first { $0.id == text }
        guard let entry else {
          console.hint("'\(text)' is not a playbook here. Type 1-\(entries.count) or an id.")
          continue
        }
        // Listed from its header only: its errors, if any, show now.
        chosen = launcher.loadPlaybook(entry.path)
        if chosen == nil {
          refused = true
          console.hint("That playbook cannot run until its errors are fixed (casebook check). Choose another.")
        }
      case .cancelled, .deadlinePassed: continue
      case .endOfInput, .interrupted: return refused ? 1 : 0
      }
    }
    console.write("\nClient's name (Enter to leave it out):\n")
    var client: String?
    switch reader.read(Prompt(step: "client", completions: [], text: "> ")) {
    case .line(let line): client = line.trimmingCharacters(in: .whitespaces)
    case .cancelled, .deadlinePassed: client = nil
    case .endOfInput, .interrupted: return 0
    }
    console.write("\n")
    guard let loaded = chosen else { return 1 }
    return launcher.startCase(
      playbook: loaded.playbook, snapshot: loaded.snapshot, client: client, mode: .live, history: true, reader: reader)
  }
}
