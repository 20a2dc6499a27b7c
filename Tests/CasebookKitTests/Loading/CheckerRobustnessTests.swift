import CasebookKit
import Foundation
import Testing

/// Thousands of broken, truncated and hostile inputs: the loader never crashes or hangs, always
/// answers with a playbook or with errors, and renders its diagnostics in bounded lines.
@Suite struct CheckerRobustnessTests {
  static func seeds() -> [[UInt8]] {
    let folders = [fixturesFolder().appendingPathComponent("valid"), fixturesFolder().appendingPathComponent("invalid"),
                   repositoryRoot().appendingPathComponent("playbooks")]
    return folders.flatMap { PlaybookCatalog.files(in: $0.path) }.compactMap { FileManager.default.contents(atPath: $0) }
      .map { [UInt8]($0) }
  }

  static func mutate(_ input: [UInt8], with random: inout SeededGenerator) -> [UInt8] {
    var bytes = input
    let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
    switch Int.random(in: 0..<10, using: &random) {
    case 0: bytes = Array(bytes.prefix(position))
    case 1 where bytes.count > 1:
      let other = Int.random(in: 0..<bytes.count, using: &random)
      bytes.swapAt(position, other)
    case 2 where !bytes.isEmpty: bytes[position] ^= UInt8.random(in: 1...255, using: &random)
    case 3: bytes.insert(contentsOf: [[0xFF], [0xC3], [0xE2, 0x82], [0x00], [0x1B, 0x5B, 0x32, 0x4A]].randomElement(using: &random)!, at: position)
    case 4: bytes.insert(contentsOf: Array(String(repeating: "[", count: Int.random(in: 1...5_000, using: &random)).utf8), at: position)
    case 5: bytes = Array("a: &a [x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c]\n".utf8) + bytes
    case 6:
      let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
      guard !lines.isEmpty else { break }
      let line = Int.random(in: 0..<lines.count, using: &random)
      var copy = Array(lines)
      copy.insert(lines[line], at: line)
      bytes = Array(copy.joined(separator: [0x0A]))
    case 7:
      var lines = Array(bytes.split(separator: 0x0A, omittingEmptySubsequences: false))
      guard !lines.isEmpty else { break }
      lines.remove(at: Int.random(in: 0..<lines.count, using: &random))
      bytes = Array(lines.joined(separator: [0x0A]))
    case 8: bytes.insert(contentsOf: Array(["&x ", "*x", ": ", "- ", "\t", "{", "\"", "'", "!!binary ", "<<: "].randomElement(using: &random)!.utf8), at: position)
    default:
      bytes = (0..<Int.random(in: 0...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
    return bytes
  }

  @Test(.enabled(if: ProcessInfo.processInfo.environment["CASEBOOK_HEAVY_TESTS"] == "1", "fuzzing: set CASEBOOK_HEAVY_TESTS=1"))
  func `thousands of mutated and random inputs never crash the checker`() throws {
    let seeds = Self.seeds()
    #expect(seeds.count > 20)
    var random = SeededGenerator(seed: 20_261_124)
    let started = Date()
    var inputs = 0
    var rejected = 0
    for round in 0..<4_000 {
      var bytes = seeds[round % seeds.count]
      for _ in 0..<Int.random(in: 1...3, using: &random) { bytes = Self.mutate(bytes, with: &random) }
      let result = PlaybookLoader.load(data: Data(bytes), file: "fuzz-\(round).yaml")
      inputs += 1
      // Always a playbook or an error, never neither.
      #expect((result.playbook != nil) != result.hasErrors, "input \(round)")
      if result.hasErrors { rejected += 1 }
      let rendered = DiagnosticRenderer.render(result.diagnostics, sources: [result.playbook?.file ?? "fuzz-\(round).yaml": result.source])
      let long = rendered.split(separator: "\n").first { $0.unicodeScalars.count >= 600 }
      #expect(long == nil, "input \(round): \(long.map { String($0.prefix(160)) } ?? "")")
      #expect(!rendered.unicodeScalars.contains { $0.value == 0x1B }, "input \(round)")
    }
    print("checker robustness: \(inputs) inputs, \(rejected) rejected, in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
  }
}
