import Yams

/// Bounds the work of walking a document: aliases can make a small file expand enormously, and
/// nesting beyond ``maximumDepth`` would make the recursive walks that follow too deep.
enum NodeBudget {
  /// The deepest nesting of lists and mappings accepted.
  static let maximumDepth = 200

  /// The problem with `root`, if it expands to more than `limit` nodes or nests deeper than
  /// ``maximumDepth``.
  static func problem(in root: Node, limit: Int, at location: SourceLocation) -> Diagnostic? {
    var remaining = limit
    var pending: [(Node, Int)] = [(root, 0)]
    while let (node, depth) = pending.popLast() {
      remaining -= 1
      guard remaining >= 0 else { return .tooComplex(limit: limit, at: location) }
      guard depth <= maximumDepth else { return .yamlTooDeep(limit: maximumDepth, at: location) }
      switch node {
      case .scalar, .alias: continue
      case .sequence(let sequence): pending += sequence.map { ($0, depth + 1) }
      case .mapping(let mapping):
        for (key, value) in mapping {
          pending.append((key, depth + 1))
          pending.append((value, depth + 1))
        }
      }
    }
    return nil
  }
}
