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
      // A flow mapping or a quoted key: beyond a line scan.
      if line.hasPrefix("{") || line.hasPrefix("\"") || line.hasPrefix("'") || line.hasPrefix("? ") { return nil }
      // A quoted value that goes on past its line could hold lines that look like keys.
      if let colon = line.firstIndex(of: ":"), Self.opensQuote(line[line.index(after: colon)...]) { return nil }
      let key: String
      if line.hasPrefix("id:") {
        key = "id"
      } else if line.hasPrefix("title:") {
        key = "title"
      } else {
        continue
      }
      guard found[key] == nil, let value = scalar(line.dropFirst(key.count + 1)) else { return nil }
      // An indented line after it (blank lines between) would continue the value.
      for next in lines[(index + 1)...] {
        let rest = next.drop { $0 == " " || $0 == "\t" }
        if rest.isEmpty { continue }
        if rest.count != next.count && !rest.hasPrefix("#") { return nil }
        break
      }
      found[key] = value
    }
    guard let id = found["id"], let title = found["title"] else { return nil }
    return (id, title)
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
