import Foundation
import Mustache

/// Fills draft templates (Mustache, plain text: nothing is HTML-escaped).
public enum DraftRenderer {
  /// A template that cannot be read: what is wrong and where, 1-based within the template.
  public struct Failure: Error, Sendable, Hashable {
    /// What is wrong.
    public var message: String
    /// The line within the template.
    public var line: Int
    /// The column within that line.
    public var column: Int
    /// Whether sections nest deeper than the limit.
    public var isTooDeep = false
  }

  private static let plainText = "{{% CONTENT_TYPE: TEXT}}\n"

  /// Checks that a template can be read, in time proportional to its length.
  public static func validate(_ template: String) -> Failure? {
    check(template).failure
  }

  /// The check behind ``validate(_:)``, with the work it took (characters and tags visited).
  static func check(_ template: String) -> (failure: Failure?, work: Int) {
    let scanner = TemplateScanner(template)
    if let problem = scanner.problem {
      return (Failure(message: problem.message, line: problem.line, column: problem.column, isTooDeep: problem.isTooDeep), scanner.work)
    }
    // The Mustache parser looks at the rest of its text at every tag, so it reads the tags, not
    // the template: each distinct one once, a few hundred characters of them at a time (one
    // parse is far cheaper than many), and one by one only to find the tag a batch stumbles on.
    // A tag written plainly needs no reading (the parser takes every one: TemplateCheckTests).
    // The scanner has checked how they fit together.
    var work = scanner.work
    var seen: Set<String> = []
    var batch: [TemplateScanner.Tag] = []
    var batchLength = 0
    func readOneByOne(_ tags: [TemplateScanner.Tag]) -> Failure? {
      for tag in tags {
        if let message = parserProblem(tag.snippet) { return Failure(message: message, line: tag.line, column: tag.column) }
      }
      return nil
    }
    func readBatch() -> Failure? {
      defer { (batch, batchLength) = ([], 0) }
      guard !batch.isEmpty else { return nil }
      if batch.count > 1, parserProblem(batch.map(\.snippet).joined(separator: "\n")) == nil { return nil }
      return readOneByOne(batch)
    }
    for tag in scanner.tags where seen.insert(tag.snippet).inserted {
      work += 1
      if tag.isPlain { continue }
      // A snippet that changes the delimiters would change them for the rest of a batch.
      guard tag.snippet.hasPrefix("{{") && !tag.snippet.hasPrefix("{{=") else {
        if let failure = readBatch() ?? readOneByOne([tag]) { return (failure, work) }
        continue
      }
      batch.append(tag)
      batchLength += tag.snippet.utf8.count
      if batchLength >= Self.batchLength, let failure = readBatch() { return (failure, work) }
    }
    return (readBatch(), work)
  }

  /// What the Mustache parser finds wrong with `template`, if anything.
  static func parserProblem(_ template: String) -> String? {
    do {
      _ = try MustacheTemplate(string: plainText + template)
      return nil
    } catch let error as MustacheTemplate.ParserError {
      return describe(error.error)
    } catch {
      return "the template cannot be read"
    }
  }

  /// About how many characters of tags the Mustache parser reads at once when checking.
  private static let batchLength = 600

  /// Fills `template` with `values`; a name with no value is left empty.
  ///
  /// The template is filled in pieces of about `piece` characters, cut at lines outside every
  /// section: the same text as filling it whole, in time proportional to its length.
  public static func fill(_ template: String, with values: [String: Any], piece: Int = 2_000) -> String {
    let scanner = TemplateScanner(template)
    guard scanner.problem == nil else { return template }
    // The cuts are UTF-8 offsets at the start of a line: always a character boundary.
    let utf8 = template.utf8
    var output = ""
    var pieceStart = utf8.startIndex
    var pieceStartOffset = 0
    var offset = 0
    var index = utf8.startIndex
    for cut in scanner.cuts where cut - pieceStartOffset >= piece {
      index = utf8.index(index, offsetBy: cut - offset)
      offset = cut
      output += fillWhole(String(template[pieceStart..<index]), with: values)
      pieceStart = index
      pieceStartOffset = cut
    }
    return output + fillWhole(String(template[pieceStart...]), with: values)
  }

