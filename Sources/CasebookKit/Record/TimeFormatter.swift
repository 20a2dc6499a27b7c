public import Foundation

/// Formats times for people in one time zone, without locale surprises.
public struct TimeFormatter: Sendable {
  private let calendar: Calendar

  /// Creates a formatter for `timeZone`.
  public init(timeZone: TimeZone) {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    self.calendar = calendar
  }

  /// `2026-11-24 14:03`.
  public func dateTime(_ date: Date) -> String {
    "\(day(date)) \(clock(date))"
  }

  /// `2026-11-24`.
  public func day(_ date: Date) -> String {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    return "\(pad(parts.year ?? 0, 4))-\(pad(parts.month ?? 0, 2))-\(pad(parts.day ?? 0, 2))"
  }

  /// `14:03`.
  public func clock(_ date: Date) -> String {
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    return "\(pad(parts.hour ?? 0, 2)):\(pad(parts.minute ?? 0, 2))"
  }

  private func pad(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return String(repeating: "0", count: max(0, width - digits.count)) + digits
  }
}
