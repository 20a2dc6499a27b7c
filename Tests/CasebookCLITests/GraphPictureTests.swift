import Foundation
import Testing

/// `casebook graph` draws pictures through Graphviz, says how to get it when it is missing, and
/// draws the path a case took.
@Suite struct GraphPictureTests {
  static let hasDot = FileManager.default.isExecutableFile(atPath: "/usr/bin/dot")

  @Test(.enabled(if: hasDot, "Graphviz is not installed; run .ci/setup"))
  func `svg and png are drawn by Graphviz`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let svg = try casebook.run(["graph", fixture("small.yaml"), "--format", "svg"])
    #expect(svg.status == 0)
    #expect(svg.stdout.contains("<svg"))
    #expect(svg.stdout.contains("Did you reach them?"))
    let png = try casebook.run(["graph", fixture("small.yaml"), "--format", "png"])
    #expect(png.status == 0)
    #expect(png.stdout.utf8.starts(with: [0x89] as [UInt8]) || png.stdout.hasPrefix("\u{FFFD}PNG"))
  }

  @Test func `without Graphviz, svg says how to get it`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    casebook.environment["PATH"] = "/nonexistent"
    let outcome = try casebook.run(["graph", fixture("small.yaml"), "--format", "svg"])
    #expect(outcome.status == 1)
    #expect(outcome.stderr.contains("needs Graphviz's 'dot', which is not installed"))
    #expect(outcome.stderr.contains("apt-get install graphviz"))
  }

  @Test func `--case draws the steps a case reached and the answers it gave`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let run = try casebook.run(["run", fixture("small.yaml"), "--client", "Lee"], input: "yes\nagreed\n")
    #expect(run.status == 0)
    let name = try #require(casebook.caseFolders().first.map { ($0 as NSString).lastPathComponent })
    let dot = try casebook.run(["graph", fixture("small.yaml"), "--format", "dot", "--case", name])
    #expect(dot.status == 0)
    let lines = dot.stdout.split(separator: "\n")
    #expect(lines.contains { $0.hasPrefix("  \"reached\" -> \"reschedule\"") && $0.contains("penwidth=3") })
    #expect(lines.contains { $0.hasPrefix("  \"reached\" -> \"wait-limit\"") && !$0.contains("penwidth") })
    #expect(lines.contains { $0.hasPrefix("  \"done\" [") && $0.contains("stopped here") })
    #expect(!lines.contains { $0.hasPrefix("  \"new-time\" [") && $0.contains("penwidth") })
  }
}
