import CasebookKit
import Testing

@Suite struct InputKindTests {
  static let today = CivilDate(year: 2026, month: 12, day: 31)!

  @Test(arguments: [
    ("15m", 900), ("15", 900), ("1h30m", 5400), ("1h 30m", 5400), ("90s", 90), ("2 hours", 7200),
    ("1:05", 3900), ("10 min", 600),
  ])
  func `durations in the usual spellings are read`(text: String, seconds: Int) {
    #expect(InputKind.duration.parse(text, now: Self.today) == .duration(seconds: seconds))
  }

  @Test(arguments: ["", "soon", "0", "-5m", "5x", "m15", "30m 1h", "1:5"])
  func `nonsense durations are refused`(text: String) {
    #expect(InputKind.duration.parse(text, now: Self.today) == nil)
  }

  @Test(arguments: [
    ("2026-12-01", "2026-12-01"), ("2026-12-01 14:30", "2026-12-01 14:30"), ("2026-12-01T09:05", "2026-12-01 09:05"),
    ("today", "2026-12-31"), ("tomorrow 8:00", "2027-01-01 08:00"), ("2028-02-29", "2028-02-29"),
    // Inferred readings are taken as read here (a value given beforehand, as with --set).
    ("fri 9am", "2027-01-01 09:00"), ("5/1", "2027-01-05"), ("in 2 days", "2027-01-02"),
  ])
  func `dates are read and written canonically`(text: String, canonical: String) {
    #expect(InputKind.date.parse(text, now: Self.today)?.description == canonical)
  }

  @Test(arguments: ["2026-02-29", "2026-13-01", "31/02/2026", "tomorrow 25:00", "yesterday"])
  func `impossible dates are refused`(text: String) {
    #expect(InputKind.date.parse(text, now: Self.today) == nil)
  }

  @Test func `numbers and text`() {
    #expect(InputKind.number.parse("2.5", now: Self.today) == .number(2.5))
    #expect(InputKind.number.parse("3", now: Self.today)?.description == "3")
    #expect(InputKind.number.parse("three", now: Self.today) == nil)
    #expect(InputKind.text.parse("  traffic jam ", now: Self.today) == .text("traffic jam"))
    #expect(InputKind.text.parse("   ", now: Self.today) == nil)
  }
}
