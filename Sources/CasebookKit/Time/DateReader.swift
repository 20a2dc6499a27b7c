import Synchronization

/// Reads the dates people type: `2026-12-05 16:00`, `tomorrow 9am`, `friday`, `next fri at 16h30`,
/// `in 3 days`, `in 90 minutes`, `5/12`, `5.12.26`, `5 december`, `dec 5`, `16:00`, `noon`.
///
/// A day and a time may come in either order, with `at` before the time. Numbers with `/` or `.`
/// are day then month, as the guidance's readers write them; with `/`, a month/day that only reads
/// one way (`12/25`) is taken that way. A day named without a year is the next one on or after
/// today; a weekday alone is the first after today, and `next friday` the Friday of next week
/// (weeks begin on Monday). A time alone is today if it is still ahead, else tomorrow.
///
/// Each reading says whether its meaning was inferred (a weekday, a day and month in numbers, a time
/// without a day, a day and month that fell in a later year), so that the person can confirm it.
public struct DateReader: Sendable {
  /// A date read from what was typed.
  public struct Reading: Sendable, Hashable {
    /// The date, with the time of day if one was typed or implied.
    public var date: CivilDate
    /// Whether the meaning was inferred and should be confirmed before it is kept.
    public var isInferred: Bool

    /// Creates a reading.
    public init(date: CivilDate, isInferred: Bool) {
      self.date = date
      self.isInferred = isInferred
    }
  }

  // The word tables are built at the first date read, not when a case starts: most steps of a
  // case never read one, and building them is a measurable part of the start-up.
  private let lazyLexicon: LazyLexicon

  private var lexicon: DateLexicon { lazyLexicon.value }

  /// A reader of the words in `tables`; where two tables give a word different meanings, the
  /// first wins.
  public init(words tables: [DateWords]) {
    lazyLexicon = LazyLexicon(tables)
  }

  /// A reader for a case in `language`: its words, if Casebook has them, and always English's.
  public init(language: String?) {
    self.init(words: DateWords.tables(for: language))
  }

  /// A reader of English.
  public static let english = DateReader(words: [.english])

  /// Reads `text` as a date.
  ///
  /// - Parameters:
  ///   - text: What the person typed.
  ///   - now: The date and time of day now, in the case's time zone.
  /// - Returns: The reading, or `nil` if the text is not a date (or names one that does not exist).
  ///
  /// A reading that falls before now (`today 17:00` typed in the evening) is confirmed, unless it
  /// was written out in full.
  public func read(_ text: String, now: CivilDate) -> Reading? {
    let tokens = lexicon.tokens(of: text)
    guard !tokens.isEmpty, tokens.count <= 8, var reading = reading(tokens, now: now) else { return nil }
    let isPast = reading.date.dayOnly < now.dayOnly || (reading.date.minuteOfDay != nil && reading.date < now)
    if isPast, CivilDate.iso(tokens[0]) == nil { reading.isInferred = true }
    return reading
  }

  private func reading(_ tokens: [String], now: CivilDate) -> Reading? {
    let all = tokens[...]
    if let span = span(all), span.unit == .hour || span.unit == .minute {
      let minutes = span.count * (span.unit == .hour ? 60 : 1)
      return Reading(date: now.adding(minutes: minutes), isInferred: false)
    }
    if let day = day(all, now: now) { return day }
    for split in 1..<tokens.count {
      let (left, right) = (all[..<split], all[split...])
      if let day = day(left, now: now), let minute = time(right) { return day.at(minute) }
      if let minute = time(left), let day = day(right, now: now) { return day.at(minute) }
    }
    guard let minute = time(all) else { return nil }
    let today = Reading(date: now.dayOnly, isInferred: true)
    return minute > (now.minuteOfDay ?? -1) ? today.at(minute) : today.adding(days: 1).at(minute)
  }

  // MARK: - Days

  /// A day: named from today, a span of days, a weekday, ISO, numbers or a month's name; an `on`
  /// word may come first.
  private func day(_ tokens: ArraySlice<String>, now: CivilDate) -> Reading? {
    if let day = bareDay(tokens, now: now) { return day }
    guard let rest = lexicon.dropPrefix(lexicon.on, from: tokens), !rest.isEmpty else { return nil }
    return bareDay(rest, now: now)
  }

