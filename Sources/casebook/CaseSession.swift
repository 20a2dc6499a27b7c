import CasebookKit
import Foundation

/// Runs one case at the prompt: lines become events, the engine's effects become I/O.
///
/// The only logic here is the adapter's own: carrying out effects in order, and keeping an answer
/// that could not be saved pending until it can.
final class CaseSession {
  private var engine: CaseEngine
  private let journal: CaseJournal
  private let store: CaseStore
  private let caseName: String
  private let folder: String
  private let reader: any LineReader
  private let console: Console
  private let clock: Clock
  private let timeZone: TimeZone

  init(
    engine: CaseEngine, journal: CaseJournal, store: CaseStore, caseName: String,
    reader: any LineReader, console: Console, clock: Clock, timeZone: TimeZone
  ) {
    self.engine = engine
    self.journal = journal
    self.store = store
    self.caseName = caseName
    self.folder = "\(store.casesFolder)/\(caseName)"
    self.reader = reader
    self.console = console
    self.clock = clock
    self.timeZone = timeZone
  }

  /// Runs until the case completes or is left; returns the process's exit status.
  func run(startingWith effects: [Effect]) -> Int32 {
    var effects = effects
    while true {
      var nextEvent: Event?
      for effect in effects {
        switch effect {
        case .show(let output):
          console.show(output)
        case .reject(let hint):
          console.hint(hint)
        case .persist(let entry):
          persist(entry)
        case .flush:
          save()
        case .ask(let prompt):
          var prompt = prompt
          if !journal.pending.isEmpty { prompt.text = "[unsaved] " + prompt.text }
          nextEvent = read(prompt)
        case .finish(let status):
          return finish(status)
        }
        if nextEvent != nil { break }
      }
      guard let event = nextEvent else { return finish(.interrupted) }
      effects = engine.handle(event, at: clock.now())
    }
  }

  private func read(_ prompt: Prompt) -> Event {
    while true {
      switch reader.read(prompt) {
      case .line(let line): return .input(line)
      case .cancelled: console.hint("Line cleared. Press Ctrl-C again to leave (the case is kept), or type :quit.")
      case .endOfInput: return .endOfInput
      case .interrupted: return .interrupted
      }
    }
  }

  private func persist(_ entry: JournalEntry) {
    do {
      try journal.append(entry)
    } catch {
      console.error("\(error) (not saved yet: kept in memory, retried at the next step and on :save)")
    }
  }

  private func save() {
    guard !journal.pending.isEmpty else {
      console.show(Output(.info, "Everything is saved."))
      return
    }
    do {
      try journal.flush()
      console.show(Output(.info, "Saved."))
    } catch {
      console.error("\(error)")
    }
  }

  /// Offers to write entries that could not be saved to another folder; `true` once they are safe.
  private func rescueUnsaved() -> Bool {
    let count = journal.pending.count
    console.error("\(count) entr\(count == 1 ? "y" : "ies") of this case could not be saved to '\(folder)'.")
    guard console.isInteractive else { return false }
    while true {
      console.write("Type a folder to write a copy of the case journal to, or press Enter to leave without saving:\n")
      guard case .line(let line) = reader.read(Prompt(step: "rescue", completions: [], text: "> ")) else { return false }
      let target = line.trimmingCharacters(in: .whitespaces)
      guard !target.isEmpty else { return false }
      do {
        let path = try journal.writeCopy(into: target, named: "\(caseName)-\(CaseJournal.fileName)")
        console.write("Wrote \(TextSanitizer.clean(path)); copy it back into the case folder to resume.\n")
        return true
      } catch {
        console.error("\(error)")
      }
    }
  }

  private func finish(_ status: CaseStatus) -> Int32 {
    var saved = true
    do {
      try journal.flush()
    } catch {
      console.error("\(error)")
      saved = rescueUnsaved()
    }
    let record = CaseRecord(state: engine.state, playbook: engine.playbook)
    do {
      try store.writeRecord(record, folder: folder, timeZone: timeZone)
    } catch {
      saved = false
      console.error("\(error)")
    }
    switch status {
    case .completed:
      console.write("\nCase record: \(TextSanitizer.clean(folder))/\(CaseStore.recordMarkdownName)\n")
      return saved ? 0 : 1
    case .running, .interrupted:
      console.write("\nCase kept as interrupted. Resume it with: casebook resume \(TextSanitizer.clean(caseName))\n")
      return 3
    }
  }
}
