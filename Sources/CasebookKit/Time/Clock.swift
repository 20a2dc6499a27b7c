public import Foundation
import Synchronization

/// The one source of the time: every part of Casebook that needs "now" is handed a clock.
///
/// The system clock reads the machine's time. A fake clock starts at a chosen instant and then
/// either moves on a fixed step at every reading (whole runs write the same record every time) or
/// runs in real time from there (a countdown a test can watch, on a date that never changes).
public final class Clock: Sendable {
  /// How a clock tells the time.
  public enum Kind: Sendable, Hashable {
    /// The machine's time.
    case system
    /// Starts at `start` and moves on by `step` after every reading.
    case stepped(from: Date, step: TimeInterval)
    /// Starts at `start` and runs in real time.
    case running(from: Date)
  }

  /// How this clock tells the time.
  public let kind: Kind
  private let nextReading: Mutex<Date>
  private let created = ContinuousClock.now

  /// Creates a clock of the given kind.
  public init(_ kind: Kind) {
    self.kind = kind
    switch kind {
    case .system, .running: nextReading = Mutex(.distantPast)
    case .stepped(let start, _): nextReading = Mutex(start)
    }
  }

  /// The machine's clock.
  public static var system: Clock { Clock(.system) }

  /// The clock that an environment asks for: `CASEBOOK_FAKE_NOW` (an ISO 8601 time) starts a fake
  /// clock, stepped a minute at each reading unless `CASEBOOK_FAKE_CLOCK=running`; else the system's.
  public static func from(environment: [String: String]) -> Clock {
    guard let text = environment["CASEBOOK_FAKE_NOW"], let start = try? Date(text, strategy: .iso8601) else {
      return .system
    }
    if environment["CASEBOOK_FAKE_CLOCK"] == "running" { return Clock(.running(from: start)) }
    return Clock(.stepped(from: start, step: 60))
  }

  /// The time now.
  public func now() -> Date {
    switch kind {
    case .system:
      // The only reading of the machine's wall clock in Casebook.
      return Date()
    case .stepped(_, let step):
      return nextReading.withLock { next in
        defer { next = next.addingTimeInterval(step) }
        return next
      }
    case .running(let start):
      let elapsed = ContinuousClock.now - created
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      return start.addingTimeInterval(seconds)
    }
  }
}