  private func bareDay(_ tokens: ArraySlice<String>, now: CivilDate) -> Reading? {
    let today = Reading(date: now.dayOnly, isInferred: false)
    if let offset = lexicon.relativeDays[Array(tokens)] { return today.adding(days: offset) }
    if let span = span(tokens), span.unit == .day || span.unit == .week {
      return today.adding(days: span.count * (span.unit == .week ? 7 : 1))
    }
    if let weekday = weekday(tokens, today: today.date) { return Reading(date: weekday, isInferred: true) }
    if tokens.count == 1, let token = tokens.first {
      if let iso = CivilDate.iso(token) { return Reading(date: iso, isInferred: false) }
      return numericDay(token, today: today.date)
    }
    return namedMonthDay(tokens, today: today.date)
  }

  /// `friday`, `this friday`, `next friday`, `friday next` (`jumat depan`).
  private func weekday(_ tokens: ArraySlice<String>, today: CivilDate) -> CivilDate? {
    enum Which { case first, thisWeek, nextWeek }
    var tokens = tokens
    var which = Which.first
    if tokens.count == 2, let first = tokens.first, let last = tokens.last {
      if lexicon.next.contains(first) || lexicon.next.contains(last) {
        which = .nextWeek
      } else if lexicon.this.contains(first) || lexicon.this.contains(last) {
        which = .thisWeek
      } else {
        return nil
      }
      tokens = lexicon.weekdays[first] == nil ? tokens.dropFirst() : tokens.dropLast()
    }
    guard tokens.count == 1, let name = tokens.first, let target = lexicon.weekdays[name] else { return nil }
    let ahead = (target - today.weekday + 7) % 7
    switch which {
    case .first: return today.adding(days: ahead == 0 ? 7 : ahead)
    case .thisWeek: return today.adding(days: ahead)
    case .nextWeek: return today.adding(days: 7 - today.weekday + target)
    }
  }

  /// `5/12`, `5.12`, `5/12/2026`, `5.12.26`: day then month; with `/`, month then day when only
  /// that reads (`12/25`).
  private func numericDay(_ token: String, today: CivilDate) -> Reading? {
    let trimmed = token.hasSuffix(".") ? token.dropLast() : Substring(token)
    let separator: Character = trimmed.contains("/") ? "/" : "."
    let fields = trimmed.split(separator: separator, omittingEmptySubsequences: false)
    guard (2...3).contains(fields.count), let first = Self.number(fields[0], digits: 1...2),
      let second = Self.number(fields[1], digits: 1...2)
    else { return nil }
    var year: Int?
    if fields.count == 3 {
      guard let written = Self.number(fields[2], digits: 2...4), fields[2].count != 3 else { return nil }
      year = written < 100 ? 2000 + written : written
    }
    let read = Self.day(first, month: second, year: year, from: today)
      ?? (separator == "/" ? Self.day(second, month: first, year: year, from: today) : nil)
    return read.map { Reading(date: $0.date, isInferred: true) }
  }

  /// `5 december`, `december 5`, `5th dec 2026`, `5 grudnia`: inferred only when, without a year,
  /// the day has passed this year.
  private func namedMonthDay(_ tokens: ArraySlice<String>, today: CivilDate) -> Reading? {
    guard (2...3).contains(tokens.count) else { return nil }
    let words = Array(tokens)
    let (dayWord, monthWord) = lexicon.months[words[0]] != nil ? (words[1], words[0]) : (words[0], words[1])
    guard let month = lexicon.months[monthWord], let day = lexicon.dayNumber(dayWord) else { return nil }
    var year: Int?
    if words.count == 3 {
      guard let written = Self.number(words[2], digits: 4...4) else { return nil }
      year = written
    }
    let read = Self.day(day, month: month, year: year, from: today)
    return read.map { Reading(date: $0.date, isInferred: $0.rolled) }
  }

  /// The day `day`.`month` of `year`, or without one the next such day on or after `today`, and
  /// whether that fell in a later year.
  private static func day(
    _ day: Int, month: Int, year: Int?, from today: CivilDate
  ) -> (date: CivilDate, rolled: Bool)? {
    if let year { return CivilDate(year: year, month: month, day: day).map { ($0, false) } }
    guard (1...12).contains(month) else { return nil }
    // A 29 February comes back within eight years.
    for ahead in 0...8 {
      if let date = CivilDate(year: today.year + ahead, month: month, day: day), date >= today {
        return (date, ahead > 0)
      }
    }
    return nil
  }

  // MARK: - Spans and times

