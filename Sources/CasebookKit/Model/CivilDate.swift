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

  /// The day and the minute `date` falls on in `calendar`'s time zone (seconds dropped): "now", for
  /// reading the dates people type.
  public init(dateAndTime date: Date, in calendar: Calendar) {
    let parts = calendar.dateComponents([.hour, .minute], from: date)
    self = CivilDate(date, in: calendar)
    minuteOfDay = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
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

  /// The date and time `minutes` minutes later (or earlier, when negative); a date without a time
  /// counts from its midnight.
  public func adding(minutes: Int) -> CivilDate {
    let total = (minuteOfDay ?? 0) + minutes
    let days = total >= 0 ? total / 1440 : -((1439 - total) / 1440)
    var result = adding(days: days)
    result.minuteOfDay = total - days * 1440
    return result
  }

  /// The same day without its time.
  public var dayOnly: CivilDate {
    CivilDate(year: year, month: month, day: day) ?? self
  }

  /// The day of the week: 1 for Monday to 7 for Sunday.
  public var weekday: Int {
    // Days since 1970-01-01, after Howard Hinnant's days_from_civil; that day was a Thursday.
    let shifted = month <= 2 ? year - 1 : year
    let era = (shifted >= 0 ? shifted : shifted - 399) / 400
    let yearOfEra = shifted - era * 400
    let dayOfYear = (153 * ((month + 9) % 12) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    return ((days % 7 + 7) % 7 + 3) % 7 + 1
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
      guard let date = iso(words[0]) else { return nil }
      base = date
    }
    return CivilDate(year: base.year, month: base.month, day: base.day, minuteOfDay: minute)
  }

  /// Reads `YYYY-MM-DD`, exactly 4, 2 and 2 digits, a day that exists.
  static func iso(_ text: some StringProtocol) -> CivilDate? {
    let fields = text.split(separator: "-", omittingEmptySubsequences: false)
    guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
      fields.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
      let year = Int(fields[0]), let month = Int(fields[1]), let day = Int(fields[2])
    else { return nil }
    return CivilDate(year: year, month: month, day: day)
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
