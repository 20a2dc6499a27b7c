import Foundation
import Testing

@testable import CasebookKit

@Suite struct CaseLookupTests {
  /// A case on no disk: the lookup only reads names and clients.
  private func summary(_ name: String, client: String?) -> CaseStore.Summary {
    let header = CaseHeader(
      playbook: "small", title: "Small", playbookFile: "small.yaml", playbookHash: "0", client: client,
      mode: .live, started: Date(timeIntervalSince1970: 1_795_000_000))
    return CaseStore.Summary(name: name, folder: "/cases/\(name)", header: header, status: .completed, lastActivity: 0)
  }

  private var cases: [CaseStore.Summary] {
    [
      summary("2026-11-24-small-dana-ruiz", client: "Dana Ruiz"),
      summary("2026-11-24-small-dana-ruiz-2", client: "Dana Ruiz"),
      summary("2026-11-24-small-lucja-zolc-wojcik", client: "Łucja Żółć-Wójcik"),
      summary("2026-11-25-small-dana", client: "Dana"),
      summary("2026-11-25-small", client: nil),
    ]
  }

  private func names(_ match: CaseLookup.Match) -> [String] {
    switch match {
    case .found(let summary): [summary.name]
    case .ambiguous(let matches): matches.map(\.name) + ["(several)"]
    case .none: []
    }
  }

  @Test(arguments: [
    // An exact id wins even where it is also the start of another.
    ("2026-11-24-small-dana-ruiz", ["2026-11-24-small-dana-ruiz"]),
    ("2026-11-25-small", ["2026-11-25-small"]),
    ("2026-11-24-small-l", ["2026-11-24-small-lucja-zolc-wojcik"]),
    ("2026-11-24-small-d", ["2026-11-24-small-dana-ruiz", "2026-11-24-small-dana-ruiz-2", "(several)"]),
    // A client's whole name before the cases whose client's name only holds the word.
    ("dana", ["2026-11-25-small-dana"]),
    ("  DANA   ruiz ", ["2026-11-24-small-dana-ruiz", "2026-11-24-small-dana-ruiz-2", "(several)"]),
    ("ruiz", ["2026-11-24-small-dana-ruiz", "2026-11-24-small-dana-ruiz-2", "(several)"]),
    ("lucja zolc-wojcik", ["2026-11-24-small-lucja-zolc-wojcik"]),
    ("ŁUCJA", ["2026-11-24-small-lucja-zolc-wojcik"]),
    ("luc", []), ("ruiz dana", []), ("", []), ("nobody", []),
  ] as [(String, [String])])
  func `a case is picked by its id, the start of one, or its client's name`(query: String, expected: [String]) {
    #expect(names(CaseLookup.match(query, among: cases)) == expected)
  }

  @Test(arguments: [
    ("Dana Ruiz", "dana ruiz"), ("  ŁUCJA \t Żółć-Wójcik ", "lucja zolc-wojcik"), ("Zoë", "zoe"),
    ("李小龍", "li xiao long"), ("Ｄａｎａ", "dana"),
  ])
  func `names are compared ignoring case, accents, scripts and extra spaces`(name: String, key: String) {
    #expect(CaseLookup.matchKey(name) == key)
  }
}
