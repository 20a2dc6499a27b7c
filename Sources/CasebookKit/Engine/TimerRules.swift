import Foundation

/// The rules of wait limits: where a timer's expiry leads from a question, and how timers are named.
enum TimerRules {
  /// Where a timer's expiry leads from the question `id`: the first branch case that tests
  /// `TIMER expired` and holds, among the branches its offered answers reach through `say` and
  /// `branch` steps without asking anything else.
  static func expiryRoute(
    from id: StepID, timer: String, in playbook: Playbook, offered: ([Choice]) -> [Choice],
    holds: (Condition) -> Bool
  ) -> (branch: StepID, text: String, next: StepID)? {
    guard case .ask(let question)? = playbook[id]?.kind else { return nil }
    var queue: [StepID]
    switch question.answers {
    case .choices(let choices): queue = offered(choices).map(\.next)
    case .input(_, let next), .checklist(_, let next): queue = [next]
    }
    var seen: Set<StepID> = [id]
    while !queue.isEmpty {
      let candidate = queue.removeFirst()
      guard seen.insert(candidate).inserted, let step = playbook[candidate] else { continue }
      switch step.kind {
      case .say(_, let next):
        queue.append(next)
      case .branch(let cases):
        for branchCase in cases {
          guard let condition = branchCase.condition, awaitsExpiry(condition, of: timer), holds(condition)
          else { continue }
          return (candidate, branchCase.source.map { "when \($0)" } ?? "otherwise", branchCase.next)
        }
        queue += cases.map(\.next)
      case .ask, .end:
        continue
      }
    }
    return nil
  }

  /// Whether `condition` turns true when `timer` runs out: it tests `timer expired` other than
  /// under a `not`.
  static func awaitsExpiry(_ condition: Condition, of timer: String) -> Bool {
    switch condition {
    case .expired(let name, _): name == timer
    case .and(let left, let right), .or(let left, let right):
      awaitsExpiry(left, of: timer) || awaitsExpiry(right, of: timer)
    case .not, .compare, .truth: false
    }
  }

  /// Whether some step reachable from `id` (itself included) tests `timer expired`: the case still
  /// waits on it.
  static func isAwaited(_ timer: String, from id: StepID, in playbook: Playbook) -> Bool {
    var queue = [id]
    var seen: Set<StepID> = []
    while let next = queue.popLast() {
      guard seen.insert(next).inserted, let step = playbook[next] else { continue }
      if tests(step, timer) { return true }
      queue += step.successors
    }
    return false
  }

  /// Whether any step of the playbook tests `timer expired`.
  static func isTested(_ timer: String, in playbook: Playbook) -> Bool {
    playbook.steps.contains { tests($0, timer) }
  }

  /// Whether `step`'s own conditions (its `when`, its choices', its branch cases') test `timer`.
  private static func tests(_ step: Step, _ timer: String) -> Bool {
    var conditions = [step.condition].compactMap { $0 }
    switch step.kind {
    case .ask(let question):
      if case .choices(let choices) = question.answers { conditions += choices.compactMap(\.condition) }
    case .branch(let cases):
      conditions += cases.compactMap(\.condition)
    case .say, .end:
      break
    }
    return conditions.contains { mentions($0, timer) }
  }

  private static func mentions(_ condition: Condition, _ timer: String) -> Bool {
    switch condition {
    case .expired(let name, _): name == timer
    case .not(let inner): mentions(inner, timer)
    case .and(let left, let right), .or(let left, let right): mentions(left, timer) || mentions(right, timer)
    case .compare, .truth: false
    }
  }

  /// `Wait limit` for `wait_limit`.
  static func title(_ name: String) -> String {
    SavedName.title(name)
  }

  /// `The wait limit ran out (15m).`, as the path tells it; `limit` is the timer's length as shown.
  static func ranOut(_ timer: String, limit: String?) -> String {
    "The \(SavedName.words(timer)) ran out" + (limit.map { " (\($0))" } ?? "") + "."
  }

  /// `Wait limit of 15m reached`.
  static func expiryText(of timer: String, in state: CaseState) -> String {
    "\(title(timer)) of \(state.values[timer]?.description ?? "") reached"
  }

  /// The running timer to announce first at `now`: the soonest past its deadline, not announced.
  static func firstDue(in state: CaseState, at now: Date) -> String? {
    let timerNow = state.timerTime(now)
    return state.timers.sorted { $0.value < $1.value }
      .first { $0.value <= timerNow && !state.announcedTimers.contains($0.key) }?.key
  }
}
