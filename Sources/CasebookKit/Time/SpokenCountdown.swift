public import Foundation

/// A countdown for people who cannot watch one: instead of a figure redrawn every second (which a
/// screen reader reads out each time), a plain line at set points: half-way, 5 minutes left and
/// 1 minute left, those still ahead when the countdown starts. The expiry itself is the engine's
/// own announcement.
public struct SpokenCountdown: Sendable, Equatable {
  /// The deadline counted down to.
  public let deadline: Date
  private var pending: [(at: Date, text: String)]

  /// Counts down from `start` to `deadline`.
  public init(deadline: Date, start: Date) {
    self.deadline = deadline
    let total = deadline.timeIntervalSince(start)
    var points: [(at: Date, text: String)] = []
    for minutes in [5, 1] where total > Double(minutes * 60) {
      points.append((deadline.addingTimeInterval(-Double(minutes * 60)), Self.left(seconds: minutes * 60)))
    }
    // Half-way only when it is not as good as one of the others (within a minute of them).
    let half = start.addingTimeInterval(total / 2)
    if total >= 4 * 60, !points.contains(where: { abs($0.at.timeIntervalSince(half)) < 60 }) {
      let remaining = Int((total / 2).rounded())
      points.append((half, "Half the wait has passed: " + Self.left(seconds: remaining)))
    }
    pending = points.sorted { $0.at < $1.at }
  }

  /// The line due at `now`, if one is; each is given once, and points passed together give only
  /// the latest.
  public mutating func announcement(at now: Date) -> String? {
    let due = pending.filter { $0.at <= now }
    guard let latest = due.last else { return nil }
    pending.removeFirst(due.count)
    return latest.text
  }

  /// `"12 minutes left."`, `"1 minute left."`, `"1 minute 30 seconds left."`
  static func left(seconds: Int) -> String {
    let minutes = seconds / 60
    let rest = seconds % 60
    var parts: [String] = []
    if minutes > 0 { parts.append("\(minutes) minute\(minutes == 1 ? "" : "s")") }
    if rest > 0 || minutes == 0 { parts.append("\(rest) second\(rest == 1 ? "" : "s")") }
    return parts.joined(separator: " ") + " left."
  }

  public static func == (lhs: SpokenCountdown, rhs: SpokenCountdown) -> Bool {
    lhs.deadline == rhs.deadline && lhs.pending.map(\.at) == rhs.pending.map(\.at)
  }
}
