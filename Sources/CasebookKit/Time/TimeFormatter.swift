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
    return Self.clock(minuteOfDay: (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
  }

  /// `Friday 5 December, 16:00`: a day as a person writes it, with its weekday and month name in
  /// `locale`'s words and order, the year if asked for, and the time, if any, as `16:00`.
  ///
  /// - Parameters:
  ///   - date: The day, with a time of day or none.
  ///   - withYear: Whether to write the year.
  ///   - locale: The language and region whose way of writing dates is used.
  public func written(_ date: CivilDate, withYear: Bool, locale: Locale) -> String {
    let formatter = DateFormatter()
    formatter.calendar = calendar
    formatter.timeZone = calendar.timeZone
    formatter.locale = locale
    // The year after the day as written without it: ICU's template with a year puts a comma after
    // the weekday in English ("Wednesday, 12 May 2027"), unlike the same day without one.
    formatter.setLocalizedDateFormatFromTemplate("EEEEdMMMM")
    // Noon of the day: it exists whatever the zone's changes of clock.
    guard let noon = calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: 12))
    else { return date.description }
    let day = formatter.string(from: noon) + (withYear ? " \(date.year)" : "")
    return date.minuteOfDay.map { "\(day), \(Self.clock(minuteOfDay: $0))" } ?? day
  }

  private static func clock(minuteOfDay: Int) -> String {
    "\((minuteOfDay / 60).zeroPadded(2)):\((minuteOfDay % 60).zeroPadded(2))"
  }
}
