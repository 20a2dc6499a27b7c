import CEditLine
import CasebookKit
import Foundation

/// Everything a command needs from the outside world, gathered once: paths, clock, console.
struct Launcher {
  let environment: [String: String]
  let console: Console
  let store: CaseStore
  let catalog: PlaybookCatalog
  let clock: Clock
  let timeZone: TimeZone

  init() {
    _ = cel_set_umask(0o077)
    cel_install_signal_handlers()
    environment = ProcessInfo.processInfo.environment
    console = Console(environment: environment)
    store = CaseStore(home: CaseStore.homePath(environment: environment))
    catalog = PlaybookCatalog(
      bundledFolder: BundledPlaybooks.folder(environment: environment),
      ownFolder: store.playbooksFolder)
    clock = Clock.from(environment: environment)
    timeZone = TimeZone.current
  }

  // MARK: - Playbooks

  /// Loads a playbook by identifier or path, printing its diagnostics; `nil` when it has errors.
  func loadPlaybook(
    _ name: String, checks: PlaybookLoader.Checks = .forRunning
  ) -> (playbook: Playbook, snapshot: PlaybookSnapshot)? {
    guard let path = catalog.locate(name) else {
      let known = catalog.entries().map(\.id)
      var message = "no playbook named '\(name)'"
      if let guess = known.first(where: { Suggestion.isClose(name, $0) }) { message += "; did you mean '\(guess)'?" }
      console.error(message + " (casebook list shows them all)")
      return nil
    }
    let result = PlaybookLoader.load(path: path, checks: checks)
    let handovers = catalog.missingHandovers(in: result)
    report((result.diagnostics + handovers).sorted(), sources: result.sources)
    guard handovers.isEmpty else { return nil }
    return result.playbook.map { ($0, PlaybookSnapshot(file: path, sources: result.sources)) }
  }

  /// Prints diagnostics and their count to standard error.
  func report(_ diagnostics: [Diagnostic], sources: [String: String]) {
    guard !diagnostics.isEmpty else { return }
    var text = DiagnosticRenderer.render(diagnostics, sources: sources)
    if let summary = DiagnosticRenderer.summary(diagnostics) { text += summary + "\n" }
    console.diagnostics(text)
  }

  // MARK: - Cases

  func makeReader(history: Bool) -> any LineReader {
    guard console.isInteractive else { return PlainLineReader(console: console) }
    var historyPath: String?
    if history && environment["CASEBOOK_NO_HISTORY"] == nil {
      historyPath = HistoryFile.prepare(environment: environment, dataHome: store.home)
    }
    let accessible = environment["ACCESSIBLE"].map { !$0.isEmpty && $0 != "0" } ?? false
    return LibEditLineReader(
      console: console, historyPath: historyPath, clock: clock, accessible: accessible, timeZone: timeZone,
      marksPrompts: !["dumb", "linux"].contains(environment["TERM"] ?? "dumb"))
  }

