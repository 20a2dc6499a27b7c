import CasebookKit
import Testing

/// The dates people type, read against a fixed "now": Tuesday 24 November 2026, 10:00. No test here
/// reads the machine's clock or zone.
@Suite struct DateReaderTests {
  static let now = CivilDate(year: 2026, month: 11, day: 24, minuteOfDay: 600)!

  /// What `text` reads as: the canonical date, and whether it is to be confirmed; `nil` if refused.
  func read(_ text: String, now: CivilDate = Self.now, reader: DateReader = .english) -> String? {
    reader.read(text, now: now).map { "\($0.date)" + ($0.isInferred ? " (to confirm)" : "") }
  }

  @Test(arguments: [
    ("2026-12-05", "2026-12-05"), ("2026-12-05 16:00", "2026-12-05 16:00"), ("2026-12-05T16:00", "2026-12-05 16:00"),
    ("2026-12-05 4pm", "2026-12-05 16:00"), ("2026-12-05 at 9:05", "2026-12-05 09:05"), ("2020-01-01", "2020-01-01"),
  ])
  func `ISO dates and times are read as written, at once`(text: String, expected: String) {
    #expect(read(text) == expected)
  }

  @Test(arguments: [
    ("today", "2026-11-24"), ("tomorrow", "2026-11-25"), ("day after tomorrow", "2026-11-26"),
    ("the day after tomorrow", "2026-11-26"), ("today 16:00", "2026-11-24 16:00"),
    ("tomorrow 9am", "2026-11-25 09:00"), ("tomorrow at 9am", "2026-11-25 09:00"), ("9am tomorrow", "2026-11-25 09:00"),
    ("at 9am tomorrow", "2026-11-25 09:00"), ("tomorrow noon", "2026-11-25 12:00"),
  ])
  func `today, tomorrow and the day after are read at once, with or without a time`(text: String, expected: String) {
    #expect(read(text) == expected)
  }

  @Test func `a time already past is confirmed, unless the date was written out`() {
    #expect(read("today 8:00") == "2026-11-24 08:00 (to confirm)")
    #expect(read("2026-11-24 08:00") == "2026-11-24 08:00")
    #expect(read("2020-01-01") == "2020-01-01")
  }

  @Test(arguments: [
    ("in 3 days", "2026-11-27"), ("in 1 day", "2026-11-25"), ("in a day", "2026-11-25"), ("in 2 weeks", "2026-12-08"),
    ("in a week", "2026-12-01"), ("3 days from now", "2026-11-27"), ("in 3 days at 16:00", "2026-11-27 16:00"),
    ("in 2 hours", "2026-11-24 12:00"), ("in 90 minutes", "2026-11-24 11:30"), ("in 2h", "2026-11-24 12:00"),
    ("in 45 min", "2026-11-24 10:45"), ("in 15 hours", "2026-11-25 01:00"),
  ])
  func `in N days, weeks, hours or minutes is read at once`(text: String, expected: String) {
    #expect(read(text) == expected)
  }

  @Test(arguments: [
    ("friday", "2026-11-27"), ("fri", "2026-11-27"), ("Friday", "2026-11-27"), ("on friday", "2026-11-27"),
    ("this friday", "2026-11-27"), ("sunday", "2026-11-29"), ("wed", "2026-11-25"),
    // Today is a Tuesday: a bare weekday is the first after today; "this" may be today.
    ("tuesday", "2026-12-01"), ("tue", "2026-12-01"), ("this tuesday", "2026-11-24"),
  ])
  func `a weekday is the first such day after today, and is confirmed`(text: String, expected: String) {
    #expect(read(text) == "\(expected) (to confirm)")
  }

  @Test(arguments: [
    ("next friday", "2026-12-04"), ("next fri", "2026-12-04"), ("next tuesday", "2026-12-01"),
    ("next monday", "2026-11-30"), ("next sunday", "2026-12-06"), ("next friday 16:00", "2026-12-04 16:00"),
  ])
  func `next friday is the friday of next week, weeks beginning on monday`(text: String, expected: String) {
    #expect(read(text) == "\(expected) (to confirm)")
  }

