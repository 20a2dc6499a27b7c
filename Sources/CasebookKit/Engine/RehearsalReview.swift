import Foundation

/// The review of a rehearsal: which parts of the plan and which talking points the person's own
/// lines reached, and which not.
public enum RehearsalReview {
  /// The parts reached and missed.
  public static func parts(of plan: RehearsalPlan) -> CaseRecord.Review {
    let said = plan.exchanges.map(\.you).joined(separator: " ")
    let cited = plan.items.filter { $0.answer.map { isCited($0, in: said) } ?? false }
    let reached = plan.material.points.filter { isReached($0, in: said) }
    return CaseRecord.Review(
      planCited: cited.map(\.label), planMissed: plan.items.filter { !cited.contains($0) }.map(\.label),
      pointsReached: reached, pointsMissed: plan.material.points.filter { !reached.contains($0) })
  }

  /// The review as the terminal shows it at the end: the replies answered and the time taken, then
  /// the parts.
  static func text(of plan: RehearsalPlan, started: Date, finished: Date) -> String {
    let heading = "Review: \(plan.exchanges.count) of \(plan.order.count) replies answered in \(Int(finished.timeIntervalSince(started))) s."
    let body = lines(parts(of: plan), planCount: plan.items.count, pointCount: plan.material.points.count)
    return ([heading] + body).joined(separator: "\n")
  }

  /// The review's lines for `parts`, as the terminal and the record show them.
  public static func lines(_ parts: CaseRecord.Review, planCount: Int, pointCount: Int) -> [String] {
    var lines: [String] = []
    if planCount > 0 {
      lines.append("Your plan in your words: \(parts.planCited.count) of \(planCount)")
      lines += parts.planCited.map { "  + \($0)" } + parts.planMissed.map { "  - \($0)" }
    }
    lines.append("Talking points you reached: \(parts.pointsReached.count) of \(pointCount)")
    lines += parts.pointsReached.map { "  + \($0)" }
    if !parts.pointsMissed.isEmpty {
      lines.append("Not yet in your words:")
      lines += parts.pointsMissed.map { "  - \($0)" }
    }
    return lines
  }

  /// Whether `said` reaches `point`: at least two of its words of five letters or more (or its only
  /// one) appear in it.
  private static func isReached(_ point: String, in said: String) -> Bool {
    let keys = Set(words(point))
    guard !keys.isEmpty else { return false }
    return keys.intersection(Set(words(said))).count >= min(2, keys.count)
  }

  /// Whether `said` cites a plan answer: at least half of its words of four letters or more and its
  /// numbers appear in it.
  private static func isCited(_ answer: String, in said: String) -> Bool {
    func tokens(_ text: String) -> Set<String> {
      Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { token in
        token.allSatisfy(\.isNumber) || token.count >= 4
      })
    }
    let keys = tokens(answer)
    guard !keys.isEmpty else { return false }
    return keys.intersection(tokens(said)).count * 2 >= keys.count
  }

  private static func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 }
  }
}
