import Foundation

/// Finding the cases on disk. Every folder in the cases folder is a case, listed even when its
/// journal is damaged; only the temporary folders of cases being created are not (see
/// ``CaseStore/settleNewCases()``).
extension CaseStore {
  /// The folder of the case named `name` (a folder name or a path to a case folder).
  public func folder(of name: String) -> String? {
    if name.contains("/") {
      return POSIX.isDirectory(name) && POSIX.modificationTime("\(name)/\(CaseJournal.fileName)") != nil ? name : nil
    }
    guard !name.isEmpty, !name.hasPrefix(".") else { return nil }
    let folder = "\(casesFolder)/\(name)"
    return POSIX.isDirectory(folder) ? folder : nil
  }

  /// Every case, most recently active first, damaged ones included.
  ///
  /// Cases left half-created by a Casebook that was killed are settled first: named when their
  /// header reached the disk, removed otherwise.
  public func cases() -> [Summary] {
    settleNewCases()
    return POSIX.list(casesFolder).filter { !$0.hasPrefix(".") }.compactMap(summary(named:)).sorted {
      ($0.lastActivity, $0.name) > ($1.lastActivity, $1.name)
    }
  }

  /// The case named `name`, if there is a case folder of that name; its ``Summary/damage`` says
  /// why its journal cannot be read to its end, if it cannot.
  public func summary(named name: String) -> Summary? {
    guard let folder = folder(of: name) else { return nil }
    let journal = "\(folder)/\(CaseJournal.fileName)"
    let (contents, damage) = CaseJournal.inspect(at: journal)
    let activity = POSIX.modificationTime(journal) ?? POSIX.modificationTime(folder) ?? 0
    let caseName = (folder as NSString).lastPathComponent
    guard case .opened(let header)? = contents.entries.first else {
      let standIn = CaseHeader(
        playbook: "-", title: "", playbookFile: "", playbookHash: "", client: nil, mode: .live,
        started: Date(timeIntervalSince1970: activity))
      return Summary(
        name: caseName, folder: folder, header: standIn, status: .interrupted, lastActivity: activity,
        damage: damage ?? .noHeader)
    }
    var summary = Summary(
      name: caseName, folder: folder, header: Self.renamed(header, by: contents.entries), status: .interrupted,
      lastActivity: activity, damage: damage)
    summary.status = status(of: summary, entries: contents.entries)
    return summary
  }

  /// Where the journal's entries leave the case when replayed: reaching an end is a fact of the
  /// journal, so a case whose last answer led to one is completed even if a crash came before its
  /// `finished` entry, and a repaired one that lost an answer is not. Without its playbook, or for
  /// a rehearsal (which walks no steps), the `finished` entry decides.
  private func status(of summary: Summary, entries: [JournalEntry]) -> CaseStatus {
    let isFinished = entries.contains { if case .finished = $0 { true } else { false } }
    if case .left? = entries.last { return .interrupted }
    if summary.damage == nil, let record = currentRecord(in: summary.folder) { return record.status }
    guard summary.damage == nil, summary.header.mode != .rehearse,
      case .success(let original) = playbook(for: summary, preferSnapshot: true),
      let engine = try? CaseEngine(
        playbook: original.translated(to: summary.header.language), replaying: entries, timeZone: Self.replayZone)
    else { return isFinished ? .completed : .interrupted }
    return engine.state.status == .completed ? .completed : .interrupted
  }

  /// The header with the client's name as the journal's last rename (`casebook client`) left it.
  static func renamed(_ header: CaseHeader, by entries: [JournalEntry]) -> CaseHeader {
    var header = header
    for case .renamedClient(let client, _, _) in entries { header.client = client }
    return header
  }

  /// The zone a listing replays a journal in: where a case stands does not depend on it.
  static let replayZone = TimeZone(secondsFromGMT: 0) ?? TimeZone(identifier: "UTC")!
}
