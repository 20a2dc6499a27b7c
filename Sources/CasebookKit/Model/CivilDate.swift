public import Foundation

/// A date on the calendar, with an optional time of day, in no particular time zone.
public struct CivilDate: Sendable, Hashable, Comparable, CustomStringConvertible {
  /// The year, such as 2026.
  public var year: Int
  /// The month, 1 to 12.
  public var month: Int
  /// The day of the month, from 1.
  public var day: Int
  /// The time of day in minutes after midnight, if one was given.
  public var minuteOfDay: Int?

  /// Creates a date; returns `nil` for a day that does not exist.
  public init?(year: Int, month: Int, day: Int, minuteOfDay: Int? = nil) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...Self.daysIn(month: month, year: year)).contains(day)
    else { return nil }
    if let minuteOfDay, !(0..<1440).contains(minuteOfDay) { return nil }
    self.year = year
    self.month = month
    self.day = day
    self.minuteOfDay = minuteOfDay
  }

  /// The day `date` falls on in `calendar`'s time zone.
  public init(_ date: Date, in calendar: Calendar) {
    let parts = calendar.dateComponents([.year, .month, .day], from: date)
    self = CivilDate(year: parts.year ?? 2000, month: parts.month ?? 1, day: parts.day ?? 1) ?? .reference
  }

  /// A fixed day, for reading text whose meaning does not depend on today (a value as written, with
  /// its own date).
  public static let reference = CivilDate(year: 2000, month: 1, day: 1)!

  /// `2026-12-01` or `2026-12-01 14:30`.
  public var description: String {
    let date = "\(year.zeroPadded(4))-\(month.zeroPadded(2))-\(day.zeroPadded(2))"
    guard let minuteOfDay else { return date }
    return "\(date) \((minuteOfDay / 60).zeroPadded(2)):\((minuteOfDay % 60).zeroPadded(2))"
  }

  /// The next calendar day, keeping the time.
  public var nextDay: CivilDate {
    var year = year
    var month = month
    var day = day + 1
    if day > Self.daysIn(month: month, year: year) {
      day = 1
      month += 1
      if month > 12 {
        month = 1
        year += 1
      }
    }
    return CivilDate(year: year, month: month, day: day, minuteOfDay: minuteOfDay) ?? self
  }

  /// The date `days` days later (or earlier, when negative), keeping the time.
  public func adding(days: Int) -> CivilDate {
    var result = self
    var remaining = days
    while remaining > 0 {
      result = result.nextDay
      remaining -= 1
    }
    while remaining < 0 {
      result = result.previousDay
      remaining += 1
    }
    return result
  }

  /// The previous calendar day, keeping the time.
  public var previousDay: CivilDate {
    var year = year
    var month = month
    var day = day - 1
    if day < 1 {
      month -= 1
      if month < 1 {
        month = 12
        year -= 1
      }
      day = Self.daysIn(month: month, year: year)
    }
    return CivilDate(year: year, month: month, day: day, minuteOfDay: minuteOfDay) ?? self
  }

  public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
    (lhs.year, lhs.month, lhs.day, lhs.minuteOfDay ?? -1)
      < (rhs.year, rhs.month, rhs.day, rhs.minuteOfDay ?? -1)
  }

  /// Reads `YYYY-MM-DD`, optionally followed by ` HH:MM` or `THH:MM`, or `today` / `tomorrow`
  /// with an optional time.
  public static func parse(_ text: String, today: CivilDate) -> CivilDate? {
    let lowered = text.lowercased()
    var words = lowered.split(separator: " ")
    if words.count == 1, let separator = lowered.firstIndex(of: "t"),
      lowered.distance(from: lowered.startIndex, to: separator) == 10
    {
      words = [lowered[..<separator], lowered[lowered.index(after: separator)...]]
    }
    guard (1...2).contains(words.count) else { return nil }
    var minute: Int?
    if words.count == 2 {
      guard let parsed = parseTime(words[1]) else { return nil }
      minute = parsed
    }
    let base: CivilDate
    switch words[0] {
    case "today": base = today
    case "tomorrow": base = today.nextDay
    default:
      let fields = words[0].split(separator: "-", omittingEmptySubsequences: false)
      guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
        let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2]),
        let date = CivilDate(year: year, month: month, day: day)
      else { return nil }
      base = date
    }
    return CivilDate(year: base.year, month: base.month, day: base.day, minuteOfDay: minute)
  }

  private static func parseTime(_ text: Substring) -> Int? {
    let fields = text.split(separator: ":", omittingEmptySubsequences: false)
    guard fields.count == 2, (1...2).contains(fields[0].count), fields[1].count == 2,
      let hour = Int(fields[0]), let minute = Int(fields[1]), (0..<24).contains(hour),
      (0..<60).contains(minute)
    else { return nil }
    return hour * 60 + minute
  }

  static func daysIn(month: Int, year: Int) -> Int {
    switch month {
    case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: 30
    default: 31
    }
  }

}
