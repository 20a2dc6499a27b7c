import Foundation

/// Finds the case a person means from what they typed: a case id, the start of one, or a client's
/// name.
///
/// One lookup for every command that takes a case, tried in this order, the first that finds
/// anything deciding:
/// 1. the exact folder name (so every existing case keeps working by its full id);
/// 2. the folder names that begin with what was typed;
/// 3. the cases whose client is named so, ignoring case, accents and extra spaces;
/// 4. the cases whose client's name holds those words, whole and in order (`ruiz` finds
///    `Dana Ruiz`).
public enum CaseLookup {
  /// What a lookup found.
  public enum Match: Sendable, Hashable {
    /// Exactly one case.
    case found(CaseStore.Summary)
    /// Several cases, most recently active first: the person must say which.
    case ambiguous([CaseStore.Summary])
    /// No case at all.
    case none
  }

  /// The case `query` names among `cases`.
  ///
  /// - Parameters:
  ///   - query: What was typed.
  ///   - cases: The cases to choose from, in the order several matches are reported.
  /// - Returns: One case, several, or none.
  public static func match(_ query: String, among cases: [CaseStore.Summary]) -> Match {
    let typed = query.trimmingCharacters(in: .whitespaces)
    guard !typed.isEmpty else { return .none }
    if let exact = cases.first(where: { $0.name == typed }) { return .found(exact) }
    let key = matchKey(typed)
    let tiers: [(CaseStore.Summary) -> Bool] = [
      { $0.name.hasPrefix(typed) },
      { $0.header.client.map(matchKey) == key },
      { $0.header.client.map { containsWords(key, in: matchKey($0)) } ?? false },
    ]
    for tier in tiers {
      let found = cases.filter(tier)
      if found.count == 1 { return .found(found[0]) }
      if found.count > 1 { return .ambiguous(found) }
    }
    return .none
  }

  /// A name as lookups compare it: in ASCII where it can be, lower case, words separated by
  /// single spaces (`"  ŁUCJA   Żółć "` becomes `"lucja zolc"`).
  public static func matchKey(_ name: String) -> String {
    SafeName.ascii(name)
      .folding(options: [.caseInsensitive, .diacriticInsensitive, .widthInsensitive], locale: nil)
      .split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether the words of `words` appear whole and in a row among those of `name`.
  private static func containsWords(_ words: String, in name: String) -> Bool {
    let wanted = words.split(separator: " ")
    let have = name.split(separator: " ")
    guard !wanted.isEmpty, wanted.count <= have.count else { return false }
    return (0...(have.count - wanted.count)).contains { start in
      Array(have[start..<(start + wanted.count)]) == wanted
    }
  }
}

extension CaseStore {
  /// The case `query` names: a case folder's name or path, the start of a case's folder name, or
  /// its client's name (see ``CaseLookup``).
  ///
  /// - Parameter query: What was typed.
  /// - Returns: One case, several (most recently active first), or none.
  public func lookUp(_ query: String) -> CaseLookup.Match {
    // A path, or a folder whose journal is readable but misses from the listing, still counts.
    if let exact = summary(named: query) { return .found(exact) }
    guard !query.contains("/") else { return .none }
    return CaseLookup.match(query, among: cases())
  }
}
