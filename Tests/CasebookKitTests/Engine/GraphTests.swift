import CasebookKit
import Foundation
import Testing

@Suite struct GraphTests {
  @Test(arguments: ["conditions", "timer", "checklist", "drafts"])
  func `the decision tree is drawn in Mermaid and DOT`(name: String) throws {
    let playbook = try #require(
      PlaybookLoader.load(path: fixturesFolder().appendingPathComponent("valid/\(name).yaml").path).playbook)
    assertGolden(PlaybookGraph.render(playbook, as: .mermaid), named: "graphs/\(name).mmd")
    assertGolden(PlaybookGraph.render(playbook, as: .dot), named: "graphs/\(name).dot")
  }
}
