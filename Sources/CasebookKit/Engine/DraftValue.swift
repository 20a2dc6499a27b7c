public import Foundation
import Mustache

/// A saved value as a draft template reads it: written for a person in the draft's language
/// (`15 minutes`, `Thursday 3 December at 10:00`), with transforms for other forms
/// (`{{time(new_time)}}`, `{{day(new_time)}}`, `{{raw(wait_limit)}}`) and, for a chosen answer,
/// a section per answer word or ticked item (`{{#kind.video}}…{{/kind.video}}`).
struct DraftValue: CustomStringConvertible, MustacheTransformable, MustacheParent {
  /// The transforms a template may apply to a saved value.
  static let transforms = ["time", "day", "date", "duration", "raw"]

  let value: Value
  let writer: ValueWriter

  var description: String { writer.written(value) }

  func transform(_ name: String) -> Any? {
    switch (name, value) {
    case ("time", .date(let date)): writer.time(date)
    case ("day", .date(let date)): writer.day(date)
    case ("date", .date(let date)): writer.written(.date(date))
    case ("duration", .duration): writer.written(value)
    case ("raw", _): value.description
    default: nil
    }
  }

  func child(named name: String) -> Any? {
    switch value {
    case .text(let text) where text == name: return true
    case .items(let items) where items.contains(name): return true
    default: return nil
    }
  }
}

/// Writes values as a person writes them, with Foundation's formatters, in one language and zone.
public struct ValueWriter: Sendable {
  let locale: Locale
  let calendar: Calendar
  /// The year a date is written without its year.
  let currentYear: Int

  /// A writer for `language` (English as written in Britain when none), in `timeZone`, for a case
  /// whose dates fall around `year`.
  public init(language: String?, timeZone: TimeZone, year: Int) {
    let language = language ?? "en"
    locale = Locale(identifier: language == "en" ? "en_GB" : language)
    calendar = .gregorian(in: timeZone)
    currentYear = year
  }

  /// `15 minutes`, `1 hour, 30 minutes`, `3 days`; `Thursday 3 December at 10:00`; numbers and
  /// texts as they are.
  public func written(_ value: Value) -> String {
    switch value {
    case .duration(let seconds):
      return Duration.seconds(seconds).formatted(
        Duration.UnitsFormatStyle(allowedUnits: [.days, .hours, .minutes, .seconds], width: .wide).locale(locale))
    case .date(let date):
      guard let moment = moment(of: date) else { return date.description }
      var style = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone)
        .weekday(.wide).day().month(.wide)
      if date.year != currentYear { style = style.year() }
      if date.minuteOfDay != nil { style = style.hour().minute() }
      return moment.formatted(style)
    case .number(let number):
      return number.formatted(.number.locale(locale))
    default:
      return value.description
    }
  }

  /// `10:00`; empty for a day with no time.
  func time(_ date: CivilDate) -> String {
    guard date.minuteOfDay != nil, let moment = moment(of: date) else { return "" }
    return moment.formatted(Date.FormatStyle(locale: locale, calendar: calendar, timeZone: calendar.timeZone).hour().minute())
  }

  /// `Thursday 3 December`.
  func day(_ date: CivilDate) -> String {
    var dayOnly = date
    dayOnly.minuteOfDay = nil
    return written(.date(dayOnly))
  }

  /// The moment `date` names in the writer's zone (noon for a day with no time: it always exists).
  private func moment(of date: CivilDate) -> Date? {
    let minute = date.minuteOfDay ?? 12 * 60
    return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day, hour: minute / 60, minute: minute % 60))
  }
}
