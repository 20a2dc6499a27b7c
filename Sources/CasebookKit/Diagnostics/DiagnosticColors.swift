import Foundation

/// Colours rendered diagnostics as the Swift compiler colours its own on a terminal: the location
/// and the message bold, `error:` red, `warning:` magenta, `note:` bold, the caret green. Lines that
/// are not a diagnostic's (the source excerpt, the closing count) keep their text.
public enum DiagnosticColors {
  /// `text` (as ``DiagnosticRenderer/render(_:sources:)`` writes it) with ANSI styles added.
  public static func styled(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { styledLine(String($0)) }.joined(separator: "\n")
  }

  private static let severities: [(word: String, code: String)] = [
    ("error", "1;31"), ("warning", "1;35"), ("note", "1;30"),
  ]

  private static func styledLine(_ line: String) -> String {
    if !line.isEmpty, line.allSatisfy({ $0 == " " || $0 == "^" || $0 == "~" }), line.contains("^") {
      return style(line, "1;32")
    }
    for (word, code) in severities {
      guard let range = line.range(of: ": \(word): ") else { continue }
      let location = line[..<range.lowerBound]
      guard location.split(separator: ":").count >= 3 else { continue }
      let message = line[range.upperBound...]
      return style(location + ":", "1") + " " + style(word + ":", code) + " " + style(String(message), "1")
    }
    return line
  }

  private static func style(_ text: some StringProtocol, _ code: String) -> String {
    "\u{1B}[\(code)m\(text)\u{1B}[0m"
  }
}
