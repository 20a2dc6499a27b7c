import ArgumentParser
import CasebookKit
import Foundation

/// The options that pick which cases `cases` and `next` list.
struct CaseFilterOptions: ParsableArguments {
  @Option(help: "Only this client's cases (case, accents and extra spaces ignored).")
  var client: String?

  @Option(help: "Only cases of this playbook (its id).")
  var playbook: String?

  @Option(help: "Only cases with this status: completed, interrupted or damaged.")
  var status: String?

  @Option(help: "Only cases begun on or after this day (YYYY-MM-DD).")
  var since: String?

  @Option(help: "Only cases begun on or before this day (YYYY-MM-DD).")
  var until: String?

  @Option(help: "Only cases in this mode: live, coach, practice or rehearse.")
  var mode: CaseMode?

  @Flag(help: "Include practice and rehearsal cases.")
  var practice = false

  /// Whether any option narrows the list.
  var isFiltering: Bool { client != nil || playbook != nil || status != nil || since != nil || until != nil || mode != nil }

  func validate() throws {
    if let status, !["completed", "interrupted", "damaged"].contains(status) {
      throw ValidationError("--status takes completed, interrupted or damaged; got '\(status)'")
    }
    for (name, value) in [("--since", since), ("--until", until)] {
      if let value, CivilDate.parse(value, today: .reference) == nil || value.count != 10 {
        throw ValidationError("\(name) takes a day as YYYY-MM-DD, such as 2026-11-01; got '\(value)'")
      }
    }
  }

  /// The filter, days read in `timeZone`.
  func filter(timeZone: TimeZone) -> CaseFilter {
    var filter = CaseFilter(timeZone: timeZone)
    filter.client = client
    filter.playbook = playbook
    filter.status = status
    filter.since = since.flatMap { CivilDate.parse($0, today: .reference) }
    filter.until = until.flatMap { CivilDate.parse($0, today: .reference) }
    filter.mode = mode
    filter.practice = practice
    return filter
  }
}
