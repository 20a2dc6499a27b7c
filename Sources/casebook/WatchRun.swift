import CasebookKit
import Foundation

/// `casebook run PLAYBOOK --watch`: plays a playbook file as it is written. When the file is
/// saved, it is read again and the answers given so far are replayed on it as far as they still
/// fit; while it has errors they are shown in place, and the run carries on once it is fixed.
///
/// A watched run is for trying a playbook out: nothing is written to the case folders.
final class WatchRun {
  private let path: String
  private let launcher: Launcher
  private let reader: any LineReader
  private let client: String?
  private let mode: CaseMode
  /// The journal of the run so far, kept in memory only.
  private var entries: [JournalEntry] = []
  /// The file's bytes when last read.
  private var seen: Data?
  private var changed = false

  init(path: String, launcher: Launcher, client: String?, mode: CaseMode) {
    self.path = path
    self.launcher = launcher
    self.client = client
    self.mode = mode
    reader = launcher.makeReader(history: false)
    (reader as? LibEditLineReader)?.stopReading = { [unowned self] in self.fileChanged() }
  }

  private var console: Console { launcher.console }

  /// Whether the file's bytes differ from those last read; polled about once a second.
  private func fileChanged() -> Bool {
    if !changed, FileManager.default.contents(atPath: path) != seen { changed = true }
    return changed
  }

  /// Runs until the person leaves (Ctrl-C twice, `:quit` or the end of input); the exit status.
  func run() -> Int32 {
    console.write(TextSanitizer.clean("Watching \(path): save it to play the new version. This run is not kept as a case.") + "\n\n")
    while true {
      if changed {
        // The line being typed belonged to the old version: it ends here, and the new one begins below.
        reader.abandonLine()
        console.write("\n")
      }
      changed = false
      seen = FileManager.default.contents(atPath: path)
      let result = PlaybookLoader.load(path: path, checks: .forRunning)
      guard let playbook = result.playbook else {
        launcher.report(result.diagnostics, sources: result.sources)
        console.write("Fix the playbook and save it; the run carries on from where it was.\n")
        guard waitForChange() else { return 0 }
        continue
      }
      var engine: CaseEngine
      var effects: [Effect]
      if entries.isEmpty {
        engine = CaseEngine(playbook: playbook, header: header(for: playbook), timeZone: launcher.timeZone)
        effects = engine.handle(.begin, at: launcher.clock.now())
      } else {
        engine = replayed(on: playbook)
        effects = engine.handle(.resume, at: launcher.clock.now())
      }
      switch drive(&engine, effects) {
      case .reload: continue
      case .leave: return 0
      case .ended:
        console.write("\nThe run has ended. Edit the playbook and save it to play it again, or press Ctrl-C to leave.\n")
        guard waitForChange() else { return 0 }
      }
    }
  }

  private func header(for playbook: Playbook) -> CaseHeader {
    CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: URL(fileURLWithPath: playbook.file).standardizedFileURL.path,
      playbookHash: playbook.contentHash, client: client.flatMap { $0.isEmpty ? nil : $0 }, mode: mode,
      started: launcher.clock.now())
  }

  /// A case rebuilt on `playbook` from the answers so far, up to the first that no longer fits.
  private func replayed(on playbook: Playbook) -> CaseEngine {
    guard case .opened(var header)? = entries.first else {
      return CaseEngine(playbook: playbook, header: self.header(for: playbook), timeZone: launcher.timeZone)
    }
    header.playbookHash = playbook.contentHash
    func rebuilt(_ kept: [JournalEntry]) -> CaseEngine {
      var engine = CaseEngine(playbook: playbook, header: header, timeZone: launcher.timeZone)
      engine.apply(.opened(header))
      for entry in kept { engine.apply(entry) }
      return engine
    }
    var kept: [JournalEntry] = []
    var engine = rebuilt([])
    for entry in entries.dropFirst() {
      switch entry {
      case .left, .resumed: continue
      default: break
      }
      let before = engine.state.unfitEntries.count
      engine.apply(entry)
      if engine.state.unfitEntries.count > before { break }
      kept.append(entry)
    }
    let answers = { (list: [JournalEntry]) in list.count { if case .answered = $0 { true } else { false } } }
    let given = answers(entries)
    let fitted = answers(kept)
    entries = [.opened(header)] + kept
    var report = "Reloaded \(path): replayed \(fitted) of \(given) answer\(given == 1 ? "" : "s")"
    if fitted < given { report += "; the rest no longer fit" }
    console.write(TextSanitizer.clean(report + ".") + "\n\n")
    return rebuilt(kept)
  }

  private enum Outcome { case reload, leave, ended }

  /// Carries out the engine's effects and feeds it what is typed, until the file changes, the
  /// run ends or the person leaves.
  private func drive(_ engine: inout CaseEngine, _ first: [Effect]) -> Outcome {
    var effects = first
    while true {
      var next: Event?
      for effect in effects {
        switch effect {
        case .show(let output):
          reader.abandonLine()
          console.show(output)
        case .announce(let output): reader.announce(output.text)
        case .reject(let hint): console.hint(hint)
        case .persist(let entry): entries.append(entry)
        case .flush: continue
        case .copyDraft, .editDraft: console.hint("Drafts are not copied or edited while watching a playbook.")
        case .ask(let prompt):
          reading: while true {
            switch reader.read(prompt) {
            case .line(let line): next = .input(line)
            case .cancelled:
              console.hint("Line cleared. Press Ctrl-C again to leave.")
              continue reading
            case .endOfInput, .interrupted: return .leave
            case .deadlinePassed:
              if changed { return .reload }
              next = .tick
            }
            break reading
          }
        case .finish(let status):
          return status == .completed ? .ended : .leave
        }
        if next != nil { break }
      }
      guard let event = next else { return .leave }
      if fileChanged() { return .reload }
      effects = engine.handle(event, at: launcher.clock.now())
    }
  }

  /// Waits for the file to be saved again; `false` when the person leaves instead.
  private func waitForChange() -> Bool {
    let prompt = Prompt(step: StepID("watching"), completions: [], text: "(waiting for a save; Ctrl-C leaves) ", history: .commandsOnly)
    while !fileChanged() {
      switch reader.read(prompt) {
      case .line, .cancelled, .deadlinePassed: continue
      case .endOfInput, .interrupted: return false
      }
    }
    return true
  }
}
