import Foundation
import Yams

/// Turns a YAML reader's error into a diagnostic a person can act on: at the offending token and
/// never past the end of the file, in plain words, with a hint for the common mistakes
/// (indentation, a tab, an unquoted `: `, several documents, an unclosed quote or bracket).
struct YAMLErrorExplainer {
  let file: String
  let lines: [Substring]

  init(file: String, source: String) {
    self.file = file
    var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
    if lines.count > 1, lines.last?.isEmpty == true { lines.removeLast() }
    self.lines = lines
  }

  /// The deepest nesting libyaml parses (its `MAX_NESTING_LEVEL`).
  static let libyamlMaximumDepth = 1_000

  func diagnostic(for error: YamlError) -> Diagnostic {
    switch error {
    case .parser(_, let problem, let mark, _) where problem.hasPrefix("Maximum nesting level"):
      return .yamlTooDeep(limit: Self.libyamlMaximumDepth, at: clamped(mark.line, mark.column))
    case .scanner(let context, let problem, let mark, _),
      .parser(let context, let problem, let mark, _),
      .composer(let context, let problem, let mark, _):
      return explain(problem: problem, context: context, mark: mark)
    case .duplicatedKeysInMapping(let duplicates, let context):
      let first = clamped(context.mark.line, context.mark.column)
      return .duplicateKey(duplicates, at: duplicates.first.flatMap { repeated($0, after: first) } ?? first)
    case .reader(let problem, let offset, _, let yaml):
      let location = offset.map { Self.lineAndColumn(ofScalarOffset: $0, in: yaml) } ?? (line: 1, column: 1)
      return .yamlSyntax(problem, at: clamped(location.line, location.column))
    default:
      return .yamlSyntax(String(describing: error), at: clamped(1, 1))
    }
  }

