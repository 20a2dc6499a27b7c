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

  @Test func `a flipped byte in the last entry drops it; in the middle it is an error`() throws {
    let bytes = try Self.bytes()
    var tail = bytes
    tail[bytes.count - 5] ^= 0x01
    #expect(try JournalCodec.decode(tail).entries == Array(Self.entries.prefix(3)))

    let secondStart = try JournalCodec.encode(Self.entries[0]).count
    var middle = bytes
    middle[secondStart + 30] ^= 0x01
    #expect(throws: JournalCodec.DamageError.self) { try JournalCodec.decode(middle) }
  }
}
