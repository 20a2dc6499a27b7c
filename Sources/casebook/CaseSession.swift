import CasebookKit
import Foundation

/// Runs one case at the prompt: lines become events, the engine's effects become I/O.
///
/// The only logic here is the adapter's own: carrying out effects in order, and keeping an answer
/// that could not be saved pending until it can.
final class CaseSession {
  private var engine: CaseEngine
  private let writer: CaseWriter
  private let reader: any LineReader
  private let console: Console
  private let clock: Clock
  private let timeZone: TimeZone

  init(
    engine: CaseEngine, writer: CaseWriter, reader: any LineReader, console: Console, clock: Clock,
    timeZone: TimeZone
  ) {
    self.engine = engine
    self.writer = writer
    self.reader = reader
    self.console = console
    self.clock = clock
    self.timeZone = timeZone
  }

  /// The case as it stands.
  var state: CaseState { engine.state }
  /// The playbook it runs.
  var playbook: Playbook { engine.playbook }
  /// The case folder's name, once the case is on disk.
  var caseName: String? { writer.name }

  /// Runs until the case completes or is left; returns the process's exit status.
  func run(startingWith effects: [Effect]) -> Int32 {
    var effects = effects
    while true {
      var next: Event?
      // At the end, nothing is retried at a next step: `finish` says what is kept instead.
      let isEnding = effects.contains { if case .finish = $0 { true } else { false } }
      for effect in fittedToScreen(effects) {
        switch effect {
        case .show(let output):
          // The case moved on: a line half typed for the question it left is dropped.
          reader.abandonLine()
          console.show(output)
        case .announce(let output):
          reader.announce(output.text)
        case .reject(let hint):
          console.hint(hint)
        case .persist(let entry):
          persist(entry, isEnding: isEnding)
        case .flush:
          save()
        case .copyDraft(let draft):
          if copy(draft) { next = .draftCopied(draft) }
        case .editDraft(let draft):
          if let edited = edit(draft) { next = .draftEdited(edited) }
        case .ask(let prompt):
          var prompt = prompt
          if !writer.unsaved.isEmpty { prompt.text = "[unsaved] " + prompt.text }
          next = read(prompt)
        case .finish(let status):
          return finish(status)
        }
        if next != nil { break }
      }
      guard let event = next else { return finish(.interrupted) }
      effects = engine.handle(event, at: clock.now())
    }
  }

  /// The effects with what they show fitted to the terminal's height (``Console/fitted(_:spare:)``),
  /// so that the question and what to do stay on screen; one row is kept for the prompt and one
  /// for each hint.
  private func fittedToScreen(_ effects: [Effect]) -> [Effect] {
    let shown = effects.compactMap { effect -> Output? in if case .show(let output) = effect { output } else { nil } }
    let hints = effects.filter { if case .reject = $0 { true } else { false } }.count
    var fitted = console.fitted(shown, spare: 1 + hints).makeIterator()
    return effects.map { effect in
      guard case .show = effect, let output = fitted.next() else { return effect }
      return .show(output)
    }
  }

  /// Reads at the prompt until the person gives an event; a deadline passing is a tick.
  private func read(_ prompt: Prompt) -> Event {
    while true {
      switch reader.read(prompt) {
      case .line(let line): return .input(line)
      case .cancelled: console.hint("Line cleared. Press Ctrl-C again to leave (the case is kept), or type :quit.")
      case .endOfInput: return .endOfInput
      case .interrupted: return .interrupted
      case .deadlinePassed: return .tick
      }
    }
  }

  /// The header as the writer holds it: an answer can change it (a `client` input names the case).
  private var writtenHeader: CaseHeader?

  private func persist(_ entry: JournalEntry, isEnding: Bool) {
    if writtenHeader != engine.state.header {
      writer.updateHeader(engine.state.header)
      writtenHeader = engine.state.header
    }
    do {
      try writer.append(entry)
    } catch {
      if !isEnding { console.error("\(error) (not saved yet: kept in memory, retried at the next step and on :save)") }
    }
    reportSnapshotError()
  }

  private var snapshotErrorReported = false

  private func reportSnapshotError() {
    guard !snapshotErrorReported, let error = writer.snapshotError else { return }
    snapshotErrorReported = true
    console.error("warning: \(error) (the case goes on; it needs its playbook file to be resumed)")
  }

  /// Writes a draft into the case folder and onto the clipboard where one can be reached
  /// (``Clipboard``); says exactly where it went. Returns whether the draft file was written.
  private func copy(_ draft: FilledDraft) -> Bool {
    do {
      let path = try writeDraft(draft)
      let copied = console.copyToClipboard(DraftFile.text(of: draft))
      console.info(copied.message(savedIn: path), linking: path)
      if !draft.gaps.isEmpty {
        let edit = draft.number.map { ":edit \($0)" } ?? ":edit"
        console.hint("Fill in \(draft.gaps.joined(separator: ", ")) before sending (\(edit) to do it here).")
      }
      return true
    } catch {
      console.error("\(error)")
      return false
    }
  }

