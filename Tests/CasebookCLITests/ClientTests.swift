import CasebookKit
import Foundation
import Testing

/// Clients across cases: their history read by playbooks, listed and searched; practice and
/// rehearsal kept out of it.
@Suite struct ClientTests {
  /// Two no-shows of Dana's, on 3 and 20 November, each left waiting for her reply.
  private func twoEarlierNoShows(_ casebook: CasebookProcess, client: String = "Dana Ruiz") throws {
    for day in ["2026-11-03", "2026-11-20"] {
      let run = try casebook.run(["run", "no-show", "--client", client], input: "\n\nno\nno\nno\n", fakeNow: "\(day)T09:00:00Z")
      #expect(run.status == 0, "\(run.stderr)")
    }
  }

  @Test func `a third no-show shows the two earlier ones, takes them as the answer on Enter, and offers root-cause`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try twoEarlierNoShows(casebook)
    // The same client, typed otherwise.
    let third = try casebook.run(["run", "no-show", "--client", "dana ruíz"], input: "\n\nno\nno\n\n\n")
    assertGolden(third.stdout, named: "no-show-third.transcript")
    #expect(third.stdout.contains("Casebook found 2 earlier no-shows: 3 Nov, 20 Nov."))
    #expect(third.stdout.contains("Handing over to 'root-cause'"))
    let record = try casebook.record("2026-11-24-no-show-dana-ruiz")
    #expect((record["values"] as? [String: String])?["times_before"] == "2")
    let journal = casebook.read("2026-11-24-no-show-dana-ruiz", "journal.log")
    #expect(journal.contains(#""source":"history""#))
    let events = (record["history"] as? [[String: Any]])?.compactMap { $0["event"] as? String } ?? []
    #expect(events.filter { $0 == "answered-from-history" }.count == 2)
  }

  @Test func `through a pipe a typed answer wins over the history's`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try twoEarlierNoShows(casebook)
    let third = try casebook.run(["run", "no-show", "--client", "Dana Ruiz"], input: "\n\nno\nno\nno\n")
    #expect(third.status == 0)
    let record = try casebook.record("2026-11-24-no-show-dana-ruiz")
    #expect((record["values"] as? [String: String])?["happened_before"] == "no")
    #expect(!casebook.read("2026-11-24-no-show-dana-ruiz", "journal.log").contains(#""source""#))
  }

  @Test func `practice is not history: resume leaves an unfinished practice case for a client's`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Ann"], input: "no\n", fakeNow: "2026-11-24T08:00:00Z")
    let practice = try casebook.run(["practice", "no-show", "--scenario", "no-answer"], input: "no\n")
    #expect(practice.status != 0)
    let resume = try casebook.run(["resume"], input: "")
    assertGolden(resume.stdout, named: "resume-not-practice.transcript")
    #expect(resume.stdout.hasPrefix("Resuming case 2026-11-24-small-ann\n"))
    let next = try casebook.run(["next"])
    #expect(!next.stdout.contains("practice"))
    #expect(next.stdout.contains("small-ann"))
    let cases = try casebook.run(["cases"])
    #expect(cases.stdout.contains("interrupted (practice)"))
    #expect(try casebook.run(["clients", "--json"]).stdout.contains("\"Ann\""))
    let withPractice = try casebook.run(["next", "--practice"])
    #expect(withPractice.stdout.contains("no-show-dana"))
  }

  @Test func `resume by a name takes the real case, even when a practice case's client is named exactly so`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "no\n", fakeNow: "2026-11-24T08:00:00Z")
    // The bundled no-show scenarios' client is "Dana".
    _ = try casebook.run(["practice", "no-show", "--scenario", "no-answer"], input: "no\n")
    let resume = try casebook.run(["resume", "dana"], input: "")
    #expect(resume.stdout.hasPrefix("Resuming case 2026-11-24-small-dana-ruiz\n"), "\(resume.stdout)")
    let asked = try casebook.run(["resume", "dana", "--practice"], input: "")
    #expect(asked.stdout.contains("Resuming case") && asked.stdout.contains("no-show-dana"), "\(asked.stdout)")
  }

  @Test func `clients and client NAME list a client's cases, counts and next actions; JSON for programs`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try twoEarlierNoShows(casebook)
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Kim"], input: "2026-12-05\n")
    let clients = try casebook.run(["clients"])
    #expect(clients.status == 0)
    #expect(clients.stdout.hasPrefix("CLIENT"))
    #expect(clients.stdout.contains("Dana Ruiz"))
    let listed = try JSONSerialization.jsonObject(with: Data(try casebook.run(["clients", "--json"]).stdout.utf8)) as? [[String: Any]]
    #expect(listed?.map { $0["name"] as? String } == ["Kim", "Dana Ruiz"])
    #expect(listed?.last?["cases"] as? Int == 2)

    let shown = try casebook.run(["client", "dana ruiz", "--json"])
    let client = try JSONSerialization.jsonObject(with: Data(shown.stdout.utf8)) as? [String: Any]
    #expect(client?["name"] as? String == "Dana Ruiz")
    #expect(client?["cases"] as? [String] == ["2026-11-20-no-show-dana-ruiz", "2026-11-03-no-show-dana-ruiz"])
    #expect(client?["counts"] as? [String: Int] == ["no-show": 2])
    #expect((client?["recent"] as? [String: [String: Int]])?["30d"] == ["no-show": 2])
    let text = try casebook.run(["client", "Ruiz"])
    #expect(text.stdout.contains("Last 30 days: no-show 2"))
    #expect(text.stdout.contains("2026-11-03-no-show-dana-ruiz#1"))
    #expect(client?["timeline"].debugDescription.contains("Wait for their reply, then rebook") == true)
    #expect(try casebook.run(["client", "Nobody"]).status == 1)
  }

  @Test func `a client renamed or merged keeps every case, journaled`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try twoEarlierNoShows(casebook, client: "Dana R")
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Dana Ruiz"], input: "2026-12-05\n")
    let merged = try casebook.run(["client", "merge", "dana r", "Dana Ruiz"])
    #expect(merged.status == 0, "\(merged.stderr)")
    #expect(merged.stdout.contains("2 cases changed"))
    #expect(casebook.read("2026-11-03-no-show-dana-r", "journal.log").contains("renamedClient"))
    #expect(try casebook.record("2026-11-03-no-show-dana-r")["client"] as? String == "Dana Ruiz")
    let renamed = try casebook.run(["client", "rename", "Dana Ruiz", "Dana Ruiz-Lopez"])
    #expect(renamed.stdout.contains("3 cases changed"))
    let client = try JSONSerialization.jsonObject(with: Data(try casebook.run(["client", "dana ruiz-lopez", "--json"]).stdout.utf8)) as? [String: Any]
    #expect((client?["cases"] as? [String])?.count == 3)
  }

  @Test func `cases and next filter by client, playbook, status, days and mode; search finds the matching line`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try twoEarlierNoShows(casebook)
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Kim"], input: ":note parking was full\n2026-12-05\n")
    let dana = try casebook.run(["cases", "--client", "ruiz", "--json"])
    let listed = try JSONSerialization.jsonObject(with: Data(dana.stdout.utf8)) as? [[String: Any]]
    #expect(listed?.count == 2)
    #expect(try casebook.run(["cases", "--playbook", "rebook"]).stdout.contains("kim"))
    #expect(try casebook.run(["cases", "--since", "2026-11-10", "--until", "2026-11-21"]).stdout.contains("2026-11-20-no-show"))
    #expect(!(try casebook.run(["cases", "--since", "2026-11-10"]).stdout.contains("2026-11-03-no-show")))
    #expect(try casebook.run(["cases", "--status", "damaged"]).stdout == "No cases match.\n")
    #expect(try casebook.run(["cases", "--mode", "practice"]).stdout == "No cases match.\n")
    #expect(try casebook.run(["cases", "--status", "lost"]).status != 0)
    let next = try casebook.run(["next", "--client", "Kim"])
    #expect(next.stdout.contains("Kim") && !next.stdout.contains("Dana"))

    let search = try casebook.run(["search", "parking"])
    #expect(search.stdout.contains("note: parking was full"))
    let found = try JSONSerialization.jsonObject(with: Data(try casebook.run(["search", "dana", "--json"]).stdout.utf8)) as? [[String: Any]]
    #expect(found?.compactMap { $0["case"] as? String }.sorted() == ["2026-11-03-no-show-dana-ruiz", "2026-11-20-no-show-dana-ruiz"])
    #expect(try casebook.run(["search", "zebra"]).stdout == "Nothing found.\n")
  }
}
