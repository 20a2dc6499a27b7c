import Foundation

/// The time, from the system or, for golden transcripts, from `CASEBOOK_FAKE_NOW`.
///
/// A fake clock starts at the given ISO 8601 time and moves a minute on at every reading, so that
/// whole runs produce the same record every time.
final class Clock {
  private var fake: Date?

  init(environment: [String: String]) {
    if let text = environment["CASEBOOK_FAKE_NOW"] {
      fake = try? Date(text, strategy: .iso8601)
    }
  }

  func now() -> Date {
    guard let current = fake else { return Date() }
    fake = current.addingTimeInterval(60)
    return current
  }
}
