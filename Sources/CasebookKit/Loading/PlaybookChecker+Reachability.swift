/// Steps the reader found but could not read: their ids and the `next` names written in them,
/// so that what they lead to is still known.
struct UnreadSteps: Sendable {
  /// The ids of steps that could not be read.
  var ids: Set<StepID> = []
  /// The `next` names written in each of them.
  var links: [StepID: [StepID]] = [:]
  /// The `next` names written in steps without a readable id.
  var looseTargets: Set<StepID> = []
  /// The names saved by steps and inputs that could not be read: their type is unknown, but they
  /// are saved, so no use of them is reported as saved by no step.
  var savedNames: Set<String> = []
}

/// A `start` or `next` naming a step that does not exist, and the step probably meant.
struct DanglingLink {
  var target: StepID
  /// The existing step whose id is close, if any: the link is judged as if it named that step.
  var meant: StepID?
  /// The step the link is written in; `nil` for `start` (also when inputs come before it).
  var from: StepID?
  var diagnostic: Diagnostic
}

extension PlaybookChecker {
  /// Which steps can be reached and which can end, judged on the links as they were meant: a
  /// dangling link with a close match counts as naming it, so that what only the typo cuts off is
  /// a note on the typo, not errors of its own. See "What follows from what" in docs/diagnostics.md.
  struct Reachability {
    let playbook: Playbook
    let dangling: [DanglingLink]
    /// Readable steps first (in file order, first of each id), then the unread ones.
    var ids: [StepID] = []
    var index: [StepID: Int] = [:]
    var readableCount = 0
    /// Links as meant (dangling ones replaced by their close match).
    var meant: StepGraph
    /// Links as written.
    var written: StepGraph
    /// Steps that may lead anywhere: unread steps and steps with a dangling link that has no match.
    var unknown: Set<Int> = []
    var roots: [Int] = []
    var rootsAsWritten: [Int] = []
    lazy var reachable = StepGraph.reach(from: roots, links: meant.successors)
    lazy var reachableAsWritten = StepGraph.reach(from: rootsAsWritten, links: written.successors)

    init(_ playbook: Playbook, unread: UnreadSteps, dangling: [DanglingLink]) {
      self.playbook = playbook
      self.dangling = dangling
      for step in playbook.steps where index[step.id] == nil {
        index[step.id] = ids.count
        ids.append(step.id)
      }
      readableCount = ids.count
      for id in unread.ids.sorted(by: { $0.rawValue < $1.rawValue }) where index[id] == nil {
        index[id] = ids.count
        ids.append(id)
      }
      meant = StepGraph(count: ids.count)
      written = StepGraph(count: ids.count)
      let meaning = Dictionary(dangling.map { ($0.target, $0.meant) }, uniquingKeysWith: { first, _ in first })
      for (node, id) in ids.enumerated() {
        let targets = node < readableCount ? (playbook[id]?.successors ?? []) : (unread.links[id] ?? [])
        if node >= readableCount { unknown.insert(node) }
        for target in targets {
          if let next = index[target] {
            written.successors[node].append(next)
            meant.successors[node].append(next)
          } else if let near = meaning[target] ?? nil, let next = index[near] {
            meant.successors[node].append(next)
          } else if node < readableCount {
            unknown.insert(node)
          }
        }
      }
      let loose = unread.looseTargets.compactMap { index[$0] }
      rootsAsWritten = (index[playbook.start].map { [$0] } ?? []) + loose
      let start = index[playbook.start] ?? (meaning[playbook.start] ?? nil).flatMap { index[$0] }
      // A `start` that names nothing close leaves nothing to judge reachability from, also when
      // the inputs asked before it are steps that exist.
      let startLost = dangling.contains { $0.from == nil && $0.meant == nil }
      roots = startLost ? [] : start.map { [$0] + loose } ?? []
    }

    private func names(_ nodes: some Sequence<Int>) -> String {
      let listed = nodes.sorted().prefix(5).map { quoted(ids[$0]) }
      return listed.joined(separator: ", ") + (nodes.underestimatedCount > 5 ? ", …" : "")
    }

    private func steps(_ count: Int) -> String { count == 1 ? "1 step" : "\(count) steps" }