  /// `line:column` moved back inside the file: a line past the last is the last line's end, a
  /// column past a line's end is that end.
  func clamped(_ line: Int, _ column: Int) -> SourceLocation {
    guard !lines.isEmpty else { return SourceLocation(file: file, line: 1, column: 1) }
    if line > lines.count { return clamped(lines.count, .max - 1) }
    var row = max(line, 1)
    var width = lines[row - 1].unicodeScalars.count
    // On a blank line there is nothing to point at: the end of the last line above with text.
    if lines[row - 1].allSatisfy(\.isWhitespace), let above = lines[..<(row - 1)].lastIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
      row = above + 1
      width = lines[above].unicodeScalars.count
      return SourceLocation(file: file, line: row, column: width + 1)
    }
    if lines[row - 1].allSatisfy(\.isWhitespace), let below = lines[row...].firstIndex(where: { !$0.allSatisfy(\.isWhitespace) }) {
      return SourceLocation(file: file, line: below + 1, column: 1)
    }
    return SourceLocation(file: file, line: row, column: min(max(column, 1), width + 1))
  }

  /// Where `key`, first written at `first`, is written again in the same block mapping: the next
  /// line that begins with it at the same column, before a line indented less ends the mapping.
  private func repeated(_ key: String, after first: SourceLocation) -> SourceLocation? {
    let indent = first.column - 1
    for row in (first.line + 1)...max(first.line + 1, lines.count) {
      guard let text = text(ofLine: row) else { return nil }
      let scalars = text.unicodeScalars
      let lead = scalars.prefix { $0 == " " }.count
      guard lead < scalars.count, scalars[scalars.index(scalars.startIndex, offsetBy: lead)] != "#" else { continue }
      if lead < indent { return nil }
      let rest = text.dropFirst(lead)
      if lead == indent, rest.hasPrefix(key + ":") || rest.hasPrefix("\"\(key)\":") || rest.hasPrefix("'\(key)':") {
        return SourceLocation(file: file, line: row, column: lead + 1)
      }
    }
    return nil
  }

  private func text(ofLine line: Int) -> Substring? { lines.indices.contains(line - 1) ? lines[line - 1] : nil }

  private func explain(problem: String, context: YamlError.Context?, mark: Mark) -> Diagnostic {
    let at = clamped(mark.line, mark.column)
    if problem.contains("another document") {
      return Diagnostic(
        code: .yamlSeveralDocuments,
        message: "YAML syntax: a second document begins here; a playbook file holds one document",
        location: at, notes: ["a line '---' (or '...') starts a new document: remove it, or put each playbook in a file of its own"])
    }
    if let tab = tabLocation(near: at.line) {
      return Diagnostic(
        code: .yamlTab, message: "YAML syntax: a tab is used for indenting; YAML indents with spaces only",
        location: tab, notes: ["replace the tab with spaces (most editors can be set to insert spaces for Tab)"])
    }
    if problem.contains("end of stream"), let context {
      let opened = clamped(context.mark.line, context.mark.column)
      let what = Self.plain(context.text)
      return Diagnostic(
        code: .yamlUnclosed, message: "YAML syntax: \(what) that begins here is never closed",
        location: opened, notes: ["the file ends at line \(at.line) before it is closed; close it on the line where it ends"])
    }
    if let context, problem.hasPrefix("did not find expected ','") {
      let opened = clamped(context.mark.line, context.mark.column)
      let closer = context.text.contains("sequence") ? "]" : "}"
      return Diagnostic(
        code: .yamlUnclosed, message: "YAML syntax: \(Self.plain(context.text)) that begins here is not closed with '\(closer)'",
        location: opened,
        notes: ["noticed at line \(at.line), column \(at.column); a text that begins with '[' or '{' must be in double quotes"])
    }
    if let indentation = indentationProblem(at: at.line) { return indentation }
    if problem.hasPrefix("mapping values are not allowed"), let colon = unquotedColon(at: at) { return colon }
    var message = problem
    if let context, !context.text.hasSuffix("next token") {
      let begins = clamped(context.mark.line, context.mark.column)
      message += ", in \(Self.plain(context.text))" + (begins.line == at.line ? "" : " that begins at line \(begins.line)")
    }
    return .yamlSyntax(message, at: at)
  }

  /// libyaml's "while parsing a block mapping" in a person's words.
  static func plain(_ context: String) -> String {
    let known = [
      "block mapping": "a block of 'key: value' lines", "block collection": "a list", "flow sequence": "a list in '[ ]'",
      "flow mapping": "a mapping in '{ }'", "quoted scalar": "a quoted text", "plain scalar": "a text",
      "simple key": "a key", "block scalar": "a block of text", "directive": "a directive", "tag": "a tag",
      "anchor": "an anchor", "alias": "an alias", "node": "a value",
    ]
    for (term, words) in known where context.hasSuffix(term) { return words }
    return context.replacingOccurrences(of: "while parsing ", with: "").replacingOccurrences(of: "while scanning ", with: "")
  }

  /// A tab in the leading space of the line or the one above it.
  private func tabLocation(near line: Int) -> SourceLocation? {
    for row in [line, line - 1] {
      guard let text = text(ofLine: row), !text.allSatisfy(\.isWhitespace) else { continue }
      let lead = text.unicodeScalars.prefix { $0 == " " || $0 == "\t" }
      if let tab = lead.firstIndex(of: "\t") {
        return SourceLocation(file: file, line: row, column: lead.distance(from: lead.startIndex, to: tab) + 1)
      }
    }
    return nil
  }

  /// The columns open on the lines above `line`, of the blocks that enclose it: where their keys
  /// begin (a line's first character, or an item's first key after `- `) and where their list
  /// items' dashes are.
  /// Each column maps to the nearest line above where it is open.
  private func openColumns(above line: Int) -> (keys: [Int: Int], dashes: [Int: Int], previous: Int?) {
    var keys: [Int: Int] = [:]
    var dashes: [Int: Int] = [:]
    var previous: Int?
    var row = line - 1
    var smallest = Int.max
    while row >= 1, smallest > 0 {
      defer { row -= 1 }
      guard let text = text(ofLine: row) else { continue }
      let scalars = Array(text.unicodeScalars)
      var indent = scalars.prefix { $0 == " " }.count
      guard indent < scalars.count, scalars[indent] != "#" else { continue }
      if previous == nil { previous = row }
      guard indent < smallest else { continue }
      smallest = indent
      while indent + 1 < scalars.count, scalars[indent] == "-", scalars[indent + 1] == " " {
        if dashes[indent] == nil { dashes[indent] = row }
        indent += 2
        while indent < scalars.count, scalars[indent] == " " { indent += 1 }
      }
      if keys[indent] == nil { keys[indent] = row }
    }
    return (keys, dashes, previous)
  }

  /// A line that lines up with no block above it. A list item (`- `) is measured against the
  /// dashes of the lists above, a key against their keys; the hint names the column only when one
  /// is nearest, and says less when two are as near.
  private func indentationProblem(at line: Int) -> Diagnostic? {
    guard let text = text(ofLine: line) else { return nil }
    let scalars = Array(text.unicodeScalars)
    let indent = scalars.prefix { $0 == " " }.count
    guard indent < scalars.count else { return nil }
    let isItem = scalars[indent] == "-" && (indent + 1 == scalars.count || scalars[indent + 1] == " ")
    let (keys, dashes, previous) = openColumns(above: line)
    // A key in a dash's column may be right (a list can sit at its key's indentation): say nothing.
    guard indent > 0, previous != nil, keys[indent] == nil, dashes[indent] == nil else { return nil }
    let siblings = isItem ? dashes : keys
    let what = isItem ? "list item" : "key"
    let distances = siblings.keys.map { abs($0 - indent) }
    let location = SourceLocation(file: file, line: line, column: indent + 1)
    guard let closest = distances.min(), distances.count(where: { $0 == closest }) == 1,
      let nearest = siblings.keys.first(where: { abs($0 - indent) == closest }), let sibling = siblings[nearest]
    else {
      return Diagnostic(
        code: .yamlIndentation,
        message: "YAML syntax: this line's indentation matches no block above it",
        location: location,
        notes: ["YAML groups lines by their indentation: line this \(what) up with the \(isItem ? "other items of its list" : "other keys of its block")"])
    }
    let difference = indent - nearest
    let spaces = abs(difference) == 1 ? "1 space" : "\(abs(difference)) spaces"
    return Diagnostic(
      code: .yamlIndentation,
      message: "YAML syntax: this line is indented \(spaces) \(difference > 0 ? "more" : "less") than the block it belongs to",
      location: location,
      notes: [
        "YAML groups lines by their indentation: start this \(what) in column \(nearest + 1), as line \(sibling) does"
      ])
  }

  /// A `: ` inside a value written without quotes.
  private func unquotedColon(at location: SourceLocation) -> Diagnostic? {
    guard let text = text(ofLine: location.line) else { return nil }
    let scalars = Array(text.unicodeScalars)
    guard let first = (0..<max(scalars.count - 1, 0)).first(where: { scalars[$0] == ":" && scalars[$0 + 1] == " " }),
      first + 1 < location.column - 1
    else { return nil }
    let key = String(String(String.UnicodeScalarView(scalars[..<first])).trimmingWhitespace().trimmingPrefix("- "))
    return Diagnostic(
      code: .yamlUnquotedColon,
      message: "YAML syntax: the text after \(quoted(key + ":")) contains ': ', which YAML reads as another key",
      location: location,
      notes: [Self.quotingAdvice(key: key, value: String(String.UnicodeScalarView(scalars[(first + 1)...])))])
  }

  /// How to write `value` as one text: in double quotes, or, when it holds double quotes already,
  /// in single quotes or as a block (`|`).
  static func quotingAdvice(key: String, value: String) -> String {
    guard value.contains("\"") else { return "put the whole text in double quotes: \(key): \"…\"" }
    return "the text already holds double quotes: put it in single quotes (\(key): '…', with each ' inside written twice), or write it as a block: \(key): | and the text on the lines below, indented"
  }

  static func lineAndColumn(ofScalarOffset offset: Int, in text: String) -> (line: Int, column: Int) {
    var line = 1
    var column = 1
    for (index, scalar) in text.unicodeScalars.enumerated() {
      if index == offset { break }
      if scalar == "\n" {
        line += 1
        column = 1
      } else {
        column += 1
      }
    }
    return (line, column)
  }
}
