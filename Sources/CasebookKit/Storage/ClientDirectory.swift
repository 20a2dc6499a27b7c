public import Foundation

/// The clients among a list of cases: every case whose client's name has the same match key
/// (``CaseLookup/matchKey(_:)``) is one client's.
public struct ClientDirectory: Sendable {
  /// One client and their cases.
  public struct Client: Sendable, Hashable {
    /// The name as the most recent case writes it.
    public var name: String
    /// The match key all its cases share.
    public var key: String
    /// Its cases, newest first.
    public var cases: [CaseStore.Summary]

    /// When Casebook last heard of the client: the latest activity of any of its cases.
    public var lastContact: Double { cases.map(\.lastActivity).max() ?? 0 }

    /// How many of its cases ran each playbook, counting those begun within `days` days before
    /// `now` (all of them when `nil`).
    public func counts(within days: Int?, before now: Date) -> [String: Int] {
      var counts: [String: Int] = [:]
      for summary in cases {
        if let days, now.timeIntervalSince(summary.header.started) > Double(days) * 86_400 { continue }
        counts[summary.header.playbook, default: 0] += 1
      }
      return counts
    }
  }

  /// The clients, most recently in contact first.
  public var clients: [Client]

  /// Groups `cases` by client; cases with no client are left out.
  public init(_ cases: [CaseStore.Summary]) {
    var byKey: [String: [CaseStore.Summary]] = [:]
    for summary in cases {
      guard let client = summary.header.client, !client.trimmingCharacters(in: .whitespaces).isEmpty else { continue }
      byKey[CaseLookup.matchKey(client), default: []].append(summary)
    }
    clients = byKey.map { key, cases in
      let newest = cases.sorted { ($0.header.started, $0.name) > ($1.header.started, $1.name) }
      return Client(name: newest[0].header.client ?? key, key: key, cases: newest)
    }.sorted { ($0.lastContact, $0.key) > ($1.lastContact, $1.key) }
  }

  /// The clients `typed` names: the one with the same name ignoring case, accents and spaces;
  /// else those whose name holds its words in order.
  public func matching(_ typed: String) -> [Client] {
    let key = CaseLookup.matchKey(typed)
    if let exact = clients.first(where: { $0.key == key }) { return [exact] }
    return clients.filter { CaseFilter.names($0.name, typed) }
  }
}
