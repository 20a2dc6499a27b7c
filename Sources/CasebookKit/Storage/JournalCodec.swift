import Foundation

/// The journal's line format: `<length> <crc32> <json>\n`, length and checksum in 8 hex digits
/// each, both over the JSON bytes.
///
/// A line cut short, or with a wrong length or checksum, is never read as an entry.
public enum JournalCodec {
  /// What reading a journal found.
  public struct Contents: Sendable {
    /// The entries read, in order.
    public var entries: [JournalEntry]
    /// How many bytes hold whole entries; anything after is a torn tail.
    public var validLength: Int
    /// Whether a torn or corrupt last line was dropped.
    public var droppedTail: Bool
  }

  /// A journal that cannot be read past a damaged line.
  public struct DamageError: Error, Sendable, Hashable {
    /// The 1-based line number of the damaged entry.
    public var line: Int
    /// What is wrong with it.
    public var problem: String
  }

  /// One entry as a journal line.
  public static func encode(_ entry: JournalEntry) throws -> [UInt8] {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    let json = [UInt8](try encoder.encode(entry))
    let header = "\(hex(UInt32(json.count))) \(hex(CRC32.checksum(json))) "
    return Array(header.utf8) + json + [0x0A]
  }

  /// Reads a journal's bytes.
  ///
  /// A damaged last line is dropped (a crash can tear the line being written); a damaged line
  /// followed by whole ones is an error, since that is not what a crash leaves.
  public static func decode(_ bytes: [UInt8]) throws(DamageError) -> Contents {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    var entries: [JournalEntry] = []
    var offset = 0
    var line = 0
    while offset < bytes.count {
      line += 1
      let end = bytes[offset...].firstIndex(of: 0x0A)
      if let problem = problem(in: bytes, from: offset, to: end, decoder: decoder, into: &entries) {
        let rest = end.map { bytes[($0 + 1)...] } ?? []
        if !rest.isEmpty {
          throw DamageError(line: line, problem: problem)
        }
        return Contents(entries: entries, validLength: offset, droppedTail: true)
      }
      offset = (end ?? bytes.count) + 1
    }
    return Contents(entries: entries, validLength: bytes.count, droppedTail: false)
  }

  private static func problem(
    in bytes: [UInt8], from start: Int, to end: Int?, decoder: JSONDecoder, into entries: inout [JournalEntry]
  ) -> String? {
    guard let end else { return "the line is cut short" }
    let line = bytes[start..<end]
    guard line.count >= 18, line[start + 8] == 0x20, line[start + 17] == 0x20,
      let length = UInt32(String(decoding: line[start..<(start + 8)], as: UTF8.self), radix: 16),
      let checksum = UInt32(String(decoding: line[(start + 9)..<(start + 17)], as: UTF8.self), radix: 16)
    else { return "the line has no valid length and checksum" }
    let json = line[(start + 18)...]
    guard json.count == Int(length) else { return "the entry's length does not match" }
    guard CRC32.checksum(json) == checksum else { return "the entry's checksum does not match" }
    guard let entry = try? decoder.decode(JournalEntry.self, from: Data(json)) else {
      return "the entry is not understood"
    }
    entries.append(entry)
    return nil
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