  @Test(arguments: [
    ("5/12", "2026-12-05"), ("5.12", "2026-12-05"), ("05/12", "2026-12-05"), ("5/12/2026", "2026-12-05"),
    ("5.12.26", "2026-12-05"), ("5.12.2026", "2026-12-05"), ("25/12", "2026-12-25"), ("12/25", "2026-12-25"),
    ("12/25/2026", "2026-12-25"), ("24/11", "2026-11-24"), ("1/2", "2027-02-01"), ("5/12 16:00", "2026-12-05 16:00"),
    ("16:00 5/12", "2026-12-05 16:00"), ("5.12. 9am", "2026-12-05 09:00"),
  ])
  func `numbers are day then month, or month then day when only that reads, and are confirmed`(
    text: String, expected: String
  ) {
    #expect(read(text) == "\(expected) (to confirm)")
  }

  @Test(arguments: [
    ("5 december", "2026-12-05"), ("december 5", "2026-12-05"), ("dec 5", "2026-12-05"), ("5 dec", "2026-12-05"),
    ("5th dec", "2026-12-05"), ("Dec 5, 2026", "2026-12-05"), ("5 december 2027", "2027-12-05"),
    ("24 nov", "2026-11-24"), ("dec 5 16:00", "2026-12-05 16:00"), ("5 dec at 4pm", "2026-12-05 16:00"),
  ])
  func `a month's name with a day is read at once while the day is ahead this year`(text: String, expected: String) {
    #expect(read(text) == expected)
  }

  @Test func `a month's name with a day that has passed this year is next year's, and is confirmed`() {
    #expect(read("23 nov") == "2027-11-23 (to confirm)")
    #expect(read("jan 5") == "2027-01-05 (to confirm)")
    #expect(read("5 january 2027") == "2027-01-05")
  }

  @Test(arguments: [
    ("16:00", "2026-11-24 16:00"), ("16.00", "2026-11-24 16:00"), ("16h", "2026-11-24 16:00"),
    ("16h30", "2026-11-24 16:30"), ("9:30pm", "2026-11-24 21:30"), ("12pm", "2026-11-24 12:00"),
    ("noon", "2026-11-24 12:00"), ("at 10:01", "2026-11-24 10:01"), ("11 p.m.", "2026-11-24 23:00"),
    // Now is 10:00: a time not ahead of it is tomorrow's.
    ("9am", "2026-11-25 09:00"), ("9 am", "2026-11-25 09:00"), ("10:00", "2026-11-25 10:00"),
    ("12am", "2026-11-25 00:00"), ("midnight", "2026-11-25 00:00"), ("0:30", "2026-11-25 00:30"),
  ])
  func `a time alone is today while it is still ahead, else tomorrow, and is confirmed`(text: String, expected: String) {
    #expect(read(text) == "\(expected) (to confirm)")
  }

  @Test(arguments: [
    ("friday 16:00", "2026-11-27 16:00"), ("16:00 friday", "2026-11-27 16:00"), ("friday at 16:00", "2026-11-27 16:00"),
    ("friday at 4pm", "2026-11-27 16:00"), ("fri 16h30", "2026-11-27 16:30"), ("friday noon", "2026-11-27 12:00"),
    ("at 9am on friday", "2026-11-27 09:00"),
  ])
  func `a day and a time come in either order, with or without at`(text: String, expected: String) {
    #expect(read(text) == "\(expected) (to confirm)")
  }

  @Test func `case and extra spaces do not matter`() {
    #expect(read("  TOMORROW   At  9 AM ") == "2026-11-25 09:00")
    #expect(read("Next   FRIDAY") == "2026-12-04 (to confirm)")
    #expect(read("In 3 Days") == "2026-11-27")
  }

  @Test(arguments: [
    "", "   ", "soon", "yesterday", "31/2", "2/31", "32/1", "0/5", "5/13/2026/1", "25:00", "16:60", "12:5", "13pm",
    "0am", "friday friday", "tomorrow tomorrow", "friday 25:00", "2026-12-05 2026-12-06", "2026-02-29", "2026-13-01",
    "5", "16", "next", "next week", "in 0 days", "in -3 days", "in 3 parsecs", "in days 3", "+5/12", "5/12/123",
    "friday 9", "9 xm", "2026-12-05T", "4pm 5pm",
  ])
  func `nonsense is refused`(text: String) {
    #expect(read(text) == nil)
  }

