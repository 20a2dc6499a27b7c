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
    switch Int.random(in: 0..<11, using: &random) {
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
    case 9: bytes = nest(bytes, with: &random)
    default:
      bytes = (0..<Int.random(in: 0...400, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
    }
    return bytes
  }

  /// Deep nesting where it hurts: in a condition, a draft template, a YAML list; at a random
  /// place, so most land in a condition or template and some break the file.
  static func nest(_ input: [UInt8], with random: inout SeededGenerator) -> [UInt8] {
    let depth = [60, 65, 1_000, 20_000].randomElement(using: &random)!
    let nested: String
    switch Int.random(in: 0..<6, using: &random) {
    case 0: nested = String(repeating: "(", count: depth) + "x" + String(repeating: ")", count: depth)
    case 1: nested = String(repeating: "not ", count: depth) + "x"
    case 2: nested = Array(repeating: "x", count: depth).joined(separator: [" and ", " or "].randomElement(using: &random)!)
    case 3: nested = String(repeating: "{{#client}}", count: depth) + String(repeating: "{{/client}}", count: depth)
    case 4: nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    default: nested = String(repeating: "- ", count: depth) + "x"
    }
    var bytes = input
    // Where a condition or a template begins, most of the time; anywhere otherwise.
    let anchors = ["when: ", "text: ", "text: |\n"].compactMap { anchor in
      bytes.indices.first { bytes[$0...].starts(with: anchor.utf8) }.map { $0 + anchor.utf8.count }
    }
    let position = anchors.isEmpty || Bool.random(using: &random) && Bool.random(using: &random)
      ? Int.random(in: 0...bytes.count, using: &random) : anchors.randomElement(using: &random)!
    bytes.insert(contentsOf: Array(nested.utf8), at: position)
    return bytes
  }

  @Test func `hundreds of deeply nested mutants never crash the checker`() {
    let seeds = Self.seeds()
    var random = SeededGenerator(seed: 20_261_201)
    var refusedAsTooDeep = 0
    for round in 0..<300 {
      let bytes = Self.nest(seeds[round % seeds.count], with: &random)
      let result = PlaybookLoader.load(data: Data(bytes), file: "deep-\(round).yaml")
      #expect((result.playbook != nil) != result.hasErrors, "input \(round)")
      if result.diagnostics.contains(where: { $0.code == .nestingTooDeep }) { refusedAsTooDeep += 1 }
      _ = DiagnosticRenderer.render(result.diagnostics, sources: [result.playbook?.file ?? "deep-\(round).yaml": result.source])
    }
    #expect(refusedAsTooDeep > 10)
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
