import CasebookKit
import Foundation
import Testing

/// Each fact and number of ../shared/seeds/GUIDANCE.md, found in the playbook where it belongs.
/// A fact is found when one of its phrasings appears in the playbook file (case aside).
@Suite struct GuidanceFactsTests {
  static let facts: [(playbook: String, fact: String, phrasings: [String])] = [
    // A. In the moment
    ("no-show", "breathe; not personal", ["breath"]),
    ("no-show", "call: a real emergency is possible", ["emergency"]),
    ("no-show", "leave a message reminding them of the appointment", ["remind"]),
    ("no-show", "set a time limit for waiting", ["timer: wait_limit"]),
    ("no-show", "a follow-up that says how to set a new time or the no-show policy", ["policy"]),
    ("no-show", "always ask to reschedule", ["reschedule", "new time"]),
    ("no-show", "a pattern leads to the root cause", ["handover: root-cause"]),
    ("late-cancel", "assess priority and urgency: a close deadline", ["deadline"]),
    ("late-cancel", "their input or decision needed", ["input", "decision"]),
    ("late-cancel", "consider the relationship before pushing", ["relationship"]),
    ("late-cancel", "ask to reschedule as soon as they call, or leave a voicemail, text or email", ["voicemail"]),
    ("late-cancel", "a pattern leads to the root cause", ["handover: root-cause"]),
    // A. Get to the root
    ("root-cause", "four categories", ["convenience"]),
    ("root-cause", "availability", ["availability"]),
    ("root-cause", "expectations", ["expectations"]),
    ("root-cause", "cost", ["item: cost"]),
    ("root-cause", "video or phone only", ["video"]),
    ("root-cause", "the link at least two days ahead", ["two days", "2 days", "48 hours"]),
    ("root-cause", "instructions to test the link", ["test"]),
    ("root-cause", "a same-morning reminder causes late cancellations", ["same-morning", "same morning", "morning of"]),
    ("root-cause", "a long-term client may no longer feel the value", ["long-term", "long term"]),
    ("root-cause", "payment terms reviewed twice a year", ["twice a year"]),
    // A. Moving forward
    ("cancellation-policy", "be selective with new clients", ["selective", "vet"]),
    ("cancellation-policy", "a deposit or part of the hourly rate up front", ["deposit"]),
    ("cancellation-policy", "changes up to 48 hours before keep the deposit", ["48"]),
    ("cancellation-policy", "the new appointment within three days", ["three days", "3 days"]),
    ("cancellation-policy", "exceptions: real emergencies happen", ["emergenc"]),
    ("cancellation-policy", "ghosting: move on", ["ghost"]),
    ("cancellation-policy", "breach of contract or money owed: legal steps", ["legal"]),
    // B. Eight signs, change first, five steps
    ("end-relationship", "sign 1: takes more time than they are worth", ["more time than"]),
    ("end-relationship", "sign 2: keeps rejecting recommendations", ["recommendation"]),
    ("end-relationship", "sign 3: little mutual respect", ["respect"]),
    ("end-relationship", "sign 4: minimal communication", ["communication"]),
    ("end-relationship", "sign 5: not progressing after several months", ["progress"]),
    ("end-relationship", "sign 6: persistently pessimistic", ["pessimis"]),
    ("end-relationship", "sign 7: losing money", ["losing money"]),
    ("end-relationship", "sign 8: abusive or impossible demands", ["abus"]),
    ("end-relationship", "evaluate your own perspective first", ["perspective"]),
    ("end-relationship", "weekly or fortnightly check-ins", ["fortnight"]),
    ("end-relationship", "a new agreement at renewal", ["renew"]),
    ("end-relationship", "step 1: evaluate the contract", ["contract"]),
    ("end-relationship", "better at the end of a contract than in the middle", ["middle", "mid-way", "midway"]),
    ("end-relationship", "step 2: finish the current projects", ["finish"]),
    ("end-relationship", "step 3: plan the conversation, cite the contract wording", ["wording"]),
    ("end-relationship", "step 3: talking points and rehearsal", ["talking point"]),
    ("end-relationship", "step 4: tell the client by email, meeting or call", ["email"]),
    ("end-relationship", "step 5: an exit or transition plan", ["transition"]),
    // C. Nine points
    ("team-mistake", "1: no blaming colleagues by name", ["blame", "under the bus"]),
    ("team-mistake", "2: acknowledge the problem directly", ["acknowledge"]),
    ("team-mistake", "3: actually say I'm sorry", ["sorry"]),
    ("team-mistake", "4: a solution before contacting them", ["solution"]),
    ("team-mistake", "4: options: fix, discount, free hours", ["discount"]),
    ("team-mistake", "5: steer back to the solution", ["frustrat"]),
    ("team-mistake", "6: in person or by phone, not email", ["phone"]),
    ("team-mistake", "6: a voicemail before the conversation is fine", ["voicemail"]),
    ("team-mistake", "7: a thorough, honest email when talking is impossible", ["honest"]),
    ("team-mistake", "8: follow up, thank them for their patience", ["patience"]),
    ("team-mistake", "9: follow up with your team", ["your team", "the team"]),
  ]

  @Test func `each fact of the guidance is in the playbook where it belongs`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks")
    var texts: [String: String] = [:]
    for fact in Self.facts {
      if texts[fact.playbook] == nil {
        texts[fact.playbook] = try String(
          contentsOf: folder.appendingPathComponent("\(fact.playbook).yaml"), encoding: .utf8).lowercased()
      }
      let text = texts[fact.playbook] ?? ""
      #expect(fact.phrasings.contains { text.contains($0.lowercased()) }, "\(fact.playbook): \(fact.fact)")
    }
  }

  @Test func `end-relationship checks all eight signs, and team-mistake walks the nine points`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks")
    let end = try #require(PlaybookLoader.load(path: folder.appendingPathComponent("end-relationship.yaml").path).playbook)
    let checklists = end.steps.compactMap { step -> Int? in
      if case .ask(let question) = step.kind, case .checklist(let items, _) = question.answers { return items.count }
      return nil
    }
    #expect(checklists.contains(8))
    #expect((end.rehearsal?.replies.count ?? 0) >= 6)
    let mistake = try #require(PlaybookLoader.load(path: folder.appendingPathComponent("team-mistake.yaml").path).playbook)
    #expect((mistake.rehearsal?.replies.count ?? 0) >= 6)
  }

  @Test func `every bundled playbook has reasons, drafts, practice and dated next actions`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    for file in PlaybookCatalog.files(in: folder) {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook, "\(file)")
      #expect(playbook.scenarios.count >= 2, "\(playbook.id): fewer than two practice scenarios")
      for step in playbook.steps where !step.isInput {
        if case .branch = step.kind { continue }
        #expect(step.why != nil, "\(playbook.id): step '\(step.id)' has no why")
      }
      #expect(playbook.steps.contains { !$0.drafts.isEmpty }, "\(playbook.id): no message drafts")
      #expect(playbook.steps.contains { $0.actions.contains { $0.withinDays != nil } }, "\(playbook.id): no dated next action")
    }
  }
}
