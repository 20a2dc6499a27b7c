/// Reads a playbook's `id` and `title` from the top-level lines of its text, without parsing the
/// YAML: enough to list the playbooks at start-up. It answers only when the two are written plainly
/// (`id: no-show`, `title: "A client did not show up"`, each on one line, once); otherwise it says
/// it cannot tell, and the file is loaded in full.
enum PlaybookHeaderScanner {
  /// The `id` and `title`, or `nil` when the text does not state them plainly.
  static func scan(_ source: String) -> (id: String, title: String)? {
    var found: [String: String] = [:]
    let lines = source.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
    for (index, line) in lines.enumerated() {
      if isBeyondLineScan(line) { return nil }
      guard let key = headerKey(of: line) else { continue }
      guard found[key] == nil, let value = scalar(line.dropFirst(key.count + 1)), !isContinued(after: index, in: lines)
      else { return nil }
      found[key] = value
    }
    guard let id = found["id"], let title = found["title"] else { return nil }
    return (id, title)
  }

  /// How a flow mapping, a quoted key or a complex key starts a line.
  private static let unscannablePrefixes = ["{", "\"", "'", "? "]

  /// Whether a line is beyond a line scan: a flow mapping, a quoted or complex key, or a quoted
  /// value that goes on past its line (and so could hold lines that look like keys).
  private static func isBeyondLineScan(_ line: Substring) -> Bool {
    if unscannablePrefixes.contains(where: { line.hasPrefix($0) }) { return true }
    guard let colon = line.firstIndex(of: ":") else { return false }
    return opensQuote(line[line.index(after: colon)...])
  }

  /// The key a line sets, if it is one of the two read.
  private static func headerKey(of line: Substring) -> String? {
    if line.hasPrefix("id:") { return "id" }
    if line.hasPrefix("title:") { return "title" }
    return nil
  }

  /// Whether an indented line after line `index` (blank lines between) would continue its value.
  private static func isContinued(after index: Int, in lines: [Substring]) -> Bool {
    for next in lines[(index + 1)...] {
      let rest = next.drop { $0 == " " || $0 == "\t" }
      if rest.isEmpty { continue }
      return rest.count != next.count && !rest.hasPrefix("#")
    }
    return false
  }

  /// Whether a value starts a quoted scalar that its line does not close.
  private static func opensQuote(_ text: Substring) -> Bool {
    let value = text.drop { $0 == " " || $0 == "\t" }
    guard let quote = value.first, quote == "\"" || quote == "'" else { return false }
    var rest = value.dropFirst()
    while let index = rest.firstIndex(of: quote) {
      if quote == "\"" && index > rest.startIndex && rest[rest.index(before: index)] == "\\" {
        rest = rest[rest.index(after: index)...]
        continue
      }
      return false
    }
    return true
  }

  /// A one-line scalar: plain, or in single or double quotes without escapes; `nil` otherwise.
  private static func scalar(_ text: Substring) -> String? {
    var text = text.drop { $0 == " " || $0 == "\t" }
    if text.hasSuffix("\r") { text = text.dropLast() }
    guard let first = text.first else { return nil }
    switch first {
    case "\"", "'":
      let body = text.dropFirst()
      guard let close = body.firstIndex(of: first) else { return nil }
      let value = body[..<close]
      let after = body[body.index(after: close)...].drop { $0 == " " || $0 == "\t" }
      guard !value.contains("\\"), after.isEmpty || after.hasPrefix("#") else { return nil }
      // Trimmed, as the loader trims every text.
      let trimmed = String(value).trimmingWhitespace()
      return trimmed.isEmpty ? nil : trimmed
    case "|", ">", "&", "*", "!", "[", "{", "%", "@", "`", "#":
      return nil
    default:
      var value = text
      // A comment starts at a `#` after a space or a tab.
      if let hash = value.indices.first(where: { index in
        value[index] == "#" && index > value.startIndex && [" ", "\t"].contains(value[value.index(before: index)])
      }) {
        value = value[..<hash]
      }
      let trimmed = value.trimmingWhitespace()
      guard !trimmed.isEmpty, !trimmed.contains(": "), !trimmed.contains(":\t"), !trimmed.hasSuffix(":"),
        !trimmed.hasSuffix(","), !["~", "null", "Null", "NULL"].contains(trimmed)
      else { return nil }
      return trimmed
    }
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
