public import Foundation

/// Which cases a listing shows: `--client`, `--playbook`, `--status`, `--since`, `--until`,
/// `--mode`, and whether practice and rehearsals are in.
public struct CaseFilter: Sendable {
  /// The client, matched as ``CaseLookup`` matches names (case, accents and spaces ignored; the
  /// words of a name in order also match: `ruiz` finds Dana Ruiz).
  public var client: String?
  /// The playbook's id.
  public var playbook: String?
  /// `completed`, `interrupted` or `damaged`.
  public var status: String?
  /// The first and last day the case began on (`YYYY-MM-DD`), in `timeZone`.
  public var since: CivilDate?
  /// The last day.
  public var until: CivilDate?
  /// How the playbook was used.
  public var mode: CaseMode?
  /// Whether practice and rehearsal cases are in without `mode` naming them.
  public var practice = false
  /// The zone the days are read in.
  public var timeZone: TimeZone

  /// A filter that lets every client case through.
  public init(timeZone: TimeZone) { self.timeZone = timeZone }

  /// Whether `summary` is shown.
  public func admits(_ summary: CaseStore.Summary) -> Bool {
    let header = summary.header
    if let mode { guard header.mode == mode else { return false } } else if !practice, !CaseStore.isClientHistory(header.mode) {
      return false
    }
    if let playbook, header.playbook != playbook { return false }
    if let status, summary.listedStatus != status { return false }
    if let client, !Self.names(header.client, client) { return false }
    if since != nil || until != nil {
      let day = CivilDate(header.started, in: .gregorian(in: timeZone))
      if let since, day < since { return false }
      if let until, until < day { return false }
    }
    return true
  }

  /// Whether `typed` names the client `name`: the same name, or its words in order.
  public static func names(_ name: String?, _ typed: String) -> Bool {
    guard let name else { return false }
    let key = CaseLookup.matchKey(typed)
    let have = CaseLookup.matchKey(name)
    return have == key || " \(have) ".contains(" \(key) ")
  }
}
