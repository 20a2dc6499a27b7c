public import Foundation

/// Clients across cases: a client is every case whose client's name has the same
/// ``CaseLookup/matchKey(_:)`` (case, accents and extra spaces ignored). Practice and rehearsal
/// cases are never a client's history.
extension CaseStore {
  /// Whether a case counts as client history: a live or coached case, not practice or a rehearsal.
  public static func isClientHistory(_ mode: CaseMode) -> Bool { mode == .live || mode == .coach }

  /// The earlier cases of every client, by match key, read from the journals' headers (and their
  /// renames) only: no record, no replay.
  public func clientHistories() -> [String: [ClientHistory.PastCase]] {
    var histories: [String: [ClientHistory.PastCase]] = [:]
    for name in POSIX.list(casesFolder) where !name.hasPrefix(".") {
      let (contents, _) = CaseJournal.inspect(at: "\(casesFolder)/\(name)/\(CaseJournal.fileName)")
      guard case .opened(let opened)? = contents.entries.first, Self.isClientHistory(opened.mode) else { continue }
      let header = Self.renamed(opened, by: contents.entries)
      guard let client = header.client, !client.isEmpty else { continue }
      histories[CaseLookup.matchKey(client), default: []].append(
        .init(case: name, playbook: header.playbook, started: header.started))
    }
    return histories
  }

  /// Where a new case reads its client's history: read in the background from now on, so that the
  /// first prompt does not wait for it, and waited for only when the case's first answer needs it.
  public func historyBook() -> ClientHistoryBook {
    let loading = BackgroundValue { self.clientHistories() }
    return ClientHistoryBook { client, before in
      ClientHistory(cases: (loading.value[CaseLookup.matchKey(client)] ?? []).filter { $0.started < before })
    }
  }

  /// Names every case of the client `from` (by its match key) `to`: a `renamedClient` entry in each
  /// journal, and its records written again. Renaming a client into another's name merges them.
  ///
  /// - Returns: The cases renamed.
  public func renameClient(
    _ from: String, to: String, among cases: [Summary], at now: Date, timeZone: TimeZone
  ) throws(StorageError) -> [Summary] {
    let key = CaseLookup.matchKey(from)
    let renamed = cases.filter { $0.damage == nil && $0.header.client.map(CaseLookup.matchKey) == key && $0.header.client != to }
    for summary in renamed {
      let (journal, _) = try CaseJournal.open(at: "\(summary.folder)/\(CaseJournal.fileName)")
      try withExtendedLifetime(journal) { () throws(StorageError) in
        try journal.append(.renamedClient(client: to, from: summary.header.client, at: now))
      }
      if let updated = try? rebuildRecord(summary, timeZone: timeZone) {
        try? Self.writeRecord(updated, folder: summary.folder, timeZone: timeZone)
      }
    }
    return renamed
  }
}

/// A value computed once on a background thread; reading it waits for it.
final class BackgroundValue<Value: Sendable>: @unchecked Sendable {
  private let condition = NSCondition()
  private var result: Value?

  init(_ compute: @escaping @Sendable () -> Value) {
    Thread.detachNewThread { [self] in
      let value = compute()
      condition.lock()
      result = value
      condition.broadcast()
      condition.unlock()
    }
  }

  var value: Value {
    condition.lock()
    defer { condition.unlock() }
    while result == nil { condition.wait() }
    return result!
  }
}
