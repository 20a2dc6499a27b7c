/// The simulated client of a rehearsal as a fold over the person's lines: from the material, the
/// persona, the seed and the lines said so far, the client's next move. Pure, so a rehearsal with
/// the same seed and the same lines is the same conversation.
///
/// After each of the person's lines the client, in order: reacts to a phrase to avoid in it (once
/// per phrase); accepts the decision, when its temper is down to 0, the whole plan and two thirds
/// of the points have been heard in three lines or more, and the playbook says how; reacts to a plan part or point still missing after the reaction's
/// number of lines (once each); else says one of the replies not yet said, drawn by the seed among
/// those of the persona's moods first.
public struct ClientConversation: Sendable {
  /// One thing the client says.
  public struct Move: Sendable, Hashable {
    /// Where it comes from.
    public enum Source: Sendable, Hashable {
      /// One of the playbook's replies, by index.
      case reply(Int)
      /// A reaction to something missing, by index.
      case reaction(Int)
      /// A reaction to a phrase to avoid, by index.
      case avoided(Int)
      /// The client accepts; the conversation ends.
      case accepts
    }

    /// What the client says, its mood and the suggested answer.
    public let reply: RehearsalMaterial.Reply
    /// Where it comes from.
    public let source: Source
  }

  /// What one of the person's lines did.
  public struct Heard: Sendable, Hashable {
    /// The plan parts (by step) it reached first.
    public var parts: [StepID] = []
    /// The points (by label) it reached first.
    public var points: [String] = []
    /// The phrases to avoid (by index) in it.
    public var avoided: [Int] = []
    /// Whether it is a stock line: a copy of a point or suggestion, which reaches no point.
    public var copied = false
    /// Whether it is curt: fewer than four words in answer to the client.
    public var curt = false
  }

  /// The persona.
  public let persona: ClientPersona
  /// The client move each of the person's lines answered (`nil` for an opening line).
  public private(set) var answered: [Move?] = []
  /// What each of the person's lines did.
  public private(set) var heard: [Heard] = []
  /// The client's next move, or `nil` once the conversation is over.
  public private(set) var next: Move?
  /// Whether the client has accepted the decision.
  public var accepted: Bool { next?.source == .accepts }

  private let material: RehearsalMaterial
  private let items: [RehearsalPlan.Item]
  private let turns: Int
  private var generator: SeededGenerator
  private var temper: Int
  private var usedReplies: Set<Int> = []
  private var firedReactions: Set<Int> = []
  private var firedAvoids: Set<Int> = []
  private var reachedParts: Set<StepID> = []
  private var reachedPoints: Set<String> = []
  private var clientLines = 0

  /// The conversation after `lines`, the person's lines in order.
  public init(material: RehearsalMaterial, items: [RehearsalPlan.Item], persona: ClientPersona, seed: UInt64, turns: Int, lines: [String]) {
    self.material = material
    self.items = items
    self.persona = persona
    self.turns = turns
    generator = SeededGenerator(seed: seed)
    temper = persona.startingTemper
    next = material.opens == .person ? nil : move(lastHeard: nil)
    if next != nil { clientLines += 1 }
    for line in lines where !accepted && (next != nil || answered.isEmpty) { hear(line) }
  }

  /// Folds one of the person's lines in, and decides the client's next move.
  private mutating func hear(_ line: String) {
    let answering = next
    var heard = Heard()
    heard.copied = RehearsalListener.isCopy(line, of: material)
    heard.curt = answering != nil && RehearsalListener.words(line).count < 4
    heard.avoided = material.avoid.indices.filter { RehearsalListener.says(material.avoid[$0].said, in: line) }
    for item in items where !reachedParts.contains(item.step) && RehearsalListener.reaches(item, in: line) {
      heard.parts.append(item.step)
      reachedParts.insert(item.step)
    }
    if !heard.copied {
      for point in material.points where !reachedPoints.contains(point.label) && counts(point, in: line, answering: answering) {
        heard.points.append(point.label)
        reachedPoints.insert(point.label)
      }
    }
    temper += heard.avoided.count + (heard.curt ? 1 : 0)
    if heard.avoided.isEmpty && !heard.curt && !(heard.parts.isEmpty && heard.points.isEmpty) { temper = max(0, temper - 1) }
    answered.append(answering)
    self.heard.append(heard)
    next = clientLines < turns ? move(lastHeard: heard) : nil
    if next != nil { clientLines += 1 }
  }

  /// Whether `point` counts in `line`: said in it, and, when the point names the moves it answers,
  /// in reply to one of them (`opening`: the person's first line, before the client has spoken).
  private func counts(_ point: RehearsalMaterial.Point, in line: String, answering: Move?) -> Bool {
    guard RehearsalListener.says(point, in: line) else { return false }
    guard !point.answers.isEmpty else { return true }
    if answering == nil && point.answers.contains("opening") { return true }
    guard let mood = answering?.reply.mood else { return false }
    return point.answers.contains(mood)
  }

  /// The client's move after `lastHeard` (`nil`: before the person has spoken).
  private mutating func move(lastHeard: Heard?) -> Move? {
    if let avoided = lastHeard?.avoided.first(where: { !firedAvoids.contains($0) && material.avoid[$0].reply != nil }),
      let reply = material.avoid[avoided].reply
    {
      firedAvoids.insert(avoided)
      return Move(reply: reply, source: .avoided(avoided))
    }
    let lines = answered.count
    let enoughPoints = reachedPoints.count * 3 >= material.points.count * 2
    if let accepts = material.accepts, lines >= 3, temper == 0, reachedParts.count == items.count, enoughPoints {
      return Move(reply: .init(client: accepts, mood: persona.rawValue, suggest: ""), source: .accepts)
    }
    for (index, reaction) in material.reactions.enumerated() where !firedReactions.contains(index) && lines >= reaction.after {
      let missing = items.contains { $0.step.rawValue == reaction.missing && !reachedParts.contains($0.step) }
        || (material.points.contains { $0.label == reaction.missing } && !reachedPoints.contains(reaction.missing))
      if missing {
        firedReactions.insert(index)
        return Move(reply: reaction.reply, source: .reaction(index))
      }
    }
    let left = material.replies.indices.filter { !usedReplies.contains($0) }
    let preferred = left.filter { material.replies[$0].mood.map(persona.moods.contains) ?? false }
    let pool = preferred.isEmpty ? left : preferred
    guard !pool.isEmpty else { return nil }
    let chosen = pool[Int(generator.next() % UInt64(pool.count))]
    usedReplies.insert(chosen)
    return Move(reply: material.replies[chosen], source: .reply(chosen))
  }
}
