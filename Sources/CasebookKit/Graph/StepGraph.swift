/// The `next` links between a playbook's steps as numbered nodes, for the checks of reachability
/// and of loops: what can be reached, and the groups of steps that lead to one another
/// (strongly connected components).
struct StepGraph {
  /// Each node's successors, by index.
  var successors: [[Int]]

  /// Creates a graph of `count` nodes with no links.
  init(count: Int) { successors = Array(repeating: [], count: count) }

  var count: Int { successors.count }

  /// Each node's predecessors, by index.
  func predecessors() -> [[Int]] {
    var result = Array(repeating: [Int](), count: count)
    for (node, nexts) in successors.enumerated() {
      for next in nexts { result[next].append(node) }
    }
    return result
  }

  /// The nodes reachable from `roots` (the roots included), following `links` and staying within
  /// `allowed` when given.
  static func reach(from roots: some Sequence<Int>, links: [[Int]], within allowed: Set<Int>? = nil) -> Set<Int> {
    var seen: Set<Int> = []
    var pending: [Int] = []
    for root in roots where allowed?.contains(root) ?? true && seen.insert(root).inserted { pending.append(root) }
    while let node = pending.popLast() {
      for next in links[node] where allowed?.contains(next) ?? true && seen.insert(next).inserted {
        pending.append(next)
      }
    }
    return seen
  }

  /// The strongly connected components of the graph restricted to `nodes`, each sorted, listed
  /// with a component number per node (iterative Tarjan, so no depth of recursion).
  func components(of nodes: Set<Int>) -> (groups: [[Int]], groupOf: [Int: Int]) {
    var index: [Int: Int] = [:]
    var low: [Int: Int] = [:]
    var onStack: Set<Int> = []
    var stack: [Int] = []
    var groups: [[Int]] = []
    var groupOf: [Int: Int] = [:]
    var counter = 0
    for root in nodes.sorted() where index[root] == nil {
      var work: [(node: Int, next: Int)] = [(root, 0)]
      index[root] = counter; low[root] = counter; counter += 1
      stack.append(root); onStack.insert(root)
      while let (node, position) = work.last {
        let nexts = successors[node]
        if position < nexts.count {
          work[work.count - 1].next += 1
          let next = nexts[position]
          guard nodes.contains(next) else { continue }
          if index[next] == nil {
            index[next] = counter; low[next] = counter; counter += 1
            stack.append(next); onStack.insert(next)
            work.append((next, 0))
          } else if onStack.contains(next) {
            low[node] = min(low[node]!, index[next]!)
          }
          continue
        }
        work.removeLast()
        if let parent = work.last?.node { low[parent] = min(low[parent]!, low[node]!) }
        guard low[node] == index[node] else { continue }
        var group: [Int] = []
        while let top = stack.popLast() {
          onStack.remove(top)
          group.append(top)
          groupOf[top] = groups.count
          if top == node { break }
        }
        groups.append(group.sorted())
      }
    }
    return (groups, groupOf)
  }
}
