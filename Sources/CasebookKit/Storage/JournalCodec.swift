import Foundation

/// The journal's line format: `<length> <crc32> <json>\n`, length and checksum in 8 hex digits
/// each, both over the JSON bytes.
///
/// A line cut short, or with a wrong length or checksum, is never read as an entry. Each line is
/// framed on its own, so the lines after a damaged one can still be read. A line ending `\r\n`
/// (the journal passed through a program that changes line endings) is read as if it ended `\n`.
public enum JournalCodec {
  /// What reading a journal found, up to its first damaged line.
  public struct Contents: Sendable {
    /// The entries read, in order, before any damaged line.
    public var entries: [JournalEntry]
    /// How many bytes hold whole lines; anything after is a torn tail.
    public var validLength: Int
    /// Whether a torn last line (one with no newline: a write cut short by a crash) was dropped.
    public var droppedTail: Bool
    /// The first whole line that cannot be read, if any; ``entries`` stops before it.
    public var damage: DamageError?
  }

  /// A whole journal line that cannot be read.
  public struct DamageError: Error, Sendable, Hashable {
    /// The 1-based line number of the damaged entry.
    public var line: Int
    /// What is wrong with it.
    public var problem: String

    /// A damaged line: its number, from 1, and what is wrong with it.
    public init(line: Int, problem: String) {
      self.line = line
      self.problem = problem
    }
  }

  /// One line of a journal, read on its own.
  public struct Line: Sendable {
    /// The 1-based line number.
    public var number: Int
    /// The line's bytes, with its newline.
    public var bytes: ArraySlice<UInt8>
    /// The entry it holds, or what is wrong with it.
    public var entry: Result<JournalEntry, DamageError>
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

  /// Reads a journal's bytes as far as its first damaged line.
  ///
  /// Only a torn tail (a last line with no newline, which a crash during a write leaves) is dropped
  /// without a word; a whole line that cannot be read, the last one included, is ``Contents/damage``.
  public static func read(_ bytes: [UInt8]) -> Contents {
    let (lines, wholeLength) = self.lines(bytes)
    var entries: [JournalEntry] = []
    for line in lines {
      switch line.entry {
      case .success(let entry): entries.append(entry)
      case .failure(let damage):
        return Contents(entries: entries, validLength: wholeLength, droppedTail: wholeLength < bytes.count, damage: damage)
      }
    }
    return Contents(entries: entries, validLength: wholeLength, droppedTail: wholeLength < bytes.count, damage: nil)
  }

  /// Reads a journal's bytes, refusing any damaged line.
  ///
  /// - Throws: The first damaged whole line; a torn tail is dropped.
  public static func decode(_ bytes: [UInt8]) throws(DamageError) -> Contents {
    let contents = read(bytes)
    if let damage = contents.damage { throw damage }
    return contents
  }

  /// Every whole line of a journal, each read on its own, and how many bytes they take (the rest
  /// is a torn tail).
  public static func lines(_ bytes: [UInt8]) -> (lines: [Line], wholeLength: Int) {
    let decoder = JSONDecoder()
    decoder.dateDecodingStrategy = .iso8601
    var lines: [Line] = []
    var offset = 0
    while let end = bytes[offset...].firstIndex(of: 0x0A) {
      let entry = Result { () throws(DamageError) in
        try self.entry(in: bytes[offset..<end], line: lines.count + 1, decoder: decoder)
      }
      lines.append(Line(number: lines.count + 1, bytes: bytes[offset...end], entry: entry))
      offset = end + 1
    }
    return (lines, offset)
  }

  private static func entry(in line: ArraySlice<UInt8>, line number: Int, decoder: JSONDecoder) throws(DamageError) -> JournalEntry {
    func damage(_ problem: String) -> DamageError { DamageError(line: number, problem: problem) }
    let start = line.startIndex
    guard line.count >= 18, line[start + 8] == 0x20, line[start + 17] == 0x20,
      let length = UInt32(String(decoding: line[start..<(start + 8)], as: UTF8.self), radix: 16),
      let checksum = UInt32(String(decoding: line[(start + 9)..<(start + 17)], as: UTF8.self), radix: 16)
    else { throw damage("no valid length and checksum") }
    var json = line[(start + 18)...]
    if json.count == Int(length) + 1, json.last == 0x0D { json = json.dropLast() }
    guard json.count == Int(length) else { throw damage("length does not match") }
    guard CRC32.checksum(json) == checksum else { throw damage("checksum does not match") }
    guard let entry = try? decoder.decode(JournalEntry.self, from: Data(json)) else {
      throw damage("entry not understood")
    }
    return entry
  }

  private static func hex(_ value: UInt32) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 8 - digits.count) + digits
  }
}
