import Yams

// The playbook's `rehearsal` material: steps to prepare, points to make, replies to practise.
extension NodeReader {
  mutating func readRehearsal(_ node: Node) -> RehearsalMaterial? {
    guard let fields = fields(of: node, named: "rehearsal", allowed: RehearsalKey.self) else { return nil }
    let prepare = fields[.prepare].map { readPreparations($0.value) } ?? []
    let points = fields[.points].map { stringList($0.value, field: "points") } ?? []
    let replies = fields[.replies].map { readReplies($0.value) } ?? []
    return RehearsalMaterial(prepare: prepare, points: points, replies: replies)
  }

  /// `prepare`: step ids, each alone or as `{step: ID, label: TEXT}`.
  private mutating func readPreparations(_ node: Node) -> [RehearsalMaterial.Preparation] {
    let expected = "a list of step ids, each alone or with a label ({step: reason, label: The reason})"
    guard let sequence = items(of: node, field: "prepare", expected: expected) else { return [] }
    return sequence.compactMap { item in
      let at = location(of: item)
      if case .scalar(let scalar) = item, !scalar.string.trimmingWhitespace().isEmpty {
        return .init(step: StepID(scalar.string.trimmingWhitespace()), location: at)
      }
      guard case .mapping = item else {
        report(.wrongType("prepare", expected: expected, found: describe(item), at: at))
        return nil
      }
      guard let fields = fields(of: item, named: "a preparation", allowed: PreparationKey.self),
        let step = requiredString(.step, in: fields, context: "a preparation", at: at)
      else { return nil }
      return .init(step: StepID(step), label: optionalString(.label, in: fields), location: at)
    }
  }

  private mutating func readReplies(_ node: Node) -> [RehearsalMaterial.Reply] {
    let expected = "a list of replies, each with 'client' and 'suggest'"
    guard let sequence = items(of: node, field: "replies", expected: expected) else { return [] }
    return sequence.compactMap { replyNode in
      guard let reply = fields(of: replyNode, named: "a reply", allowed: ReplyKey.self) else { return nil }
      let at = location(of: replyNode)
      guard let client = requiredString(.client, in: reply, context: "a reply", at: at),
        let suggest = requiredString(.suggest, in: reply, context: "a reply", at: at)
      else { return nil }
      return .init(client: client, mood: optionalString(.mood, in: reply), suggest: suggest)
    }
  }
}