  /// Opens a draft in `$VISUAL` or `$EDITOR` (else vi) and returns the edited text, if it changed.
  ///
  /// With input not from a terminal and no editor named, it refuses: vi would wait for keys that
  /// never come. A named editor still runs, so a script can name one that needs no terminal, but
  /// with nothing to read: the piped lines are the case's answers.
  private func edit(_ draft: FilledDraft) -> FilledDraft? {
    let path: String
    do {
      path = try writeDraft(draft)
    } catch {
      console.error("\(error)")
      return nil
    }
    let environment = ProcessInfo.processInfo.environment
    let named = environment["VISUAL"].flatMap { $0.isEmpty ? nil : $0 } ?? environment["EDITOR"].flatMap { $0.isEmpty ? nil : $0 }
    guard named != nil || console.readsTerminal else {
      console.hint(":edit needs a terminal (or $EDITOR set); the draft is in \(path)")
      return nil
    }
    let editor = named ?? "vi"
    console.flush()
    guard let status = EditorProcess.run(editor, on: path, withoutInput: !console.readsTerminal) else {
      console.error("could not start the editor '\(TextSanitizer.clean(editor))', or it was stopped")
      return nil
    }
    guard status == 0, let text = try? String(contentsOfFile: path, encoding: .utf8) else {
      console.error("the editor did not finish cleanly; the draft is unchanged")
      return nil
    }
    let edited = DraftFile.edited(draft, from: text)
    guard edited != draft else {
      console.show(Output(.info, "The draft is unchanged."))
      return nil
    }
    return edited
  }

  private func writeDraft(_ draft: FilledDraft) throws -> String {
    try writer.flush()
    guard let folder = writer.folder else { throw StorageError.notOnDisk }
    let path = "\(folder)/\(draft.fileName)"
    try CaseStore.writeAtomically(Array(DraftFile.text(of: draft).utf8), to: path)
    return path
  }

  private func save() {
    guard !writer.unsaved.isEmpty else {
      console.show(Output(.info, "Everything is saved."))
      return
    }
    do {
      try writer.flush()
      console.show(Output(.info, "Saved."))
    } catch {
      console.error("\(error)")
    }
  }

  /// What is on the disk when the session's last entries could not be saved, and what to run.
  private func keptText() -> String {
    guard let name = writer.name.map({ TextSanitizer.clean($0) }) else {
      return "nothing of this case reached the disk; once there is space, start it again"
    }
    return "the case is kept as far as its last saved entry; once that is fixed, go on with: casebook resume \(name)"
  }

  /// Offers to write entries that could not be saved to another folder; `true` once they are safe.
  private func rescueUnsaved() -> Bool {
    let count = writer.unsaved.count
    console.error("\(count) entr\(count == 1 ? "y" : "ies") of this case could not be saved.")
    guard console.isInteractive else { return false }
    while true {
      console.write("Type a folder to write a copy of the case journal to, or press Enter to leave without saving:\n")
      guard case .line(let line) = reader.read(Prompt(step: "rescue", completions: [], text: "> ", history: .commandsOnly)) else { return false }
      let target = line.trimmingCharacters(in: .whitespaces)
      guard !target.isEmpty else { return false }
      do {
        let path = try writer.writeCopy(into: target)
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
      try writer.flush()
    } catch {
      console.error("\(error.withoutAdvice)")
      console.error(keptText())
      saved = rescueUnsaved()
    }
    if writer.folder != nil && writer.unsaved.isEmpty {
      do {
        try writer.writeRecord(CaseRecord(state: engine.state, playbook: engine.playbook, timeZone: timeZone), timeZone: timeZone)
      } catch {
        saved = false
        console.error("\(error.withoutAdvice)")
        console.error(
          "every answer is kept in the case journal; once that is fixed, write the record with: "
            + "casebook cases rebuild \(TextSanitizer.clean(writer.name ?? ""))")
      }
    }
    if writer.folder == nil { writer.discardUnsaved() }
    reportSnapshotError()
    guard let folder = writer.folder, let name = writer.name, saved else { return 1 }
    if engine.state.header.mode == .rehearse {
      // A rehearsal is not resumed: its record holds the review either way.
      console.write("\nRecord: \(TextSanitizer.clean(folder))/\(CaseStore.recordMarkdownName)\n", linking: "\(folder)/\(CaseStore.recordMarkdownName)")
      return status == .completed ? 0 : 3
    }
    switch status {
    case .completed:
      console.write(
        "\nCase record: \(TextSanitizer.clean(folder))/\(CaseStore.recordMarkdownName)\n",
        linking: "\(folder)/\(CaseStore.recordMarkdownName)")
      return 0
    case .running, .interrupted:
      console.write("\nCase kept as interrupted. Resume it with: casebook resume \(TextSanitizer.clean(name))\n")
      return 3
    }
  }
}