  /// `in 3 days`, `in a week`, `in 2h`, `za tydzień`, `3 hari lagi`.
  private func span(_ tokens: ArraySlice<String>) -> (count: Int, unit: DateWords.SpanUnit)? {
    var tokens = tokens
    var marked = false
    if let rest = lexicon.dropPrefix(lexicon.within, from: tokens) { (tokens, marked) = (rest, true) }
    if let rest = lexicon.dropSuffix(lexicon.later, from: tokens) { (tokens, marked) = (rest, true) }
    guard marked, let last = tokens.last else { return nil }
    switch tokens.count {
    case 1:
      // `2h`, `90min`, or a unit alone (`za tydzień`).
      let digits = last.prefix { $0.isASCII && $0.isNumber }
      guard let unit = lexicon.spanUnits[String(last.dropFirst(digits.count))] else { return nil }
      if digits.isEmpty { return (1, unit) }
      return Self.number(digits, digits: 1...4).flatMap { $0 > 0 ? ($0, unit) : nil }
    case 2:
      guard let unit = lexicon.spanUnits[last], let first = tokens.first else { return nil }
      if lexicon.one.contains(first) { return (1, unit) }
      return Self.number(first, digits: 1...4).flatMap { $0 > 0 ? ($0, unit) : nil }
    default:
      return nil
    }
  }

  /// A time of day in minutes after midnight: `16:00`, `16.00`, `16h`, `16h30`, `9am`, `9 am`,
  /// `9:30pm`, `noon`; an `at` word may come first.
  private func time(_ tokens: ArraySlice<String>) -> Int? {
    if let minute = bareTime(tokens) { return minute }
    guard let rest = lexicon.dropPrefix(lexicon.at, from: tokens), !rest.isEmpty else { return nil }
    return bareTime(rest)
  }

  private func bareTime(_ tokens: ArraySlice<String>) -> Int? {
    if let minute = lexicon.timesOfDay[Array(tokens)] { return minute }
    guard let first = tokens.first else { return nil }
    switch tokens.count {
    case 1: return clock(first)
    case 2:
      guard let mark = tokens.last, lexicon.isMeridiem(mark) else { return nil }
      return clock(first + mark)
    default: return nil
    }
  }

  private func clock(_ text: String) -> Int? {
    if let (core, afternoon) = lexicon.splitMeridiem(text) {
      guard let (hour, minute) = Self.hourAndMinute(core, separators: [":", "."], minutesNeeded: false),
        (1...12).contains(hour)
      else { return nil }
      return (hour % 12 + (afternoon ? 12 : 0)) * 60 + minute
    }
    // `16h` and `16h30`, as the French write them; else `16:00` or `16.00`, minutes needed.
    let writtenWithH = text.contains("h")
    guard
      let (hour, minute) = Self.hourAndMinute(
        Substring(text), separators: writtenWithH ? ["h"] : [":", "."], minutesNeeded: !writtenWithH),
      (0..<24).contains(hour)
    else { return nil }
    return hour * 60 + minute
  }

  /// `9`, `9:30`, `16.05`, `16h`, `16h30`: an hour of one or two digits, then a separator and two
  /// digits of minutes (which may be left out after `h`, or when not `minutesNeeded`).
  private static func hourAndMinute(
    _ text: Substring, separators: Set<Character>, minutesNeeded: Bool
  ) -> (Int, Int)? {
    let fields = text.split(omittingEmptySubsequences: false, whereSeparator: separators.contains)
    guard (1...2).contains(fields.count), let hour = number(fields[0], digits: 1...2) else { return nil }
    if fields.count == 1 { return minutesNeeded ? nil : (hour, 0) }
    if fields[1].isEmpty, separators == ["h"] { return (hour, 0) }
    guard let minute = number(fields[1], digits: 2...2), minute < 60 else { return nil }
    return (hour, minute)
  }

  /// A number of `digits` ASCII digits, no sign.
  static func number(_ text: some StringProtocol, digits: ClosedRange<Int>) -> Int? {
    guard digits.contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
    return Int(text)
  }
}

extension DateReader.Reading {
  fileprivate func at(_ minute: Int) -> DateReader.Reading {
    var reading = self
    reading.date.minuteOfDay = minute
    return reading
  }

  fileprivate func adding(days: Int) -> DateReader.Reading {
    DateReader.Reading(date: date.adding(days: days), isInferred: isInferred)
  }
}

/// A ``DateLexicon`` built on first use, once, whichever thread asks first.
private final class LazyLexicon: Sendable {
  private let tables: [DateWords]
  private let built = Mutex<DateLexicon?>(nil)

  init(_ tables: [DateWords]) {
    self.tables = tables
  }

  var value: DateLexicon {
    built.withLock { built in
      if let built { return built }
      let lexicon = DateLexicon(tables)
      built = lexicon
      return lexicon
    }
  }
}
