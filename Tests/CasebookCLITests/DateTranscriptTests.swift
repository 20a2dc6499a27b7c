import Foundation
import Testing

/// Dates as people type them, through a pipe: an inferred reading is a question of its own, with
/// its own `> `, and Enter keeps it.
@Suite struct DateTranscriptTests {
  @Test func `a no-show case booked for friday 16:00 shows the reading back, and Enter keeps it`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // The clock stands at Tuesday 24 November 2026, 09:00 UTC.
    let input = ["", "", "yes", "cannot", "booked", "friday 16:00", "", "no", ""].joined(separator: "\n")
    let outcome = try casebook.run(["run", "no-show", "--client", "Sam"], input: input)
    assertGolden(outcome.stdout, named: "dates-confirmed.transcript")
    #expect(outcome.stdout.contains("\n? Friday 27 November, 16:00 \u{2014} Enter to keep, or type again\n> "))
    #expect(outcome.stderr == "")
    #expect(outcome.status == 0)
    #expect(try casebook.answers("2026-11-24-no-show-sam") == ["Sam", "", "skip", "yes", "cannot", "booked", "2026-11-27 16:00", "no"])
    let values = try casebook.record("2026-11-24-no-show-sam")["values"] as? [String: String]
    #expect(values?["new_time"] == "2026-11-27 16:00")
  }
}
