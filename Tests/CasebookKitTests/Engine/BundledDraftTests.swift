import CasebookKit
import Foundation
import Testing

/// Every draft on every path of every bundled playbook, filled with a whole profile, is ready to
/// send: no `[gap]`, every email signed; with no profile, each gap names the profile field to set.
@Suite struct BundledDraftTests {
  static let profile: [String: String] = [
    "name": "Ana Costa", "business": "Costa Physio", "role": "physiotherapist", "phone": "+44 20 7946 0000",
    "email": "ana@costa.example", "booking_link": "https://costa.example/book",
    "signature": "Ana Costa\nCosta Physio · +44 20 7946 0000", "language": "en", "time_zone": "Europe/London",
    "no_show_policy": "Appointments missed without 24 hours' notice are charged in full.",
    "cancellation_policy": "Changes made at least 48 hours ahead are free.",
  ]

  /// The drafts filled on each walk the explorer keeps, with `profile` in the case's header.
  static func drafts(profile: [String: String]?) throws -> [(playbook: String, draft: FilledDraft)] {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    var found: [(String, FilledDraft)] = []
    for file in PlaybookCatalog.files(in: folder) {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook, "\(file)")
      let report = PlaybookExplorer.explore(playbook, limit: 20_000)
      for walk in report.typedWalks {
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
        for case .drafted(let step, let kind, let subject, let text, _, let number) in engine.state.history {
          found.append((playbook.id, FilledDraft(step: step, kind: kind, subject: subject, text: text, number: number)))
        }
      }
    }
    return found
  }

  @Test func `with a filled profile, no draft on any path has a gap and every email is signed`() throws {
    let drafts = try Self.drafts(profile: Self.profile)
    #expect(drafts.count > 40)
    for (playbook, draft) in drafts {
      #expect(draft.gaps == [], "\(playbook) \(draft.step) \(draft.name): \(draft.text)")
      #expect(!draft.text.contains("{{") && !draft.text.contains("  "), "\(playbook) \(draft.step): \(draft.text)")
      if draft.kind == .email {
        let signed = draft.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("Costa Physio · +44 20 7946 0000")
        #expect(signed, "\(playbook) \(draft.step) \(draft.name) is not signed: \(draft.text)")
        #expect(draft.text.hasPrefix("Hi Sample,") || draft.text.hasPrefix("Dear Sample,"), "\(playbook) \(draft.step)")
      }
    }
  }

  @Test func `with no profile, each gap names the profile field that fills it`() throws {
    let drafts = try Self.drafts(profile: nil)
    let gaps = Set(drafts.flatMap(\.draft.gaps))
    #expect(gaps.contains("[casebook profile set name …]"))
    for gap in gaps {
      #expect(gap.hasPrefix("[casebook profile set "), "\(gap)")
    }
  }
}
