/// Reads a draft template's tags in one pass over its UTF-8 bytes, without recursion, so that
/// checking a template takes time in proportion to its length and no nesting can exhaust the stack.
///
/// It finds what a template's structure gets wrong (a tag never closed, a section closed with the
/// wrong name or never closed, sections nested too deeply, a bad delimiter change) and lists the
/// tags, whose insides ``DraftRenderer`` has the Mustache parser read. It also finds
/// where the template may be cut into pieces that fill independently: at the start of a line
/// outside every section, with the usual delimiters.
struct TemplateScanner {
  /// The deepest nesting of sections accepted.
  static let maximumDepth = 64
  /// The longest template accepted, in characters.
  static let maximumLength = 200_000
  /// The longest single tag accepted, delimiters included, in characters.
  static let maximumTagLength = 1_000

  /// A tag, as a template of its own that the Mustache parser can read: the delimiter change in
  /// force, the tag, and for a section its closing tag.
  struct Tag {
    var snippet: String
    /// 1-based line and column of its first character.
    var line: Int
    var column: Int
    /// Whether the tag is written plainly, as the Mustache parser always reads it: the usual
    /// delimiters, no sigil or `#`, `^`, `&`, and a name (`client`, `me.name`) or one transform of
    /// one (`time(new_time)`) in the characters names are made of.
    var isPlain = false
  }

  /// What is wrong with the structure, and where (1-based, in characters).
  struct Problem: Equatable {
    var message: String
    var line: Int
    var column: Int
    var isTooDeep = false
  }

  /// Every tag but comments and delimiter changes, in order.
  private(set) var tags: [Tag] = []
  /// The first structural problem, if any.
  private(set) var problem: Problem?
  /// UTF-8 offsets where a line begins outside every section, with the usual delimiters.
  private(set) var cuts: [Int] = []
  /// Bytes and tags visited: the measure of work that tests hold to a linear bound.
  private(set) var work = 0

  // The template's UTF-8 bytes: every delimiter, sigil and line break that matters is ASCII, so
  // the scan never needs the template's characters, only where a column is reported.
  private let bytes: [UInt8]
  private var open: [UInt8] = Array("{{".utf8)
  private var close: [UInt8] = Array("}}".utf8)
  private var sections: [String] = []
  private var line = 1
  private var lineStart = 0

  private static let usualOpen: [UInt8] = Array("{{".utf8)
  private static let usualClose: [UInt8] = Array("}}".utf8)
  private static let sigils: [UInt8] = Array("#^/!>{&=<$%".utf8)
  private static let newline = UInt8(ascii: "\n")
  private static let carriageReturn = UInt8(ascii: "\r")

  /// Scans `template`.
  init(_ template: String) {
    bytes = Array(template.utf8)
    // A character is at least one byte: only a long text needs its characters counted.
    if bytes.count > Self.maximumLength, case let length = template.count, length > Self.maximumLength {
      problem = Problem(
        message: "the template is \(length) characters long; a draft is limited to \(Self.maximumLength)",
        line: 1, column: 1)
      return
    }
    scan()
  }

  private var hasUsualDelimiters: Bool { open == Self.usualOpen && close == Self.usualClose }

  private func matches(_ delimiter: [UInt8], at index: Int) -> Bool {
    guard index + delimiter.count <= bytes.count else { return false }
    for offset in delimiter.indices where bytes[index + offset] != delimiter[offset] { return false }
    return true
  }

  /// The number of bytes of the line break at `index` (`\r\n` is one break), or 0.
  private func lineBreak(at index: Int) -> Int {
    switch bytes[index] {
    case Self.newline: 1
    case Self.carriageReturn: index + 1 < bytes.count && bytes[index + 1] == Self.newline ? 2 : 1
    default: 0
    }
  }

  /// The 1-based column, in characters, of the byte at `index` on the current line.
  private func column(at index: Int) -> Int {
    let prefix = bytes[lineStart..<index]
    guard prefix.contains(where: { $0 >= 0x80 }) else { return prefix.count + 1 }
    return String(decoding: prefix, as: UTF8.self).count + 1
  }

  private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

