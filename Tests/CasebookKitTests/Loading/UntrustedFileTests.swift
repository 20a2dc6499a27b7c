import CasebookKit
import Foundation
import Testing

/// A playbook may come from a stranger: its includes stay inside its folder and are regular files
/// of bounded size, what is not a file is named and never read, and no diagnostic quotes a file
/// that is neither the playbook nor an accepted part.
@Suite(.serialized) struct UntrustedFileTests {
  /// A folder `playbook/` with `main.yaml` including `include`, beside `secret.yaml` (outside it).
  struct Layout {
    let base: URL
    var folder: URL { base.appendingPathComponent("playbook") }
    var main: String { folder.appendingPathComponent("main.yaml").path }
    static let secret = "secret-line: the outside file's content"

    init(including include: String, start: String = "done") throws {
      base = FileManager.default.temporaryDirectory.appendingPathComponent("casebook-untrusted-\(UUID().uuidString)")
      try FileManager.default.createDirectory(at: base.appendingPathComponent("playbook/parts"), withIntermediateDirectories: true)
      try "\(Self.secret)\n".write(to: base.appendingPathComponent("secret.yaml"), atomically: true, encoding: .utf8)
      let part = "part: shared\nsteps:\n  - id: shared\n    say: Shared.\n    next: done\n"
      try part.write(to: folder.appendingPathComponent("parts/shared.yaml"), atomically: true, encoding: .utf8)
      let playbook = "id: m\ntitle: M\nstart: \(start)\nsteps:\n  - include: \(include)\n  - id: done\n    end: Done.\n"
      try playbook.write(toFile: main, atomically: true, encoding: .utf8)
    }

    func link(_ name: String, to target: String) throws {
      try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent(name).path, withDestinationPath: target)
    }

