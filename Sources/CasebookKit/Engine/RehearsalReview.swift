import Foundation

/// The review of a rehearsal, criterion by criterion: each part of the plan and each talking point
/// reached or missed, with the line that reached it; the phrases to avoid that were said; how each
/// client move was answered against the suggestion; the time taken and the hints used.
///
/// A plan part is reached by any line that says its answer (in other words: a date as a person names
/// it, the answer's words and numbers) or one of its declared ways. A talking point counts only
/// where it answers something: said in a line that is not a copy of a point or a suggestion, and,
/// when the point names the client moods it answers (or `opening`), in reply to one of them.
public enum RehearsalReview {
  /// The review of the conversation so far.
  public static func parts(of plan: RehearsalPlan) -> CaseRecord.Review {
    let conversation = plan.conversation
    let lines = plan.exchanges.map(\.you)
    func first(_ test: (ClientConversation.Heard) -> Bool) -> Int? { conversation.heard.firstIndex(where: test) }
    var criteria: [CaseRecord.Review.Criterion] = []
    for item in plan.items {
      let line = first { $0.parts.contains(item.step) }
      criteria.append(.init(kind: "plan", label: item.label, reached: line != nil, line: line.map { $0 + 1 }, said: line.map { lines[$0] }))
    }
    for point in plan.material.points {
      let line = first { $0.points.contains(point.label) }
      criteria.append(.init(kind: "point", label: point.label, reached: line != nil, line: line.map { $0 + 1 }, said: line.map { lines[$0] }))
    }
    for (index, avoid) in plan.material.avoid.enumerated() {
      let line = first { $0.avoided.contains(index) }
      criteria.append(.init(kind: "avoid", label: avoid.label, reached: line != nil, line: line.map { $0 + 1 }, said: line.map { lines[$0] }))
    }
    let labels = Dictionary(plan.items.map { ($0.step, $0.label) }, uniquingKeysWith: { first, _ in first })
    var moves: [CaseRecord.Review.MoveReview] = []
    for (index, move) in conversation.answered.enumerated() {
      guard let move else { continue }
      let heard = conversation.heard[index]
      var notes = heard.parts.compactMap { labels[$0].map { "plan: \($0)" } } + heard.points.map { "point: \($0)" }
      notes += heard.avoided.map { "avoid: \(plan.material.avoid[$0].label)" }
      if heard.curt { notes.append("curt: say more than a word or two") }
      if heard.copied { notes.append("a stock line: say it in your words") }
      moves.append(.init(client: move.reply.client, mood: move.reply.mood, you: lines[index], suggest: move.reply.suggest, notes: notes))
    }
    if let open = conversation.next, !conversation.accepted, !plan.exchanges.isEmpty {
      moves.append(.init(client: open.reply.client, mood: open.reply.mood, you: nil, suggest: open.reply.suggest, notes: []))
    }
    let planCited = criteria.filter { $0.kind == "plan" && $0.reached }.map(\.label)
    let points = criteria.filter { $0.kind == "point" }
    return CaseRecord.Review(
      planCited: planCited, planMissed: plan.items.map(\.label).filter { !planCited.contains($0) },
      pointsReached: points.filter(\.reached).map(\.label), pointsMissed: points.filter { !$0.reached }.map(\.label),
      criteria: criteria, moves: moves, hints: plan.exchanges.compactMap(\.hints).reduce(0, +),
      persona: conversation.persona.rawValue, accepted: conversation.accepted ? true : nil)
  }

  /// The review as the terminal shows it at the end: the replies answered and the time taken, then
  /// the criteria and the moves.
  static func text(of plan: RehearsalPlan, started: Date, finished: Date) -> String {
    let review = parts(of: plan)
    let answered = review.moves?.filter { $0.you != nil }.count ?? 0
    let seconds = Int(finished.timeIntervalSince(started))
    let minutes = max(1, (seconds + 30) / 60)
    let time = minutes == 1 ? "1 minute" : "\(minutes) minutes"
    var heading = "Review: \(answered) client line\(answered == 1 ? "" : "s") answered in about \(time)"
    heading += review.accepted == true ? "; the client accepted the decision." : "."
    if let hints = review.hints, hints > 0 { heading += " Hints used: \(hints)." }
    return ([heading] + lines(review, planCount: plan.items.count, pointCount: plan.material.points.count)).joined(separator: "\n")
  }

  /// The review's lines for `review`, as the terminal and the record show them.
  public static func lines(_ review: CaseRecord.Review, planCount: Int, pointCount: Int) -> [String] {
    var lines: [String] = []
    let criteria = review.criteria ?? []
    func mark(_ criterion: CaseRecord.Review.Criterion) -> [String] {
      guard let line = criterion.line, let said = criterion.said else { return ["  - \(criterion.label)"] }
      return ["  + \(criterion.label)", "      line \(line): \"\(said)\""]
    }
    if planCount > 0 {
      lines.append("Your plan in your words: \(review.planCited.count) of \(planCount)")
      lines += criteria.isEmpty
        ? review.planCited.map { "  + \($0)" } + review.planMissed.map { "  - \($0)" }
        : criteria.filter { $0.kind == "plan" }.flatMap(mark)
    }
    lines.append("Talking points you reached: \(review.pointsReached.count) of \(pointCount)")
    lines += criteria.isEmpty
      ? review.pointsReached.map { "  + \($0)" } + review.pointsMissed.map { "  - \($0)" }
      : criteria.filter { $0.kind == "point" }.flatMap(mark)
    let avoided = criteria.filter { $0.kind == "avoid" }
    if !avoided.isEmpty {
      let said = avoided.filter(\.reached)
      lines.append(said.isEmpty ? "Phrases to avoid: none said." : "Phrases to avoid, said:")
      for criterion in said { lines += ["  ! \(criterion.label)", "      line \(criterion.line ?? 0): \"\(criterion.said ?? "")\""] }
    }
    if let moves = review.moves, !moves.isEmpty {
      lines.append("The client's lines, your answers and the suggestion:")
      for (index, move) in moves.enumerated() {
        let mood = move.mood.map { " (\($0))" } ?? ""
        lines.append("  \(index + 1). Client\(mood): \(move.client)")
        lines.append("     You: \(move.you ?? "(not answered)")")
        if !move.notes.isEmpty { lines.append("     Reached: " + move.notes.joined(separator: "; ")) }
        if !move.suggest.isEmpty { lines.append("     Suggested: \(move.suggest)") }
      }
    }
    return lines
  }
}
