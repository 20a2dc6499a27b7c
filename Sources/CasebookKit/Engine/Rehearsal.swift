public import Foundation

/// A practice conversation: Casebook plays the client with the playbook's likely replies, the
/// person answers in their own words, and the review says which talking points they reached.
///
/// A pure state machine like ``CaseEngine``: lines in, outputs out; the order of replies comes
/// from a seed, so a rehearsal can be repeated exactly.
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

  /// The material rehearsed.
  public let material: RehearsalMaterial
  /// The replies in the order they will come.
  public let order: [RehearsalMaterial.Reply]
  /// The exchanges so far.
  public private(set) var exchanges: [Exchange] = []

  /// Prepares a rehearsal of at most `turns` replies, in an order drawn from `seed`.
  public init(material: RehearsalMaterial, seed: UInt64, turns: Int = 6) {
    self.material = material
    var generator = SeededGenerator(seed: seed)
    var replies = material.replies
    for index in replies.indices.reversed() where index > 0 {
      replies.swapAt(index, Int(generator.next() % UInt64(index + 1)))
    }
    order = Array(replies.prefix(turns))
  }

  /// The talking points, as the rehearsal opens.
  public var opening: String {
    (["Talking points:"] + material.points.enumerated().map { "  \($0.offset + 1). \($0.element)" }
      + ["", "Casebook plays the client now. Answer in your own words; :hint shows a suggestion, :quit ends."])
      .joined(separator: "\n")
  }

  /// The client's next line, or `nil` when the rehearsal is over.
  public var nextClientLine: RehearsalMaterial.Reply? {
    exchanges.count < order.count ? order[exchanges.count] : nil
  }

  /// What a line typed by the person does: a hint, the end, or an answer kept.
  public enum Reply: Equatable, Sendable {
    /// Show this suggestion, and wait for the answer still.
    case hint(String)
    /// The answer was kept.
    case kept
    /// The person ended the rehearsal.
    case ended
    /// Nothing was typed: ask again.
    case empty
  }

  /// Takes one line from the person.
  public mutating func handle(_ line: String, at now: Date) -> Reply {
    let text = line.trimmingWhitespace()
    guard let current = nextClientLine else { return .ended }
    switch text.lowercased() {
    case ":hint", ":h": return .hint(current.suggest)
    case ":quit", ":q": return .ended
    case "": return .empty
    default:
      exchanges.append(Exchange(client: current.client, you: text, at: now))
      return .kept
    }
  }

  /// The talking points the person's lines reached: at least two of a point's words of five
  /// letters or more (or its only one) appear in what they said.
  public var pointsReached: [String] {
    let said = Set(words(exchanges.map(\.you).joined(separator: " ")))
    return material.points.filter { point in
      let keys = Set(words(point))
      guard !keys.isEmpty else { return false }
      return keys.intersection(said).count >= min(2, keys.count)
    }
  }

  /// The review: points reached and missed, and the time taken.
  public func review(started: Date, finished: Date) -> String {
    let reached = pointsReached
    let missed = material.points.filter { !reached.contains($0) }
    var lines = ["Review: \(exchanges.count) of \(order.count) replies answered in \(Int(finished.timeIntervalSince(started))) s."]
    lines.append("Talking points you reached: \(reached.count) of \(material.points.count)")
    lines += reached.map { "  + \($0)" }
    if !missed.isEmpty {
      lines.append("Not yet in your words:")
      lines += missed.map { "  - \($0)" }
    }
    return lines.joined(separator: "\n")
  }

  private func words(_ text: String) -> [String] {
    text.lowercased().split { !$0.isLetter }.map(String.init).filter { $0.count >= 5 }
  }
}
