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
  }

  private static let plainText = "{{% CONTENT_TYPE: TEXT}}\n"

  /// Checks that a template can be read.
  public static func validate(_ template: String) -> Failure? {
    do {
      _ = try MustacheTemplate(string: plainText + template)
      return nil
    } catch let error as MustacheTemplate.ParserError {
      // An error found at the very end (an unclosed section) points at the last line with text.
      let lines = template.split(separator: "\n", omittingEmptySubsequences: false)
      let lastWithText = lines.lastIndex { !$0.allSatisfy(\.isWhitespace) }.map { $0 + 1 } ?? 1
      let line = min(max(1, error.context.lineNumber - 1), lastWithText)
      let width = lines.indices.contains(line - 1) ? lines[line - 1].unicodeScalars.count : 0
      return Failure(message: describe(error.error), line: line, column: min(error.context.columnNumber, width + 1))
    } catch {
      return Failure(message: "the template cannot be read", line: 1, column: 1)
    }
  }

  /// Fills `template` with `values`; a name with no value is left empty.
  public static func fill(_ template: String, with values: [String: String]) -> String {
    guard let parsed = try? MustacheTemplate(string: plainText + template) else { return template }
    return parsed.render(values as [String: Any])
  }

  /// Where `name` is first used in a tag of `template`: 1-based line, and column within that line.
  public static func position(of name: String, in template: String) -> (line: Int, column: Int)? {
    for (index, line) in template.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      var searchFrom = line.startIndex
      while let open = line[searchFrom...].range(of: "{{") {
        guard let found = line[open.upperBound...].range(of: name) else { break }
        let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: found.lowerBound) + 1
        let between = line[open.upperBound..<found.lowerBound]
        if between.allSatisfy({ "{#^& ".contains($0) }) { return (index + 1, column) }
        searchFrom = open.upperBound
      }
    }
    return nil
  }

  /// The names a template uses, in order of first use (sections and inverted sections included).
  public static func names(in template: String) -> [String] {
    var names: [String] = []
    var rest = Substring(template)
    while let open = rest.range(of: "{{") {
      rest = rest[open.upperBound...]
      guard let close = rest.range(of: "}}") else { break }
      var tag = rest[..<close.lowerBound].trimmingCharacters(in: .whitespaces)
      rest = rest[close.upperBound...]
      if tag.hasPrefix("{") { tag.removeFirst() }
      guard let first = tag.first, !"!/>%=<$".contains(first) else { continue }
      if "#^&".contains(first) { tag.removeFirst() }
      let name = tag.trimmingCharacters(in: .whitespaces).split(separator: ".").first.map(String.init) ?? ""
      if !name.isEmpty, !names.contains(name) { names.append(name) }
    }
    return names
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
