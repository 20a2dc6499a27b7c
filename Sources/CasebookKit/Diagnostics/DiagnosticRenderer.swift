/// Prints diagnostics as compilers do: `file:line:col: error: message [code]`, the source line,
/// and a caret under the column.
public enum DiagnosticRenderer {
  /// Renders `diagnostics` in order.
  ///
  /// - Parameters:
  ///   - diagnostics: The problems to print.
  ///   - sources: Each file's text by file name, for the source lines.
  /// - Returns: The text to print, ending in a newline; empty when there is nothing to say.
  public static func render(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
    var output = ""
    var linesByFile: [String: [Substring]] = [:]
    // A line with many problems (a mutant's, a machine-written file's) is taken apart once.
    var scalarsByLine: [LineKey: [Unicode.Scalar]] = [:]
    for diagnostic in diagnostics {
      let location = diagnostic.location
      output += "\(TextSanitizer.clean(location.description)): \(diagnostic.severity.rawValue): "
      output += "\(TextSanitizer.clean(diagnostic.message)) [\(diagnostic.code.rawValue)]\n"
      if linesByFile[location.file] == nil, let source = sources[location.file] {
        linesByFile[location.file] = source.split(separator: "\n", omittingEmptySubsequences: false)
      }
      if let lines = linesByFile[location.file], location.line >= 1, location.line <= lines.count {
        // Cut first, then cleaned (one stand-in per character, so the caret keeps its column): a
        // long line is not cleaned whole for each of its problems.
        let key = LineKey(file: location.file, line: location.line)
        let scalars = scalarsByLine[key] ?? Array(lines[location.line - 1].unicodeScalars)
        scalarsByLine[key] = scalars
        let (raw, caretColumn) = excerpt(scalars, column: location.column)
        let line = TextSanitizer.clean(raw)
        if !line.allSatisfy(\.isWhitespace) {
          output += line + "\n"
          output += String(repeating: " ", count: max(0, caretColumn - 1)) + "^\n"
        }
      }
      for note in diagnostic.notes {
        output += "\(TextSanitizer.clean(location.description)): note: \(TextSanitizer.clean(note))\n"
      }
    }
    return output
  }

  /// The longest source line shown whole; a longer one is cut to a window around the column.
  static let maximumLineWidth = 160

  /// The part of `line` to show, and the caret's column within it.
  static func excerpt(_ line: String, column: Int) -> (String, Int) {
    excerpt(Array(line.unicodeScalars), column: column)
  }

  private struct LineKey: Hashable {
    var file: String
    var line: Int
  }

  private static func excerpt(_ scalars: [Unicode.Scalar], column: Int) -> (String, Int) {
    guard scalars.count > maximumLineWidth else { return (String(String.UnicodeScalarView(scalars)), column) }
    let half = maximumLineWidth / 2
    let start = max(0, min(column - 1 - half, scalars.count - maximumLineWidth))
    let end = min(scalars.count, start + maximumLineWidth)
    var view = String.UnicodeScalarView(scalars[start..<end])
    var caret = column - start
    if start > 0 {
      view.insert("…", at: view.startIndex)
      caret += 1
    }
    if end < scalars.count { view.append("…") }
    return (String(view), caret)
  }

  /// A closing count such as `2 errors, 1 warning`, or `nil` when there are none.
  public static func summary(_ diagnostics: [Diagnostic]) -> String? {
    let errors = diagnostics.count { $0.severity == .error }
    let warnings = diagnostics.count - errors
    var parts: [String] = []
    if errors > 0 { parts.append(errors == 1 ? "1 error" : "\(errors) errors") }
    if warnings > 0 { parts.append(warnings == 1 ? "1 warning" : "\(warnings) warnings") }
    return parts.isEmpty ? nil : parts.joined(separator: ", ")
  }
}