    /// "is not reported on its own" for one step, "are not … their own" for more.
    private func notReported(_ count: Int) -> String {
      count == 1 ? "is not reported on its own" : "are not reported on their own"
    }

    /// The dangling links, each with a note on the steps that only it would lead to.
    mutating func danglingDiagnostics() -> [Diagnostic] {
      var result: [Diagnostic] = []
      let cutOff = reachable.subtracting(reachableAsWritten)
      for link in dangling {
        var diagnostic = link.diagnostic
        if let near = link.meant, let node = index[near] {
          let hidden = StepGraph.reach(from: [node], links: meant.successors).intersection(cutOff)
            .filter { $0 < readableCount }
          if !hidden.isEmpty {
            diagnostic.notes.append(
              "this hides \(steps(hidden.count)) reachable only through it (\(names(hidden))); \(hidden.count == 1 ? "it is" : "they are") not reported as unreachable")
          }
        }
        result.append(diagnostic)
      }
      return result
    }

    /// One error for each group of steps nothing reachable leads to: a step no other unreachable
    /// step names, or the first step of a loop that nothing outside it enters. The steps that
    /// only it leads to are counted in a note.
    mutating func unreachableDiagnostics() -> [Diagnostic] {
      guard !roots.isEmpty else { return [] }
      let unreachable = Set(0..<ids.count).subtracting(reachable)
      guard !unreachable.isEmpty else { return [] }
      let (groups, groupOf) = meant.components(of: unreachable)
      var entered = Set<Int>()
      for node in unreachable {
        for next in meant.successors[node] where unreachable.contains(next) && groupOf[next] != groupOf[node] {
          entered.insert(groupOf[next]!)
        }
      }
      let sources = groups.indices.filter { !entered.contains($0) && groups[$0].contains { $0 < readableCount } }
      var reachedBy: [Int: Int] = [:]
      var downstream: [Int: Set<Int>] = [:]
      for source in sources {
        let reached = StepGraph.reach(from: groups[source], links: meant.successors, within: unreachable)
        downstream[source] = reached
        for node in reached { reachedBy[node, default: 0] += 1 }
      }
      return sources.compactMap { source in
        let group = groups[source]
        guard let first = group.first(where: { $0 < readableCount }), let step = playbook[ids[first]] else { return nil }
        var diagnostic = Diagnostic.unreachableStep(step: step.id, at: step.location)
        if group.count > 1 {
          diagnostic.notes.append("it is in a loop with \(names(group.filter { $0 != first })) that no other step leads into")
        }
        let only = (downstream[source] ?? []).filter { reachedBy[$0] == 1 && !group.contains($0) && $0 < readableCount }
        if !only.isEmpty {
          diagnostic.notes.append("\(steps(only.count)) reachable only through it (\(names(only))) \(notReported(only.count))")
        }
        return diagnostic
      }
    }

    /// One error for each loop with no way out: a group of steps that lead only to one another
    /// and never to an end. Steps that lead only into the loop are counted in a note.
    func endlessDiagnostics() -> [Diagnostic] {
      let predecessors = meant.predecessors()
      let ends = (0..<readableCount).filter { playbook[ids[$0]]?.isEnd == true }
      let canEnd = StepGraph.reach(from: ends + unknown, links: predecessors)
      let stuck = Set(0..<readableCount).subtracting(canEnd)
      guard !stuck.isEmpty else { return [] }
      let (groups, groupOf) = meant.components(of: stuck)
      let reverse = meant.predecessors()
      return groups.enumerated().compactMap { number, group in
        guard group.allSatisfy({ node in meant.successors[node].allSatisfy { groupOf[$0] == number } }),
          let step = playbook[ids[group[0]]]
        else { return nil }
        var diagnostic = Diagnostic.noWayToEnd(step: step.id, at: step.location)
        if group.count > 1 {
          diagnostic.notes.append("it goes round with \(names(group.dropFirst())), and none of them leads to an end")
        }
        let feeding = StepGraph.reach(from: group, links: reverse, within: stuck).subtracting(group)
        if !feeding.isEmpty {
          diagnostic.notes.append("\(steps(feeding.count)) leading only into it (\(names(feeding))) \(notReported(feeding.count))")
        }
        return diagnostic
      }
    }
  }
}
