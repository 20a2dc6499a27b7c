import Yams

/// Bounds the work of walking a document: aliases can make a small file expand enormously.
enum NodeBudget {
  /// Whether `root` expands to at most `limit` nodes and nests at most 200 levels deep.
  static func fits(_ root: Node, limit: Int) -> Bool {
    var remaining = limit
    var pending: [(Node, Int)] = [(root, 0)]
    while let (node, depth) = pending.popLast() {
      remaining -= 1
      guard remaining >= 0, depth <= 200 else { return false }
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
    return true
  }
}