  @Test func `days roll over into the next month and year`() {
    let newYearsEve = CivilDate(year: 2026, month: 12, day: 31, minuteOfDay: 22 * 60)!  // a Thursday
    #expect(read("tomorrow", now: newYearsEve) == "2027-01-01")
    #expect(read("in 3 hours", now: newYearsEve) == "2027-01-01 01:00")
    #expect(read("in 1 week", now: newYearsEve) == "2027-01-07")
    #expect(read("friday", now: newYearsEve) == "2027-01-01 (to confirm)")
    #expect(read("next monday", now: newYearsEve) == "2027-01-04 (to confirm)")
    #expect(read("20:00", now: newYearsEve) == "2027-01-01 20:00 (to confirm)")
    #expect(read("5/1", now: newYearsEve) == "2027-01-05 (to confirm)")
    #expect(read("31 dec", now: newYearsEve) == "2026-12-31")
    let endOfJanuary = CivilDate(year: 2026, month: 1, day: 31, minuteOfDay: 9 * 60)!
    #expect(read("in 1 day", now: endOfJanuary) == "2026-02-01")
    #expect(read("in 4 weeks", now: endOfJanuary) == "2026-02-28")
  }

  @Test func `29 february is read in leap years and refused in others`() {
    let leap = CivilDate(year: 2028, month: 2, day: 28, minuteOfDay: 600)!  // a Monday
    #expect(read("tomorrow", now: leap) == "2028-02-29")
    #expect(read("29 feb", now: leap) == "2028-02-29")
    #expect(read("29/2", now: leap) == "2028-02-29 (to confirm)")
    #expect(read("in 2 days", now: leap) == "2028-03-01")
    let afterIt = CivilDate(year: 2026, month: 3, day: 1, minuteOfDay: 600)!
    #expect(read("29 feb", now: afterIt) == "2028-02-29 (to confirm)")
    #expect(read("29/2/2028", now: afterIt) == "2028-02-29 (to confirm)")
    #expect(read("29/2/2026", now: afterIt) == nil)
    #expect(read("29 february 2027", now: afterIt) == nil)
  }

  @Test func `a case in Polish, French or Indonesian reads its own words, and English always`() {
    let polish = DateReader(language: "pl")
    #expect(read("jutro o 9:00", reader: polish) == "2026-11-25 09:00")
    #expect(read("pojutrze", reader: polish) == "2026-11-26")
    #expect(read("za 3 dni", reader: polish) == "2026-11-27")
    #expect(read("za tydzień", reader: polish) == "2026-12-01")
    #expect(read("5 grudnia", reader: polish) == "2026-12-05")
    #expect(read("w piątek", reader: polish) == "2026-11-27 (to confirm)")
    #expect(read("w przyszły piątek", reader: polish) == "2026-12-04 (to confirm)")
    #expect(read("w srode 16:00", reader: polish) == "2026-11-25 16:00 (to confirm)")
    #expect(read("friday", reader: polish) == "2026-11-27 (to confirm)")
    let french = DateReader(language: "fr")
    #expect(read("demain à 16h", reader: french) == "2026-11-25 16:00")
    #expect(read("après-demain", reader: french) == "2026-11-26")
    #expect(read("aujourd’hui 18h", reader: french) == "2026-11-24 18:00")
    #expect(read("dans 3 jours", reader: french) == "2026-11-27")
    #expect(read("vendredi prochain", reader: french) == "2026-12-04 (to confirm)")
    #expect(read("1er décembre", reader: french) == "2026-12-01")
    let indonesian = DateReader(language: "id")
    #expect(read("besok jam 9:00", reader: indonesian) == "2026-11-25 09:00")
    #expect(read("hari ini", reader: indonesian) == "2026-11-24")
    #expect(read("lusa", reader: indonesian) == "2026-11-26")
    #expect(read("dalam 3 hari", reader: indonesian) == "2026-11-27")
    #expect(read("3 hari lagi", reader: indonesian) == "2026-11-27")
    #expect(read("jumat depan", reader: indonesian) == "2026-12-04 (to confirm)")
    #expect(read("5 desember", reader: indonesian) == "2026-12-05")
  }

  @Test func `English reads no other language's words, and a language Casebook lacks reads English`() {
    #expect(read("jutro") == nil)
    #expect(read("demain") == nil)
    #expect(read("besok", reader: DateReader(language: "de")) == nil)
    #expect(read("tomorrow", reader: DateReader(language: "de")) == "2026-11-25")
    #expect(DateWords.tables(for: "pl").map(\.language) == ["pl", "en"])
    #expect(DateWords.tables(for: nil).map(\.language) == ["en"])
  }

  @Test func `weekdays of civil dates, Monday first`() {
    #expect(CivilDate(year: 2026, month: 11, day: 24)?.weekday == 2)
    #expect(CivilDate(year: 1970, month: 1, day: 1)?.weekday == 4)
    #expect(CivilDate(year: 2000, month: 2, day: 29)?.weekday == 2)
    #expect(CivilDate(year: 2027, month: 1, day: 3)?.weekday == 7)
  }
}
