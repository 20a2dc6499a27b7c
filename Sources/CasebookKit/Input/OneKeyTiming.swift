public import Foundation

/// The timing rules of one-key answers at a terminal, as a value given the time.
///
/// After a choice is answered with one key, a person often goes on typing by habit: the rest of the
/// word (`y` then `es`) or the Enter after it. Those keys, typed before anything else at the next
/// line, are dropped: each letter of the rest within ``restGap`` of the key before it, the Enter
/// within ``enterWindow`` of the answer. A second one-key answer within ``repeatGap`` of the first
/// is taken as typing, not as an answer, and needs Enter.
public struct OneKeyTiming: Sendable, Hashable {
  /// How soon after the key before it the next letter of the word must come to be absorbed.
  public static let restGap: TimeInterval = 1
  /// How soon after a one-key answer its habitual Enter must come to be dropped.
  public static let enterWindow: TimeInterval = 2
  /// How long after a one-key answer another key cannot answer on its own.
  public static let repeatGap: TimeInterval = 0.8

  /// What a key typed first at a line is.
  public enum Verdict: Sendable, Hashable {
    /// Part of the habit after the last one-key answer: drop it.
    case absorbed
    /// A key of its own: give it to the line.
    case typed
  }

  private var rest: [Character] = []
  private var lastKeyAt: Date?
  private var answeredAt: Date?
  private var swallowsEnter = false

  /// No one-key answer given yet.
  public init() {}

  /// Notes a one-key answer: `rest` is what of its word the person may still type by habit (empty
  /// for a number).
  public mutating func answered(rest: String, at now: Date) {
    self.rest = Array(rest.lowercased())
    lastKeyAt = now
    answeredAt = now
    swallowsEnter = true
  }

  /// Judges `key`, typed as the first key of a line at `now`, and forgets the habit once it is
  /// broken.
  public mutating func judge(firstKey key: Character, at now: Date) -> Verdict {
    guard swallowsEnter || !rest.isEmpty else { return .typed }
    if key == "\r" || key == "\n" {
      let dropped = swallowsEnter && answeredAt.map { now.timeIntervalSince($0) < Self.enterWindow } == true
      forget()
      return dropped ? .absorbed : .typed
    }
    if let expected = rest.first, key.isASCII, Character(key.lowercased()) == expected,
      let last = lastKeyAt, now.timeIntervalSince(last) < Self.restGap
    {
      rest.removeFirst()
      lastKeyAt = now
      return .absorbed
    }
    forget()
    return .typed
  }

  /// Whether a key pressed alone at `now` may answer on its own.
  public func allowsOneKeyAnswer(at now: Date) -> Bool {
    guard let answeredAt else { return true }
    return now.timeIntervalSince(answeredAt) >= Self.repeatGap
  }

  private mutating func forget() {
    rest = []
    swallowsEnter = false
  }
}
