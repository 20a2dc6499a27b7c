public import Foundation

/// A rehearsal of a hard conversation: first the conversation plan (the answers the playbook's
/// `prepare` names, such as the reason and the contract wording to cite), then a practice
/// conversation in which Casebook plays the client with the playbook's likely replies and the
/// person answers in their own words; the review says which points they reached.
///
/// A pure state machine like ``CaseEngine``: lines in, replies out; the order of the client's
/// replies comes from a seed, so a rehearsal can be repeated exactly.
public struct Rehearsal: Sendable {
  /// One exchange: what the client said, and the person's answer.
  public struct Exchange: Sendable, Hashable, Codable {
    /// The client's line.
    public var client: String
    /// The person's line.
    public var you: String
    /// When the person answered.
    public var at: Date
  }

  /// One part of the conversation plan: a question of the playbook, and its answer once known.
  public struct PlanItem: Sendable, Hashable {
    /// The question's step.
    public let step: StepID
    /// How the plan names it.
    public let label: String
    /// The question.
    public let question: Question
    /// What helps to answer it: the step's detail, else its reason.
    public let help: String?
    /// The answer, in its canonical form, once given.
    public internal(set) var answer: String?
  }

  /// The material rehearsed.
  public let material: RehearsalMaterial
  /// The conversation plan, in the playbook's order.
  public private(set) var plan: [PlanItem]
  /// The replies in the order they will come.
  public let order: [RehearsalMaterial.Reply]
  /// The exchanges so far.
  public private(set) var exchanges: [Exchange] = []
  /// Whether the plan's missing answers are left unasked (input that is not a terminal).
  public private(set) var isPlanSettled = false
  private let calendar: Calendar

  /// Prepares a rehearsal of at most `turns` replies, in an order drawn from `seed`.
  ///
  /// - Parameters:
  ///   - material: The playbook's rehearsal material.
  ///   - playbook: The playbook, whose questions the plan asks.
  ///   - known: Values known already (from an earlier case, or `--set`), by saved name, as written;
  ///     a plan item whose value is known and accepted by its question is not asked.
  ///   - seed: Decides the order of the client's replies.
  ///   - turns: How many replies to answer at most.
  ///   - started: When the rehearsal began: known values such as `tomorrow` are read from its day.
  ///   - timeZone: The zone in which dates in answers are read.
  public init(
    material: RehearsalMaterial, playbook: Playbook, known: [String: String] = [:], seed: UInt64, turns: Int = 6,
    started: Date, timeZone: TimeZone
  ) {
    self.material = material
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
    var generator = SeededGenerator(seed: seed)
    var replies = material.replies
    for index in replies.indices.reversed() where index > 0 {
      replies.swapAt(index, Int(generator.next() % UInt64(index + 1)))
    }
    order = Array(replies.prefix(turns))
    plan = material.prepare.compactMap { preparation in
      guard let step = playbook[preparation.step], case .ask(let question) = step.kind else { return nil }
      return PlanItem(
        step: step.id, label: preparation.label ?? question.text, question: question, help: step.detail ?? step.why)
    }
    let startDay = CivilDate(started, in: calendar)
    for index in plan.indices {
      guard let name = plan[index].question.save, let text = known[name],
        case .accepted(_, let canonical) = AnswerReader.read(text, for: plan[index].question, today: startDay)
      else { continue }
      plan[index].answer = canonical
    }
  }

  /// A finished (or left) rehearsal, rebuilt from its case to review it: the plan's answers from
  /// the case's values, the exchanges from its history.
  public init(replaying state: CaseState, material: RehearsalMaterial, playbook: Playbook, timeZone: TimeZone) {
    self.init(
      material: material, playbook: playbook, known: state.values.mapValues(\.description), seed: 0,
      turns: material.replies.count, started: state.header.started, timeZone: timeZone)
    exchanges = state.history.compactMap { entry in
      if case .said(let client, let you, let at) = entry { Exchange(client: client, you: you, at: at) } else { nil }
    }
  }

  /// The next part of the plan still to answer, or `nil` once the plan is complete or settled.
  public var nextPlanItem: PlanItem? {
    isPlanSettled ? nil : plan.first { $0.answer == nil }
  }

  /// Goes to the conversation with the plan as it stands: what is not known stays unprepared.
  public mutating func settlePlan() {
    isPlanSettled = true
  }

  /// The names under which the plan's unprepared parts are saved, for `--set NAME=VALUE`.
  public var unpreparedNames: [String] {
    plan.filter { $0.answer == nil }.compactMap(\.question.save)
  }

  /// The plan as answered so far, and the talking points: shown before the conversation starts.
  public var planText: String {
    var lines: [String] = []
    if !plan.isEmpty {
      lines.append("Conversation plan:")
      lines += plan.map { "  \($0.label): \($0.answer ?? "(not prepared)")" }
      lines.append("")
    }
    lines.append("Talking points:")
    lines += material.points.enumerated().map { "  \($0.offset + 1). \($0.element)" }
    lines += ["", "Casebook plays the client now. Answer in your own words; :hint shows a suggestion, :quit ends."]
    return lines.joined(separator: "\n")
  }

