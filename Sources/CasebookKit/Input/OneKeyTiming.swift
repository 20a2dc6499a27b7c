public import Foundation

/// The timing rule of one-key answers at a terminal, as a value given the time.
///
/// After a choice is answered with one key, a person often goes on typing by habit: the rest of the
/// word (`y` then `es`) or the Enter after it. The next question appears only once that habit is
/// over, so that every key typed after it is on screen belongs to it. Until then the reader waits:
/// each letter of the rest that comes within ``tailGap`` of the key before it is dropped, and so is
/// an Enter, which ends the wait; any other key ends it too and is kept for the next question; and
/// the wait ends when ``tailGap`` passes with no key.
public struct OneKeyTiming: Sendable, Hashable {
  /// How soon after the key before it the next key of the habit must come.
  public static let tailGap: TimeInterval = 0.5

  /// What a key typed while waiting is.
  public enum Verdict: Sendable, Hashable {
    /// A letter of the rest of the word: drop it and go on waiting.
    case absorbed
    /// The Enter typed by habit: drop it; the wait is over.
    case finished
    /// Not part of the habit: the wait is over, and the key belongs to the next question.
    case kept
  }

  private var rest: [Character] = []
  private var lastKeyAt: Date?

  /// No one-key answer given yet: nothing to wait for.
  public init() {}

  /// Notes a one-key answer at `now`: `rest` is what of its word the person may still type by habit
  /// (empty for a number).
  public mutating func answered(rest: String, at now: Date) {
    self.rest = Array(rest.lowercased())
    lastKeyAt = now
  }

  /// Until when to wait for the next key of the habit; `nil` once the wait is over.
  public var waitsUntil: Date? { lastKeyAt?.addingTimeInterval(Self.tailGap) }

  /// Judges `key`, typed at `now` while waiting.
  public mutating func judge(_ key: Character, at now: Date) -> Verdict {
    guard let until = waitsUntil, now < until else {
      stop()
      return .kept
    }
    if key == "\r" || key == "\n" {
      stop()
      return .finished
    }
    if let expected = rest.first, key.isASCII, Character(key.lowercased()) == expected {
      rest.removeFirst()
      lastKeyAt = now
      return .absorbed
    }
    stop()
    return .kept
  }

  private mutating func stop() {
    rest = []
    lastKeyAt = nil
  }
}