    func remove() { try? FileManager.default.removeItem(at: base) }
  }

  /// Everything the loader's result prints, as text and as JSON.
  static func printed(_ result: PlaybookLoader.Result) -> String {
    DiagnosticRenderer.render(result.diagnostics, sources: result.sources) + DiagnosticReport.json(result.diagnostics)
  }

  @Test(arguments: ["ABSOLUTE", "../secret.yaml", "parts/../../secret.yaml", "parts/out.yaml"])
  func `an include outside the playbook's folder is refused unread`(include: String) throws {
    let layout = try Layout(including: include == "ABSOLUTE" ? "PLACEHOLDER" : include)
    defer { layout.remove() }
    let absolute = layout.base.appendingPathComponent("secret.yaml").path
    if include == "ABSOLUTE" {
      let text = try String(contentsOfFile: layout.main, encoding: .utf8).replacingOccurrences(of: "PLACEHOLDER", with: absolute)
      try text.write(toFile: layout.main, atomically: true, encoding: .utf8)
    }
    try layout.link("parts/out.yaml", to: "../../secret.yaml")
    let result = PlaybookLoader.load(path: layout.main)
    #expect(result.diagnostics.map(\.code) == [.badInclude])
    #expect(result.diagnostics.first?.message.contains("outside the playbook's folder") == true)
    #expect(!Self.printed(result).contains("secret-line"))
    #expect(result.sources.keys.sorted() == [layout.main])
  }

  @Test(arguments: ["../missing.yaml", "../../nowhere/x.yaml", "/nonexistent/part.yaml"])
  func `a missing file outside the folder is refused as outside, so nothing tells what exists there`(include: String) throws {
    let layout = try Layout(including: include)
    defer { layout.remove() }
    let result = PlaybookLoader.load(path: layout.main)
    #expect(result.diagnostics.map(\.code) == [.badInclude], "\(result.diagnostics)")
    // A missing part inside the folder is still missing.
    let inside = try Layout(including: "parts/nothere.yaml")
    defer { inside.remove() }
    #expect(PlaybookLoader.load(path: inside.main).diagnostics.map(\.code) == [.missingInclude])
  }

  @Test func `a symbolic link that stays inside the folder is followed`() throws {
    let layout = try Layout(including: "linked.yaml", start: "shared")
    defer { layout.remove() }
    try layout.link("linked.yaml", to: "parts/shared.yaml")
    let result = PlaybookLoader.load(path: layout.main)
    #expect(result.diagnostics == [])
    #expect(result.playbook?.steps.map(\.id) == ["shared", "done"])
  }

  @Test func `a FIFO or an oversized part is refused unread`() throws {
    let layout = try Layout(including: "parts/pipe.yaml")
    defer { layout.remove() }
    #expect(mkfifo(layout.folder.appendingPathComponent("parts/pipe.yaml").path, 0o600) == 0)
    let fifo = PlaybookLoader.load(path: layout.main)
    #expect(fifo.diagnostics.map(\.message) == ["included file 'parts/pipe.yaml' is a FIFO, not a part file"])

    let big = String(repeating: "# \(Layout.secret)\n", count: PlaybookLoader.maximumPartSize / 40 + 1)
    try big.write(to: layout.folder.appendingPathComponent("parts/big.yaml"), atomically: true, encoding: .utf8)
    let text = try String(contentsOfFile: layout.main, encoding: .utf8).replacingOccurrences(of: "pipe.yaml", with: "big.yaml")
    try text.write(toFile: layout.main, atomically: true, encoding: .utf8)
    let oversized = PlaybookLoader.load(path: layout.main)
    #expect(oversized.diagnostics.map(\.code) == [.badInclude])
    #expect(oversized.diagnostics.first?.message == "included file 'parts/big.yaml' is \(big.utf8.count) bytes; a part is limited to 1048576 bytes")
    #expect(!Self.printed(oversized).contains("secret-line"))
  }

  @Test func `a device or a FIFO named as the playbook says what it is, without reading it`() throws {
    let zero = PlaybookLoader.load(path: "/dev/zero")
    #expect(zero.diagnostics.map(\.message) == ["cannot read the file: '/dev/zero' is a device, not a playbook file"])
    let layout = try Layout(including: "parts/shared.yaml")
    defer { layout.remove() }
    let pipe = layout.folder.appendingPathComponent("pipe.yaml").path
    #expect(mkfifo(pipe, 0o600) == 0)
    let fifo = PlaybookLoader.load(path: pipe)
    #expect(fifo.diagnostics.map(\.code) == [.unreadableFile])
    #expect(fifo.diagnostics.first?.message.hasSuffix("' is a FIFO, not a playbook file") == true)
  }

  @Test func `an alias bomb in a part is reported as one, at the part`() throws {
    let layout = try Layout(including: "parts/bomb.yaml")
    defer { layout.remove() }
    var bomb = "part: bomb\na: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for (name, previous) in zip("bcdefg", "abcdef") {
      bomb += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 10).joined(separator: ", ") + "]\n"
    }
    try (bomb + "steps: []\n").write(to: layout.folder.appendingPathComponent("parts/bomb.yaml"), atomically: true, encoding: .utf8)
    let result = PlaybookLoader.load(path: layout.main)
    #expect(result.diagnostics.map(\.code) == [.tooComplex])
    #expect(result.diagnostics.first?.location.file.hasSuffix("parts/bomb.yaml") == true)
  }

  @Test func `a part that includes itself is reported once, and its own problems once`() throws {
    let layout = try Layout(including: "parts/loop.yaml")
    defer { layout.remove() }
    let loop = "part: loop\nsteps:\n  - include: loop.yaml\n  - id: odd\n    sy: Hi.\n"
    try loop.write(to: layout.folder.appendingPathComponent("parts/loop.yaml"), atomically: true, encoding: .utf8)
    let result = PlaybookLoader.load(path: layout.main)
    #expect(result.diagnostics.map(\.code) == [.missingInclude, .missingKey, .unknownKey])
    #expect(Set(result.diagnostics).count == result.diagnostics.count)
  }
}
