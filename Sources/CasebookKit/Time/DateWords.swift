/// The words one language uses for the dates people type, for ``DateReader``.
///
/// A table, so that a language is added by writing one, not code. Words are matched ignoring case
/// and accents (`srode` is `środę`); a phrase of several words is written with single spaces.
public struct DateWords: Sendable, Hashable {
  /// A unit of a span of time from now, as in `in 3 days` or `in 90 minutes`.
  public enum SpanUnit: Sendable, Hashable {
    /// Whole days: the span names a day.
    case day
    /// Whole weeks: the span names a day.
    case week
    /// Hours: the span names a time.
    case hour
    /// Minutes: the span names a time.
    case minute
  }

  /// The language's code, such as `en` or `pl`.
  public var language: String
  /// Days named by how far they are from today: `today` 0, `tomorrow` 1, `day after tomorrow` 2.
  public var relativeDays: [String: Int]
  /// The names of the days of the week with their abbreviations, Monday first.
  public var weekdays: [[String]]
  /// The names of the months with their abbreviations (and any other forms, such as Polish
  /// genitives), January first.
  public var months: [[String]]
  /// Words that make a weekday the one in next week, before or after it (`next`, `depan`).
  public var next: [String]
  /// Words that make a weekday the first on or after today, before or after it (`this`, `ini`).
  public var this: [String]
  /// Words that may stand before a day and mean nothing more (`on`, Polish `w`).
  public var on: [String]
  /// Words that may stand before a time (`at`, `à`, `o`).
  public var at: [String]
  /// Words that begin a span from now (`in`, `dalam`, `za`, `dans`).
  public var within: [String]
  /// Words that end a span from now (Indonesian `lagi`: `3 hari lagi`).
  public var later: [String]
  /// Words for one, in a span without a number (`in a week`, `dans une semaine`).
  public var one: [String]
  /// Endings that make a number an ordinal, as in `5th december` or `1er décembre`.
  public var ordinals: [String]
  /// The units of a span, by name (`days`, `hours`).
  public var spanUnits: [String: SpanUnit]
  /// Times of day by name, as minutes after midnight (`noon` 720).
  public var timesOfDay: [String: Int]
  /// Marks after a 12-hour time before noon (`am`).
  public var am: [String]
  /// Marks after a 12-hour time from noon (`pm`).
  public var pm: [String]

  /// Creates a table.
  public init(
    language: String, relativeDays: [String: Int], weekdays: [[String]], months: [[String]], next: [String],
    this: [String], on: [String], at: [String], within: [String], later: [String] = [], one: [String] = [],
    ordinals: [String] = [], spanUnits: [String: SpanUnit], timesOfDay: [String: Int], am: [String] = [],
    pm: [String] = []
  ) {
    self.language = language
    self.relativeDays = relativeDays
    self.weekdays = weekdays
    self.months = months
    self.next = next
    self.this = this
    self.on = on
    self.at = at
    self.within = within
    self.later = later
    self.one = one
    self.ordinals = ordinals
    self.spanUnits = spanUnits
    self.timesOfDay = timesOfDay
    self.am = am
    self.pm = pm
  }

  /// Every table Casebook has, English first.
  public static let all: [DateWords] = [.english, .indonesian, .polish, .french]

  /// The tables for a case in `language`: its own, if Casebook has one, and English, whose words
  /// are always accepted.
  public static func tables(for language: String?) -> [DateWords] {
    guard let language, language != "en", let own = all.first(where: { $0.language == language })
    else { return [.english] }
    return [own, .english]
  }

  /// English.
  public static let english = DateWords(
    language: "en",
    relativeDays: [
      "today": 0, "tomorrow": 1, "tmrw": 1, "day after tomorrow": 2, "the day after tomorrow": 2,
    ],
    weekdays: [
      ["monday", "mon"], ["tuesday", "tue", "tues"], ["wednesday", "wed"], ["thursday", "thu", "thur", "thurs"],
      ["friday", "fri"], ["saturday", "sat"], ["sunday", "sun"],
    ],
    months: [
      ["january", "jan"], ["february", "feb"], ["march", "mar"], ["april", "apr"], ["may"], ["june", "jun"],
      ["july", "jul"], ["august", "aug"], ["september", "sep", "sept"], ["october", "oct"],
      ["november", "nov"], ["december", "dec"],
    ],
    next: ["next"], this: ["this", "coming"], on: ["on"], at: ["at"], within: ["in"],
    later: ["from now", "later"], one: ["a", "an", "one"], ordinals: ["st", "nd", "rd", "th"],
    spanUnits: [
      "day": .day, "days": .day, "week": .week, "weeks": .week, "hour": .hour, "hours": .hour, "hr": .hour,
      "hrs": .hour, "h": .hour, "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
    ],
    timesOfDay: ["noon": 720, "midday": 720, "midnight": 0],
    am: ["am", "a.m.", "a.m"], pm: ["pm", "p.m.", "p.m"])
}
