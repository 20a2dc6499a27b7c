/// Finds the nearest of some known words to a misspelt one, for "did you mean" notes.
public enum Suggestion {
  /// The closest candidate within a small edit distance, if any.
  static func nearest(to word: String, in candidates: some Sequence<String>) -> String? {
    let limit = word.count <= 3 ? 1 : word.count <= 6 ? 2 : 3
    var best: (word: String, distance: Int)?
    for candidate in candidates where candidate != word {
      let distance = editDistance(Array(word.lowercased().unicodeScalars), Array(candidate.lowercased().unicodeScalars))
      if distance <= limit, distance < (best?.distance ?? .max) {
        best = (candidate, distance)
      }
    }
    return best?.word
  }

  /// The number of single-letter insertions, deletions, substitutions and swaps of two
  /// neighbouring letters that turn `a` into `b` (so `saev` is one edit from `save`).
  static func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    var beforePrevious = Array(repeating: 0, count: b.count + 1)
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
      current[0] = i
      for j in 1...b.count {
        let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
        current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
          current[j] = min(current[j], beforePrevious[j - 2] + 1)
        }
      }
      (beforePrevious, previous, current) = (previous, current, beforePrevious)
    }
    return previous[b.count]
  }
}

extension Suggestion {
  /// Whether `candidate` is a likely misspelling of `word` (or the other way round).
  public static func isClose(_ word: String, _ candidate: String) -> Bool {
    nearest(to: word, in: [candidate]) != nil
  }
}

extension Diagnostic {
  /// This diagnostic with a "did you mean" note when one of `candidates` is close to `word`.
  func suggesting(_ word: String, among candidates: some Sequence<String>) -> Diagnostic {
    guard let near = Suggestion.nearest(to: word, in: candidates) else { return self }
    var copy = self
    copy.notes.append("did you mean '\(near)'?")
    return copy
  }
}
