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
      let key: String
      if line.hasPrefix("id:") {
        key = "id"
      } else if line.hasPrefix("title:") {
        key = "title"
      } else {
        continue
      }
      guard found[key] == nil, let value = scalar(line.dropFirst(key.count + 1)) else { return nil }
      // An indented line after it would continue the value over several lines.
      if index + 1 < lines.count, let next = lines[index + 1].first, next == " " || next == "\t" {
        let rest = lines[index + 1].drop { $0 == " " || $0 == "\t" }
        if !rest.isEmpty && !rest.hasPrefix("#") && rest != "\r" { return nil }
      }
      found[key] = value
    }
    guard let id = found["id"], let title = found["title"] else { return nil }
    return (id, title)
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
      return value.isEmpty ? nil : String(value)
    case "|", ">", "&", "*", "!", "[", "{", "%", "@", "`", "#":
      return nil
    default:
      var value = text
      // A comment starts at a `#` after a space.
      if let hash = value.indices.first(where: { value[$0] == "#" && $0 > value.startIndex && value[value.index(before: $0)] == " " }) {
        value = value[..<hash]
      }
      let trimmed = value.trimmingWhitespace()
      guard !trimmed.isEmpty, !trimmed.contains(": "), !trimmed.hasSuffix(":"), !["~", "null", "Null", "NULL"].contains(trimmed)
      else { return nil }
      return trimmed
    }
  }
}

extension Substring {
  fileprivate func trimmingWhitespace() -> String { String(self).trimmingWhitespace() }
}
