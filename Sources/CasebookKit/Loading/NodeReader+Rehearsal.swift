import Yams

// The playbook's `rehearsal` material: steps to prepare, points to make, phrases to avoid, the
// client's replies and reactions.
extension NodeReader {
  mutating func readRehearsal(_ node: Node) -> RehearsalMaterial? {
    guard let fields = fields(of: node, named: "rehearsal", allowed: RehearsalKey.self) else { return nil }
    let prepare = fields[.prepare].map { readPreparations($0.value) } ?? []
    let points = fields[.points].map { readPoints($0.value) } ?? []
    let replies = fields[.replies].map { readReplies($0.value) } ?? []
    var material = RehearsalMaterial(prepare: prepare, points: points, replies: replies)
    material.avoid = fields[.avoid].map { readAvoid($0.value) } ?? []
    material.reactions = fields[.reactions].map { readReactions($0.value) } ?? []
    material.accepts = optionalString(.accepts, in: fields)
    if let opens = optionalString(.opens, in: fields) {
      if let opener = RehearsalMaterial.Opener(rawValue: opens) {
        material.opens = opener
      } else if let field = fields[.opens] {
        report(.wrongType("opens", expected: "client or person", found: opens.debugDescription, at: location(of: field.value)))
      }
    }
    return material
  }

  /// `prepare`: step ids, each alone or as `{step: ID, label: TEXT, said: [...]}`.
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
      let said = fields[.said].map { stringList($0.value, field: "said") } ?? []
      return .init(step: StepID(step), label: optionalString(.label, in: fields), said: said, location: at)
    }
  }

  /// `points`: texts, each alone or as `{say: TEXT, label: …, said: [...], answers: [...]}`.
  private mutating func readPoints(_ node: Node) -> [RehearsalMaterial.Point] {
    let expected = "a list of points, each a text or a mapping with 'say'"
    guard let sequence = items(of: node, field: "points", expected: expected) else { return [] }
    return sequence.compactMap { item in
      let at = location(of: item)
      if case .scalar(let scalar) = item, !scalar.string.trimmingWhitespace().isEmpty {
        return .init(text: scalar.string.trimmingWhitespace())
      }
      guard case .mapping = item else {
        report(.wrongType("points", expected: expected, found: describe(item), at: at))
        return nil
      }
      guard let fields = fields(of: item, named: "a point", allowed: PointKey.self),
        let say = requiredString(.say, in: fields, context: "a point", at: at)
      else { return nil }
      return .init(
        text: say, label: optionalString(.label, in: fields),
        said: fields[.said].map { stringList($0.value, field: "said") } ?? [],
        answers: fields[.answers].map { stringList($0.value, field: "answers") } ?? [])
    }
  }

  private mutating func readReplies(_ node: Node) -> [RehearsalMaterial.Reply] {
    let expected = "a list of replies, each with 'client' and 'suggest'"
    guard let sequence = items(of: node, field: "replies", expected: expected) else { return [] }
    return sequence.compactMap { readReply($0) }
  }

  private mutating func readReply(_ node: Node) -> RehearsalMaterial.Reply? {
    guard let reply = fields(of: node, named: "a reply", allowed: ReplyKey.self) else { return nil }
    let at = location(of: node)
    guard let client = requiredString(.client, in: reply, context: "a reply", at: at),
      let suggest = requiredString(.suggest, in: reply, context: "a reply", at: at)
    else { return nil }
    return .init(client: client, mood: optionalString(.mood, in: reply), suggest: suggest)
  }

  /// `avoid`: `{label: TEXT, said: [...], client: …, mood: …, suggest: …}`.
  private mutating func readAvoid(_ node: Node) -> [RehearsalMaterial.Avoid] {
    guard let sequence = items(of: node, field: "avoid", expected: "a list of phrases to avoid, each with 'label' and 'said'") else { return [] }
    return sequence.compactMap { item in
      let at = location(of: item)
      guard let fields = fields(of: item, named: "a phrase to avoid", allowed: AvoidKey.self),
        let label = requiredString(.label, in: fields, context: "a phrase to avoid", at: at)
      else { return nil }
      guard let said = fields[.said].map({ stringList($0.value, field: "said") }) else {
        report(.missingKey("said", in: "a phrase to avoid", at: at))
        return nil
      }
      var reply: RehearsalMaterial.Reply?
      if let client = optionalString(.client, in: fields) {
        reply = .init(client: client, mood: optionalString(.mood, in: fields), suggest: optionalString(.suggest, in: fields) ?? "")
      }
      return .init(label: label, said: said, reply: reply)
    }
  }

  /// `reactions`: `{missing: STEP-OR-POINT, after: N, client: …, mood: …, suggest: …}`.
  private mutating func readReactions(_ node: Node) -> [RehearsalMaterial.Reaction] {
    guard let sequence = items(of: node, field: "reactions", expected: "a list of reactions, each with 'missing', 'client' and 'suggest'") else { return [] }
    return sequence.compactMap { item in
      let at = location(of: item)
      guard let fields = fields(of: item, named: "a reaction", allowed: ReactionKey.self),
        let missing = requiredString(.missing, in: fields, context: "a reaction", at: at),
        let client = requiredString(.client, in: fields, context: "a reaction", at: at),
        let suggest = requiredString(.suggest, in: fields, context: "a reaction", at: at)
      else { return nil }
      let after = optionalString(.after, in: fields).flatMap { Int($0) } ?? 2
      return .init(missing: missing, after: max(1, after), reply: .init(client: client, mood: optionalString(.mood, in: fields), suggest: suggest))
    }
  }
}
