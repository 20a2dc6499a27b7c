public import Foundation

extension Calendar {
  /// The Gregorian calendar in `timeZone`: the one way Casebook reads days (dates, due dates).
  public static func gregorian(in timeZone: TimeZone) -> Calendar {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = timeZone
    return calendar
  }
}
