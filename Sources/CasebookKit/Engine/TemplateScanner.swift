/// Reads a draft template's tags in one pass over its characters, without recursion, so that
/// checking a template takes time in proportion to its length and no nesting can exhaust the stack.
///
/// It finds what a template's structure gets wrong (a tag never closed, a section closed with the
/// wrong name or never closed, sections nested too deeply, a bad delimiter change) and lists the
/// tags, whose insides ``DraftRenderer`` has the Mustache parser read one at a time. It also finds
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
  /// Character offsets where a line begins outside every section, with the usual delimiters.
  private(set) var cuts: [Int] = []
  /// Characters and tags visited: the measure of work that tests hold to a linear bound.
  private(set) var work = 0

  private let characters: [Character]
  private var open: [Character] = ["{", "{"]
  private var close: [Character] = ["}", "}"]
  private var sections: [String] = []
  private var line = 1
  private var lineStart = 0

  /// Scans `template`.
  init(_ template: String) {
    characters = Array(template)
    guard characters.count <= Self.maximumLength else {
      problem = Problem(
        message: "the template is \(characters.count) characters long; a draft is limited to \(Self.maximumLength)",
        line: 1, column: 1)
      return
    }
    scan()
  }

  private var hasUsualDelimiters: Bool { open == ["{", "{"] && close == ["}", "}"] }

  private func matches(_ delimiter: [Character], at index: Int) -> Bool {
    guard index + delimiter.count <= characters.count else { return false }
    for offset in delimiter.indices where characters[index + offset] != delimiter[offset] { return false }
    return true
  }

  private mutating func scan() {
    var index = 0
    while index < characters.count, problem == nil {
      work += 1
      if characters[index].isNewline {
        index += 1
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
    let lines = String(characters).split(separator: "\n", omittingEmptySubsequences: false)
    let lastWithText = lines.lastIndex { !$0.allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? 1
    let shownLine = min(max(1, line), lastWithText)
    let width = lines.indices.contains(shownLine - 1) ? lines[shownLine - 1].count : 0
    problem = Problem(
      message: "a section '{{#name}}' is never closed with '{{/name}}'", line: shownLine,
      column: min(characters.count - lineStart + 1, width + 1))
  }

  /// Reads the tag that starts at `start`; returns the index after it.
  private mutating func readTag(at start: Int) -> Int {
    let tagLine = line
    let tagColumn = start - lineStart + 1
    let bodyStart = start + open.count
    let sigil = bodyStart < characters.count && "#^/!>{&=<$%".contains(characters[bodyStart]) ? characters[bodyStart] : nil
    let closing = sigil == "{" ? close + ["}"] : close
    var end = bodyStart
    while end < characters.count, !matches(closing, at: end) {
      work += 1
      if characters[end].isNewline {
        line += 1
        lineStart = end + 1
      }
      end += 1
      if end - start > Self.maximumTagLength { break }
    }
    guard end < characters.count, end - start <= Self.maximumTagLength else {
      let within = end - start > Self.maximumTagLength ? " within \(Self.maximumTagLength) characters" : ""
      problem = Problem(
        message: "a '\(String(open))' is not closed with '\(String(close))'\(within)", line: tagLine, column: tagColumn)
      return characters.count
    }
    let next = end + closing.count
    let inside = characters[(sigil == nil ? bodyStart : bodyStart + 1)..<end]
    let name = String(inside).trimmingWhitespace()
    let text = String(characters[start..<next])
    let delimiters = hasUsualDelimiters ? "" : "{{=\(String(open)) \(String(close))=}}"
    switch sigil {
    case "!":
      break
    case "=":
      changeDelimiters(name, line: tagLine, column: tagColumn)
    case "<", "$":
      problem = Problem(
        message: "template inheritance ('\(String(open))<' and '\(String(open))$') cannot be used in a draft",
        line: tagLine, column: tagColumn)
    case "#", "^":
      sections.append(name)
      guard sections.count <= Self.maximumDepth else {
        problem = Problem(
          message: "sections nest more than \(Self.maximumDepth) levels deep", line: tagLine, column: tagColumn,
          isTooDeep: true)
        return next
      }
      let closer = String(open) + "/" + name + String(close)
      tags.append(Tag(snippet: delimiters + text + closer, line: tagLine, column: tagColumn))
    case "/":
      guard sections.last == name else {
        problem = Problem(
          message: "a section is closed with the wrong name", line: tagLine, column: tagColumn + open.count + 1)
        return next
      }
      sections.removeLast()
    default:
      tags.append(Tag(snippet: delimiters + text, line: tagLine, column: tagColumn))
    }
    return next
  }

  /// `{{=<% %>=}}`: two delimiters, separated by white space, between two `=`.
  private mutating func changeDelimiters(_ body: String, line: Int, column: Int) {
    let parts = body.hasSuffix("=") ? body.dropLast().split(whereSeparator: \.isWhitespace) : []
    guard parts.count == 2, !parts.contains(where: { $0.contains("=") }) else {
      problem = Problem(message: "the delimiters cannot be changed that way", line: line, column: column)
      return
    }
    open = Array(parts[0])
    close = Array(parts[1])
  }
}
