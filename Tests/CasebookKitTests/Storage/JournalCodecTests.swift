import CasebookKit
import Foundation
import Testing

@Suite struct JournalCodecTests {
  static let entries: [JournalEntry] = [
    .opened(CaseHeader(
      playbook: "no-show", title: "T", playbookFile: "/p.yaml", playbookHash: "00", client: "Zoë \"Z\" / ..",
      mode: .live, started: Date(timeIntervalSince1970: 1_795_000_000))),
    .answered(step: "reached", answer: "no", at: Date(timeIntervalSince1970: 1_795_000_010)),
    .noted(text: "line one\nline two", at: Date(timeIntervalSince1970: 1_795_000_020)),
    .undone(step: "reached", at: Date(timeIntervalSince1970: 1_795_000_030)),
  ]

  static func bytes() throws -> [UInt8] {
    try entries.flatMap { try JournalCodec.encode($0) }
  }

  @Test func `entries survive a round trip, one line each`() throws {
    let bytes = try Self.bytes()
    #expect(bytes.count { $0 == 0x0A } == Self.entries.count)
    let contents = try JournalCodec.decode(bytes)
    #expect(contents.entries == Self.entries)
    #expect(!contents.droppedTail)
    #expect(contents.validLength == bytes.count)
  }

  @Test func `a last entry cut at any byte is dropped and never misread`() throws {
    let bytes = try Self.bytes()
    let lastStart = try JournalCodec.encode(Self.entries[0]).count + JournalCodec.encode(Self.entries[1]).count
      + JournalCodec.encode(Self.entries[2]).count
    for cut in lastStart..<bytes.count {
      let contents = try JournalCodec.decode(Array(bytes[0..<cut]))
      #expect(contents.entries == Array(Self.entries.prefix(3)), "cut at \(cut)")
      #expect(contents.validLength == lastStart)
      #expect(contents.droppedTail == (cut > lastStart))
    }
  }

  @Test func `a flipped byte in the last whole line is damage, not a torn tail`() throws {
    let bytes = try Self.bytes()
    var tail = bytes
    tail[bytes.count - 5] ^= 0x01
    #expect(throws: JournalCodec.DamageError(line: 4, problem: "checksum does not match")) { try JournalCodec.decode(tail) }
    let contents = JournalCodec.read(tail)
    #expect(contents.entries == Array(Self.entries.prefix(3)))
    #expect(contents.damage?.line == 4)
    #expect(!contents.droppedTail)

    let secondStart = try JournalCodec.encode(Self.entries[0]).count
    var middle = bytes
    middle[secondStart + 30] ^= 0x01
    #expect(throws: JournalCodec.DamageError(line: 2, problem: "checksum does not match")) { try JournalCodec.decode(middle) }
  }

  @Test func `each line is framed on its own, so the lines after a damaged one are read`() throws {
    var bytes = try Self.bytes()
    let secondStart = try JournalCodec.encode(Self.entries[0]).count
    bytes[secondStart + 3] = 0
    let lines = JournalCodec.lines(bytes).lines
    #expect(lines.map(\.number) == [1, 2, 3, 4])
    #expect(lines.compactMap { try? $0.entry.get() } == [Self.entries[0], Self.entries[2], Self.entries[3]])
    #expect(throws: JournalCodec.DamageError(line: 2, problem: "no valid length and checksum")) { try lines[1].entry.get() }
  }

  @Test func `a journal with CRLF line endings is read as it was written`() throws {
    let bytes = try Self.bytes()
    let crlf = bytes.flatMap { $0 == 0x0A ? [0x0D, 0x0A] : [$0] }
    let contents = try JournalCodec.decode(crlf)
    #expect(contents.entries == Self.entries)
    #expect(contents.validLength == crlf.count)
  }
}