  /// Starts a new case; returns the exit status.
  func startCase(
    playbook original: Playbook, snapshot: PlaybookSnapshot, client: String?, mode: CaseMode, history: Bool,
    language requested: String? = nil, reader: (any LineReader)? = nil,
    carrying carried: (from: String, values: [String: String])? = nil, startAt: StepID? = nil,
    scenario: PracticeScenario? = nil, rehearsal: CaseHeader.RehearsalSetup? = nil
  ) -> Int32 {
    let language = Playbook.preferredLanguage(option: requested, environment: environment)
      .flatMap { original.translations[$0] == nil ? nil : $0 }
    if let requested, !requested.isEmpty, language == nil {
      console.error("warning: playbook '\(original.id)' has no '\(requested)' translation; showing the original")
    }
    let playbook = original.translated(to: language)
    let started = clock.now()
    var header = CaseHeader(
      playbook: playbook.id, title: playbook.title,
      playbookFile: URL(fileURLWithPath: playbook.file).standardizedFileURL.path,
      playbookHash: playbook.contentHash, client: client.flatMap { $0.isEmpty ? nil : $0 },
      mode: mode, started: started, language: language)
    header.startAt = startAt
    header.scenario = scenario?.name
    header.carried = carried.map { CaseHeader.CarriedValues(from: $0.from, values: $0.values) }
    header.rehearsal = rehearsal
    header.noHistory = history ? nil : true
    let profile = caseProfile(mode: mode)
    header.profile = profile.isEmpty ? nil : profile.stored
    let timeZone = profile.timeZone ?? timeZone
    let writer = CaseWriter(
      store: store, day: TimeFormatter(timeZone: timeZone).day(started), header: header, snapshot: snapshot)
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: timeZone)
    if CaseStore.isClientHistory(mode), playbook.readsHistory { engine.historyBook = store.historyBook() }
    let effects = engine.handle(.begin, at: started)
    let lineReader = reader ?? makeReader(history: history)
    let session = CaseSession(
      engine: engine, writer: writer, reader: lineReader, console: console, clock: clock, timeZone: timeZone)
    let status = session.run(startingWith: effects)
    return handOver(from: session, status: status, mode: mode, history: history, reader: lineReader)
  }

  /// The user's profile for a new case's drafts. Without a profile file, the first case of a
  /// home started at a terminal says once, in one line, how to make one; a profile that cannot be read is warned about
  /// and the case goes on without it.
  private func caseProfile(mode: CaseMode) -> Profile {
    let file = ProfileFile(environment: environment)
    guard file.exists else {
      if console.isInteractive, mode == .live || mode == .coach, (try? FileManager.default.contentsOfDirectory(atPath: store.casesFolder))?.isEmpty ?? true {
        console.write("Tip: 'casebook profile' fills in your name, signature and links for the drafts.\n\n")
      }
      return Profile()
    }
    do {
      return try file.load()
    } catch {
      console.error("warning: \(error); the drafts leave your details as gaps")
      return Profile()
    }
  }

  /// Starts the playbook an end step hands over to, carrying the finished case's values.
  func handOver(from session: CaseSession, status: Int32, mode: CaseMode, history: Bool, reader: any LineReader) -> Int32 {
    let state = session.state
    guard status == 0, state.status == .completed, let end = state.path.last,
      let target = session.playbook[end.step]?.handover, let name = session.caseName
    else { return status }
    console.write("\nHanding over to '\(target)', with this case's values.\n\n")
    guard let next = loadPlaybook(target) else { return 1 }
    return startCase(
      playbook: next.playbook, snapshot: next.snapshot, client: state.header.client, mode: mode, history: history,
      language: state.header.language, reader: reader,
      carrying: (from: name, values: state.values.mapValues(\.description)))
  }

  /// Resumes a case, by name or the latest interrupted one; returns the exit status.
  func resumeCase(_ name: String?, history: Bool, practice: Bool = false, reader given: (any LineReader)? = nil) -> Int32 {
    guard let summary = resumableCase(named: name, practice: practice), let opened = openJournal(of: summary),
      let original = casePlaybook(of: summary)
    else { return 1 }
    let (journal, contents) = opened
    let playbook = original.translated(to: summary.header.language)
    let timeZone = summary.header.profile.flatMap { Profile(stored: $0).timeZone } ?? timeZone
    guard var engine = replayedEngine(contents.entries, playbook: playbook, timeZone: timeZone) else { return 1 }
    console.write("Resuming case \(TextSanitizer.clean(summary.name))\n")
    let effects = engine.handle(.resume, at: clock.now())
    // A case begun with --no-history stays out of the history when resumed.
    let history = history && summary.header.noHistory != true
    let reader = given ?? makeReader(history: history)
    let session = CaseSession(
      engine: engine, writer: CaseWriter(name: summary.name, folder: summary.folder, journal: journal),
      reader: reader, console: console, clock: clock, timeZone: timeZone)
    let status = session.run(startingWith: effects)
    return handOver(from: session, status: status, mode: summary.header.mode, history: history, reader: reader)
  }

  /// The case named, or the latest interrupted one, if it can be resumed; `nil` once the reason
  /// it cannot is printed.
  private func resumableCase(named name: String?, practice: Bool) -> CaseStore.Summary? {
    let summary: CaseStore.Summary
    if let name {
      // A name a real case answers to means the real case: practice is picked by name only when
      // asked for (--practice) or when nothing else matches.
      let real = practice ? [] : store.cases().filter { $0.header.mode != .practice && $0.header.mode != .rehearse }
      if case .found(let found) = CaseLookup.match(name, among: real) {
        summary = found
      } else {
        guard
          let found = lookUpCase(name, hint: "casebook cases lists them; casebook resume with no name takes the latest")
        else { return nil }
        summary = found
      }
    } else {
      guard
        let latest = store.cases().first(where: {
          $0.status == .interrupted && $0.damage == nil && $0.header.mode != .rehearse
            && (practice || $0.header.mode != .practice)
        })
      else {
        console.error("no interrupted case to resume under '\(store.casesFolder)'" + (practice ? "" : " (practice ones: casebook resume --practice)"))
        return nil
      }
      summary = latest
    }
    if let damage = summary.damage {
      console.error("\(StorageError.caseDamaged(caseName: summary.name, damage))")
      return nil
    }
    guard summary.status == .interrupted else {
      reportComplete(summary)
      return nil
    }
    guard summary.header.mode != .rehearse else {
      console.error("case '\(summary.name)' is a rehearsal, which cannot be resumed; start another with: casebook rehearse \(summary.header.playbook)")
      return nil
    }
    return summary
  }

  /// Says that a case is complete and where its record is, writing what its journal lacks first
  /// (the end reached, the record), or exactly why it could not and what will.
  private func reportComplete(_ summary: CaseStore.Summary) {
    let record = "\(summary.folder)/\(CaseStore.recordMarkdownName)"
    do {
      _ = try store.rebuild(summary, timeZone: timeZone, forcingRecord: false)
      console.error("case '\(summary.name)' is already complete; its record is in '\(record)'")
    } catch {
      console.error(
        "case '\(summary.name)' is already complete, but its record could not be written: \(error.withoutAdvice); "
          + "once that is fixed, write it with: casebook cases rebuild \(summary.name)")
    }
  }

  /// Opens a case's journal, warning when a crash cut its last entry off; `nil` once the reason it
  /// cannot be opened is printed.
  private func openJournal(of summary: CaseStore.Summary) -> (journal: CaseJournal, contents: JournalCodec.Contents)? {
    let opened: (journal: CaseJournal, contents: JournalCodec.Contents)
    do {
      opened = try CaseJournal.open(at: "\(summary.folder)/\(CaseJournal.fileName)")
    } catch {
      console.error("\(error)")
      return nil
    }
    if opened.contents.droppedTail {
      console.error("warning: the journal's last entry was incomplete (cut off by a crash) and was dropped")
    }
    return opened
  }

  /// The playbook a case was begun with, warning when it has changed since; `nil` once its
  /// diagnostics, or why it cannot be found, are printed.
  private func casePlaybook(of summary: CaseStore.Summary) -> Playbook? {
    let original: Playbook
    switch store.playbook(for: summary) {
    case .success(let loaded): original = loaded
    case .failure(let failure):
      if let result = failure.result { report(result.diagnostics, sources: result.sources) }
      console.error("the playbook of this case cannot be loaded from '\(summary.header.playbookFile)' or the case folder")
      return nil
    }
    if original.contentHash != summary.header.playbookHash {
      console.error("warning: the playbook '\(original.id)' changed since this case began; answers that no longer fit are kept in the record")
    }
    return original
  }

  /// The engine as the journal's entries leave it, warning of each answer that no longer fits;
  /// `nil` once the reason the journal cannot be replayed is printed.
  private func replayedEngine(_ entries: [JournalEntry], playbook: Playbook, timeZone: TimeZone) -> CaseEngine? {
    do {
      let engine = try CaseEngine(playbook: playbook, replaying: entries, timeZone: timeZone)
      for entry in engine.state.unfitEntries {
        if case .answered(let step, _, _, _) = entry {
          console.error("warning: the answer at step '\(step)' no longer fits the playbook and was skipped")
        }
      }
      return engine
    } catch .newerFormat(let format) {
      console.error("this case was written by a newer Casebook (format \(format)); update Casebook to resume it")
      return nil
    } catch {
      console.error("the case journal does not begin with its header; it cannot be resumed")
      return nil
    }
  }
}
