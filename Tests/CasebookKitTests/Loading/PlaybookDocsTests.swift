import CasebookKit
import Foundation
import Testing

/// docs/playbooks.md is made from the bundled playbooks themselves, diagrams included, and this
/// test keeps it current: it fails when the file differs, and `CASEBOOK_RECORD=1` rewrites it.
@Suite struct PlaybookDocsTests {
  static func document() -> String {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    var text = """
      # The bundled playbooks

      Each section below is made from the playbook file itself (`swift test` checks that this page
      is current; `CASEBOOK_RECORD=1 swift test` rewrites it). The diagrams are what
      `casebook graph ID` prints: questions are diamonds, instructions boxes, decisions hexagons,
      ends rounded and green, and a step that starts a timer has an orange border.

      """
    for file in PlaybookCatalog.files(in: folder) {
      guard let playbook = PlaybookLoader.load(path: file).playbook else { continue }
      let ends = playbook.steps.filter(\.isEnd)
      let drafts = playbook.steps.reduce(0) { $0 + $1.drafts.count }
      text += "\n## \(playbook.title)\n\n"
      if let summary = playbook.summary { text += summary + "\n\n" }
      text += "- Run it: `casebook run \(playbook.id)` (coaching: `--mode coach`)\n"
      text += "- \(playbook.steps.count) steps, \(ends.count) ends, \(drafts) message drafts"
      text += ", \(playbook.scenarios.count) practice scenarios"
      if let rehearsal = playbook.rehearsal {
        text += ", \(rehearsal.points.count) talking points and \(rehearsal.replies.count) likely replies to rehearse"
      }
      text += "\n"
      let handovers = Set(ends.compactMap(\.handover)).sorted()
      if !handovers.isEmpty { text += "- Hands over to: \(handovers.map { "`\($0)`" }.joined(separator: ", "))\n" }
      if !playbook.scenarios.isEmpty {
        text += "- Practice: \(playbook.scenarios.map { "`\($0.name)`" }.joined(separator: ", "))\n"
      }
      text += "\n```mermaid\n" + PlaybookGraph.render(playbook, as: .mermaid) + "```\n"
    }
    return text
  }

  @Test func `docs/playbooks.md shows every bundled playbook as it is`() throws {
    let url = repositoryRoot().appendingPathComponent("docs/playbooks.md")
    let expected = Self.document()
    if ProcessInfo.processInfo.environment["CASEBOOK_RECORD"] == "1" || !FileManager.default.fileExists(atPath: url.path) {
      try expected.write(to: url, atomically: true, encoding: .utf8)
      Issue.record("wrote docs/playbooks.md; check it and run again")
      return
    }
    #expect(try String(contentsOf: url, encoding: .utf8) == expected, "docs/playbooks.md is out of date: run CASEBOOK_RECORD=1 swift test")
  }
}

/// Every path of every bundled playbook ends, and every step and answer is on some path.
@Suite struct BundledPlaybookWalkTests {
  @Test func `every path through every bundled playbook reaches an end`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    let files = PlaybookCatalog.files(in: folder)
    #expect(files.count >= 6)
    for file in files {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook, "\(file)")
      let report = PlaybookExplorer.explore(playbook, limit: 20_000)
      #expect(report.unfinished == 0, "\(playbook.id): \(report.unfinished) walks found no end")
      #expect(report.unvisitedSteps == [], "\(playbook.id)")
      #expect(report.unvisitedAnswers == [], "\(playbook.id)")
      #expect(Set(report.ends.keys) == Set(playbook.steps.filter(\.isEnd).map(\.id)), "\(playbook.id): an end is never reached")
      print("\(playbook.id): \(report.walks) walks (\(report.isExhaustive ? "every path" : "sampled")), ends \(report.ends.count)")
    }
  }
}
