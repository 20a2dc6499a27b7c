import CasebookKit
import Foundation
import Testing

/// Every draft of every bundled playbook, on walks that visit every step and answer (every path
/// where there are few), filled with a whole profile, is ready to send: no `[gap]`, every email
/// signed; with no profile, each gap names the profile field to set.
@Suite struct BundledDraftTests {
  static let profile: [String: String] = [
    "name": "Ana Costa", "business": "Costa Physio", "role": "physiotherapist", "phone": "+44 20 7946 0000",
    "email": "ana@costa.example", "booking_link": "https://costa.example/book",
    "signature": "Ana Costa\nCosta Physio · +44 20 7946 0000", "language": "en", "time_zone": "Europe/London",
    "no_show_policy": "Appointments missed without 24 hours' notice are charged in full.",
    "cancellation_policy": "Changes made at least 48 hours ahead are free.",
  ]

  /// Each distinct draft filled on the walks the explorer keeps, with and without `profile` in
  /// the case's header.
  static func drafts() throws -> (filled: [(playbook: String, draft: FilledDraft)], bare: [FilledDraft]) {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    var filled: [(String, FilledDraft)] = []
    var bare: [FilledDraft] = []
    var seen: Set<FilledDraft> = []
    for file in PlaybookCatalog.files(in: folder) {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook, "\(file)")
      // Past 500 walks, a sample whose kept walks still visit every step and answer.
      let report = PlaybookExplorer.explore(playbook, limit: 500)
      for walk in report.typedWalks {
        for profile in [Self.profile, nil] {
          for draft in walked(playbook, typing: walk, profile: profile) where seen.insert(draft).inserted {
            if profile == nil { bare.append(draft) } else { filled.append((playbook.id, draft)) }
          }
        }
      }
    }
    return (filled, bare)
  }

  static func walked(_ playbook: Playbook, typing walk: [String], profile: [String: String]?) -> [FilledDraft] {
    let started = Date(timeIntervalSince1970: 1_800_000_000)
    var header = CaseHeader(
      playbook: playbook.id, title: playbook.title, playbookFile: playbook.file, playbookHash: playbook.contentHash,
      client: "Sample Client", mode: .live, started: started)
    header.profile = profile
    var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
    _ = engine.handle(.begin, at: started)
    for (index, line) in walk.enumerated() {
      _ = engine.handle(.input(line), at: started.addingTimeInterval(Double(index + 1) * 60))
    }
    var drafts: [FilledDraft] = []
    for case .drafted(let step, let kind, let subject, let text, _, let number) in engine.state.history {
      drafts.append(FilledDraft(step: step, kind: kind, subject: subject, text: text, number: number))
    }
    return drafts
  }

  @Test func `every draft on every path is ready to send with a profile, and names the profile field it lacks without one`() throws {
    let (filled, bare) = try Self.drafts()
    #expect(filled.count > 40)
    for (playbook, draft) in filled {
      #expect(draft.gaps == [], "\(playbook) \(draft.step) \(draft.name): \(draft.text)")
      #expect(!draft.text.contains("{{") && !draft.text.contains("  "), "\(playbook) \(draft.step): \(draft.text)")
      if draft.kind == .email {
        let signed = draft.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("Costa Physio · +44 20 7946 0000")
        #expect(signed, "\(playbook) \(draft.step) \(draft.name) is not signed: \(draft.text)")
        #expect(draft.text.hasPrefix("Hi Sample,") || draft.text.hasPrefix("Dear Sample,"), "\(playbook) \(draft.step)")
      }
    }
    let gaps = Set(bare.flatMap(\.gaps))
    #expect(gaps.contains("[casebook profile set signature …]"))
    for gap in gaps {
      #expect(gap.hasPrefix("[casebook profile set "), "\(gap)")
    }
  }
}
