/// Ranks the text of a case against the words searched for: every word must appear somewhere in
/// the case; lines holding more of the words, and client names, rank higher.
public struct CaseSearch: Sendable {
  /// The words, as ``CaseLookup/matchKey(_:)`` compares them.
  public let words: [String]

  /// A search for the words of `text`.
  public init(_ text: String) {
    words = CaseLookup.matchKey(text).split(separator: " ").map(String.init)
  }

  /// How much each field weighs.
  static let weights = ["client": 4, "note": 3, "answer": 2, "draft": 1, "value": 1]

  /// The best line among a case's fields (`(field, text)`), with the case's score; `nil` when some
  /// word appears nowhere in them.
  public func best(in fields: [(field: String, text: String)]) -> (field: String, line: String, score: Int)? {
    var found = Set<String>()
    var best: (field: String, line: String, score: Int)?
    var total = 0
    for (field, text) in fields {
      for line in text.split(whereSeparator: \.isNewline) {
        let key = " " + CaseLookup.matchKey(String(line)) + " "
        let hits = words.filter { key.contains($0) }
        guard !hits.isEmpty else { continue }
        found.formUnion(hits)
        let whole = words.filter { key.contains(" \($0) ") }.count
        let score = (hits.count + whole) * (Self.weights[field] ?? 1)
        total += score
        if score > (best?.score ?? 0) { best = (field, String(line).trimmingWhitespace(), score) }
      }
    }
    guard found.count == Set(words).count, let best else { return nil }
    return (best.field, best.line, total)
  }
}