  private mutating func scan() {
    var index = 0
    while index < bytes.count, problem == nil {
      work += 1
      let breakLength = lineBreak(at: index)
      if breakLength > 0 {
        index += breakLength
        line += 1
        lineStart = index
        if sections.isEmpty && hasUsualDelimiters { cuts.append(index) }
      } else if matches(open, at: index) {
        index = readTag(at: index)
      } else {
        index += 1
      }
    }
    guard problem == nil, !sections.isEmpty else { return }
    // As the Mustache parser does, an unclosed section is reported at the end, shown on the last
    // line that has text.
    let lines = text(0..<bytes.count).split(separator: "\n", omittingEmptySubsequences: false)
    let lastWithText = lines.lastIndex { !$0.allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? 1
    let shownLine = min(max(1, line), lastWithText)
    let width = lines.indices.contains(shownLine - 1) ? lines[shownLine - 1].count : 0
    problem = Problem(
      message: "a section '{{#name}}' is never closed with '{{/name}}'", line: shownLine,
      column: min(column(at: bytes.count), width + 1))
  }

  /// Reads the tag that starts at `start`; returns the index after it.
  private mutating func readTag(at start: Int) -> Int {
    let tagLine = line
    let tagColumn = column(at: start)
    let bodyStart = start + open.count
    let sigil = bodyStart < bytes.count && Self.sigils.contains(bytes[bodyStart]) ? bytes[bodyStart] : nil
    let closing = sigil == UInt8(ascii: "{") ? close + [UInt8(ascii: "}")] : close
    var end = bodyStart
    var characters = 0
    while end < bytes.count, !matches(closing, at: end) {
      work += 1
      let breakLength = lineBreak(at: end)
      if breakLength > 0 {
        line += 1
        lineStart = end + breakLength
      }
      // A character's first byte is not a UTF-8 continuation byte (0b10xxxxxx).
      if bytes[end] & 0xC0 != 0x80 { characters += 1 }
      end += max(breakLength, 1)
      if characters + open.count > Self.maximumTagLength { break }
    }
    let tooLong = characters + open.count > Self.maximumTagLength
    guard end < bytes.count, !tooLong else {
      let within = tooLong ? " within \(Self.maximumTagLength) characters" : ""
      problem = Problem(
        message: "a '\(String(decoding: open, as: UTF8.self))' is not closed with '\(String(decoding: close, as: UTF8.self))'\(within)",
        line: tagLine, column: tagColumn)
      return bytes.count
    }
    let next = end + closing.count
    let name = text((sigil == nil ? bodyStart : bodyStart + 1)..<end).trimmingWhitespace()
    let tagText = text(start..<next)
    let openText = String(decoding: open, as: UTF8.self)
    let closeText = String(decoding: close, as: UTF8.self)
    let delimiters = hasUsualDelimiters ? "" : "{{=\(openText) \(closeText)=}}"
    switch sigil.map({ Character(Unicode.Scalar($0)) }) {
    case "!":
      break
    case "=":
      changeDelimiters(name, line: tagLine, column: tagColumn)
    case "<", "$":
      problem = Problem(
        message: "template inheritance ('\(openText)<' and '\(openText)$') cannot be used in a draft",
        line: tagLine, column: tagColumn)
    case "#", "^":
      sections.append(name)
      guard sections.count <= Self.maximumDepth else {
        problem = Problem(
          message: "sections nest more than \(Self.maximumDepth) levels deep", line: tagLine, column: tagColumn,
          isTooDeep: true)
        return next
      }
      let closer = openText + "/" + name + closeText
      tags.append(
        Tag(snippet: delimiters + tagText + closer, line: tagLine, column: tagColumn, isPlain: isPlain(name)))
    case "/":
      guard sections.last == name else {
        problem = Problem(
          message: "a section is closed with the wrong name", line: tagLine, column: tagColumn + open.count + 1)
        return next
      }
      sections.removeLast()
    case nil, "&":
      tags.append(Tag(snippet: delimiters + tagText, line: tagLine, column: tagColumn, isPlain: isPlain(name)))
    default:
      tags.append(Tag(snippet: delimiters + tagText, line: tagLine, column: tagColumn))
    }
    return next
  }

  /// The characters of a name, as the Mustache parser reads them (its `sectionNameChars` without
  /// the brackets).
  private static let nameBytes = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*".utf8)

  /// Whether `name`, the trimmed inside of a tag with the usual delimiters, is `name` or
  /// `transform(name)`.
  private func isPlain(_ name: String) -> Bool {
    guard hasUsualDelimiters else { return false }
    let utf8 = Array(name.utf8)
    func isName(_ part: ArraySlice<UInt8>) -> Bool { !part.isEmpty && part.allSatisfy(Self.nameBytes.contains) }
    guard let open = utf8.firstIndex(of: UInt8(ascii: "(")) else { return isName(utf8[...]) }
    return utf8.last == UInt8(ascii: ")") && isName(utf8[..<open]) && isName(utf8[(open + 1)..<(utf8.count - 1)])
  }

  /// `{{=<% %>=}}`: two delimiters, separated by white space, between two `=`.
  private mutating func changeDelimiters(_ body: String, line: Int, column: Int) {
    let parts = body.hasSuffix("=") ? body.dropLast().split(whereSeparator: \.isWhitespace) : []
    guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
      problem = Problem(message: "the delimiters cannot be changed that way", line: line, column: column)
      return
    }
    open = Array(parts[0].utf8)
    close = Array(parts[1].utf8)
  }
}
