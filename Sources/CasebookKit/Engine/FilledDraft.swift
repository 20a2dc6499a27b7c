/// A draft as filled for this case: which step offered it, its kind, and its text.
public struct FilledDraft: Sendable, Hashable {
  /// The step that offered it.
  public var step: StepID
  /// Its kind.
  public var kind: Draft.Kind
  /// The subject, for an email.
  public var subject: String?
  /// The text.
  public var text: String
  /// Its place among its step's drafts, from 1, when the step has several.
  public var number: Int?

  /// Creates a filled draft.
  public init(step: StepID, kind: Draft.Kind, subject: String?, text: String, number: Int? = nil) {
    self.step = step
    self.kind = kind
    self.subject = subject
    self.text = text
    self.number = number
  }

  /// How messages name it: `draft 2 (email)` when its step has several, else `the email draft`.
  public var name: String {
    number.map { "draft \($0) (\(kind.rawValue))" } ?? "the \(kind.rawValue) draft"
  }

  /// The gaps left for the person to fill, such as `[your name]` or `[booking link]`: short texts in
  /// square brackets, in the subject or the text, each once, in order.
  public var gaps: [String] {
    var found: [String] = []
    for part in [subject ?? "", text] {
      var rest = part[...]
      while let open = rest.firstIndex(of: "[") {
        let after = rest[rest.index(after: open)...]
        guard let close = after.firstIndex(where: { $0 == "]" || $0 == "[" || $0.isNewline }), after[close] == "]" else {
          rest = after
          continue
        }
        let gap = "[" + after[..<close] + "]"
        if gap.count > 2, gap.count <= 42, !found.contains(gap) { found.append(gap) }
        rest = after[after.index(after: close)...]
      }
    }
    return found
  }

  /// A file name for it in the case folder, such as `draft-follow-up-email.txt`, or
  /// `draft-follow-up-2-email.txt` for the second of a step's drafts.
  public var fileName: String { "\(Self.fileNamePrefix)\(step)-\(number.map { "\($0)-" } ?? "")\(kind.rawValue).txt" }

  /// How every draft's file name in a case folder begins.
  public static let fileNamePrefix = "draft-"

  /// What names it in a list: its subject, else its first line, cut at a word near 56 characters.
  public var preview: String {
    let line = subject ?? text.split(whereSeparator: \.isNewline).first.map(String.init) ?? ""
    guard line.count > 56 else { return line }
    let cut = line.prefix(56)
    var start = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
    while let last = start.last, last.isPunctuation || last.isWhitespace { start = start.dropLast() }
    return start + "…"
  }
}