  private static func fillWhole(_ template: String, with values: [String: Any]) -> String {
    guard let parsed = try? MustacheTemplate(string: plainText + template) else { return template }
    return parsed.render(values)
  }

  /// Whether `template` tests `name` with a section or an inverted section of its own.
  static func isGuarded(_ name: String, in template: String) -> Bool {
    template.contains("{{#\(name)}}") || template.contains("{{^\(name)}}")
  }

  /// The names a template uses, in order of first use (sections and inverted sections included).
  public static func names(in template: String) -> [String] {
    var seen: Set<String> = []
    return uses(in: template).map(\.name).filter { seen.insert($0).inserted }
  }

  /// A name used in a tag: its first part (`me` of `me.name`), the whole dotted path, the
  /// transform applied (`time` of `time(new_time)`), and where the path begins.
  public struct Use: Sendable, Hashable {
    /// The first part of the path.
    public var name: String
    /// The whole dotted path.
    public var path: String
    /// The transform applied, if any.
    public var transform: String?
    /// 1-based line, and column in Unicode scalars, of the path.
    public var line: Int
    public var column: Int
  }

  /// Every use of a name in a tag, in one pass over the template's scalars.
  public static func uses(in template: String) -> [Use] {
    let scalars = Array(template.unicodeScalars)
    var uses: [Use] = []
    var line = 1
    var lineStart = 0
    var index = 0
    func isAt(_ pair: Unicode.Scalar, _ at: Int) -> Bool { at + 1 < scalars.count && scalars[at] == pair && scalars[at + 1] == pair }
    while index < scalars.count {
      if scalars[index] == "\n" {
        line += 1
        lineStart = index + 1
        index += 1
        continue
      }
      guard isAt("{", index) else {
        index += 1
        continue
      }
      var cursor = index + 2
      var end = cursor
      while end < scalars.count, !isAt("}", end) { end += 1 }
      guard end < scalars.count else { break }
      let (tagLine, tagLineStart) = (line, lineStart)
      let tag = index..<(end + 2)
      index = tag.upperBound
      for position in tag where scalars[position] == "\n" {
        line += 1
        lineStart = position + 1
      }
      if scalars[cursor] == "{" { cursor += 1 }
      while cursor < end, scalars[cursor] == " " { cursor += 1 }
      guard cursor < end, !"!/>%=<$".unicodeScalars.contains(scalars[cursor]) else { continue }
      if "#^&".unicodeScalars.contains(scalars[cursor]) { cursor += 1 }
      while cursor < end, scalars[cursor] == " " { cursor += 1 }
      var nameEnd = cursor
      while nameEnd < end, !" \t\n".unicodeScalars.contains(scalars[nameEnd]) { nameEnd += 1 }
      guard nameEnd > cursor else { continue }
      var token = String(String.UnicodeScalarView(scalars[cursor..<nameEnd]))
      var transform: String?
      var column = cursor - tagLineStart + 1
      if let open = token.firstIndex(of: "("), token.hasSuffix(")") {
        transform = String(token[..<open])
        column += transform?.unicodeScalars.count ?? 0
        column += 1
        token = String(token[token.index(after: open)..<token.index(before: token.endIndex)])
      }
      let name = token.split(separator: ".", omittingEmptySubsequences: false).first.map(String.init) ?? token
      guard !name.isEmpty else { continue }
      uses.append(Use(name: name, path: token, transform: transform, line: tagLine, column: column))
    }
    return uses
  }

  private static func describe(_ error: any Error) -> String {
    switch error {
    case MustacheTemplate.Error.sectionCloseNameIncorrect: "a section is closed with the wrong name"
    case MustacheTemplate.Error.unfinishedName: "a '{{' is not closed with '}}'"
    case MustacheTemplate.Error.expectedSectionEnd: "a section '{{#name}}' is never closed with '{{/name}}'"
    case MustacheTemplate.Error.invalidSetDelimiter: "the delimiters cannot be changed that way"
    default: "the template cannot be read (\(error))"
    }
  }
}