  /// The client's next line, or `nil` when the rehearsal is over.
  public var nextClientLine: RehearsalMaterial.Reply? {
    exchanges.count < order.count ? order[exchanges.count] : nil
  }

  /// What a line typed by the person does.
  public enum Reply: Equatable, Sendable {
    /// Show this, and wait for the answer still.
    case hint(String)
    /// The line is not an answer to the plan's question: show why, and ask again.
    case rejected(String)
    /// The line was taken: journal this entry.
    case kept(JournalEntry)
    /// The person ended the rehearsal.
    case ended
    /// Nothing was typed: ask again.
    case empty
  }

  /// Takes one line from the person: an answer to the plan's next question while the plan is open,
  /// then an answer to the client's line.
  public mutating func handle(_ line: String, at now: Date) -> Reply {
    let text = line.trimmingWhitespace()
    switch text.lowercased() {
    case ":quit", ":q": return .ended
    case ":hint", ":h":
      if let item = nextPlanItem { return .hint(item.help ?? "Answer in your own words, as you would say it.") }
      return nextClientLine.map { .hint($0.suggest) } ?? .ended
    case "": return .empty
    default:
      if text.hasPrefix(":") { return .rejected("'\(text)' is not a command here. Type :hint for help, or :quit to end.") }
    }
    if !isPlanSettled, let index = plan.firstIndex(where: { $0.answer == nil }) {
      switch AnswerReader.read(text, for: plan[index].question, today: CivilDate(now, in: calendar)) {
      case .accepted(_, let canonical):
        plan[index].answer = canonical
        return .kept(.answered(step: plan[index].step, answer: canonical, at: now))
      case .rejected(let hint):
        return .rejected(hint)
      }
    }
    guard let current = nextClientLine else { return .ended }
    let exchange = Exchange(client: current.client, you: text, at: now)
    exchanges.append(exchange)
    return .kept(.said(client: exchange.client, you: exchange.you, at: now))
  }

  /// The talking points the person's lines reached.
  public var pointsReached: [String] {
    material.points.filter(isReached)
  }

  /// Which parts of the plan and which talking points the lines reached, and which not.
  public var reviewParts: CaseRecord.Review {
    let cited = plan.filter { $0.answer.map(isCited) ?? false }
    let reached = pointsReached
    return CaseRecord.Review(
      planCited: cited.map(\.label), planMissed: plan.filter { !cited.contains($0) }.map(\.label),
      pointsReached: reached, pointsMissed: material.points.filter { !reached.contains($0) })
  }

  /// The review: the plan and the points reached and missed, and the time taken.
  public func review(started: Date, finished: Date) -> String {
    let parts = reviewParts
    var lines = ["Review: \(exchanges.count) of \(order.count) replies answered in \(Int(finished.timeIntervalSince(started))) s."]
    lines += Self.reviewLines(parts, planCount: plan.count, pointCount: material.points.count)
    return lines.joined(separator: "\n")
  }

  /// The review's lines for `parts`, as the terminal and the record show them.
  public static func reviewLines(_ parts: CaseRecord.Review, planCount: Int, pointCount: Int) -> [String] {
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

  /// Whether the person's lines reached `text`: at least two of its words of five letters or more
  /// (or its only one) appear in what they said.
  private func isReached(_ text: String) -> Bool {
    let said = Set(words(exchanges.map(\.you).joined(separator: " ")))
    let keys = Set(words(text))
    guard !keys.isEmpty else { return false }
    return keys.intersection(said).count >= min(2, keys.count)
  }

  /// Whether the person's lines cite a plan answer: at least half of its words of four letters or
  /// more and its numbers appear in what they said.
  private func isCited(_ answer: String) -> Bool {
    func tokens(_ text: String) -> Set<String> {
      Set(text.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init).filter { token in
        token.allSatisfy(\.isNumber) || token.count >= 4
      })
    }
    let said = tokens(exchanges.map(\.you).joined(separator: " "))
    let keys = tokens(answer)
    guard !keys.isEmpty else { return false }
    return keys.intersection(said).count * 2 >= keys.count
  }

  private func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 }
  }

  /// The state of a rehearsal case rebuilt from its journal: the plan's answers as its path and
  /// values, the conversation in its history.
  public static func state(replaying entries: [JournalEntry], playbook: Playbook, timeZone: TimeZone) -> CaseState? {
    guard case .opened(let header)? = entries.first else { return nil }
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    var state = CaseState(header: header)
    state.history = entries
    state.status = .interrupted
    for entry in entries.dropFirst() {
      switch entry {
      case .answered(let step, let answer, let at):
        guard case .ask(let question)? = playbook[step]?.kind else { continue }
        let value = AnswerReader.read(answer, for: question, today: CivilDate(at, in: calendar))
        guard case .accepted(let read, _) = value else { continue }
        state.path.append(.init(step: step, text: question.text, answer: answer, value: read, at: at))
        if let name = question.save { state.values[name] = read }
      case .finished(_, let at):
        state.status = .completed
        state.stopped = at
      case .left(_, let at):
        state.stopped = at
      default:
        continue
      }
    }
    return state
  }
}
