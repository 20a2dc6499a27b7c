public import Foundation

/// Formats times for people in one time zone, without locale surprises.
public struct TimeFormatter: Sendable {
  private let calendar: Calendar

  /// Creates a formatter for `timeZone`.
  public init(timeZone: TimeZone) {
    calendar = .gregorian(in: timeZone)
  }

  /// `2026-11-24 14:03`.
  public func dateTime(_ date: Date) -> String {
    "\(day(date)) \(clock(date))"
  }

  /// `2026-11-24`.
  public func day(_ date: Date) -> String {
    CivilDate(date, in: calendar).description
  }

  /// `14:03`.
  public func clock(_ date: Date) -> String {
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return "\((parts.hour ?? 0).zeroPadded(2)):\((parts.minute ?? 0).zeroPadded(2))"
  }
}
