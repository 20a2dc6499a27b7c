import CasebookKit
import Foundation
import Testing

struct SpokenCountdownTests {
  let start = Date(timeIntervalSince1970: 1_800_000_000)

  @Test func `a 15-minute wait is spoken half-way, at 5 minutes and at 1 minute, once each`() {
    var countdown = SpokenCountdown(deadline: start.addingTimeInterval(15 * 60), start: start)
    #expect(countdown.announcement(at: start.addingTimeInterval(60)) == nil)
    #expect(countdown.announcement(at: start.addingTimeInterval(7.5 * 60)) == "Half the wait has passed: 7 minutes 30 seconds left.")
    #expect(countdown.announcement(at: start.addingTimeInterval(7.5 * 60 + 1)) == nil)
    #expect(countdown.announcement(at: start.addingTimeInterval(10 * 60)) == "5 minutes left.")
    #expect(countdown.announcement(at: start.addingTimeInterval(14 * 60)) == "1 minute left.")
    #expect(countdown.announcement(at: start.addingTimeInterval(15 * 60)) == nil)
  }

  @Test func `points passed together are spoken as the latest only`() {
    var countdown = SpokenCountdown(deadline: start.addingTimeInterval(15 * 60), start: start)
    // Away from the keyboard (or the machine asleep) until a minute before the end.
    #expect(countdown.announcement(at: start.addingTimeInterval(14 * 60 + 10)) == "1 minute left.")
    #expect(countdown.announcement(at: start.addingTimeInterval(14 * 60 + 50)) == nil)
  }

  @Test func `a short wait has only the points still ahead, and no half-way next to another`() {
    var short = SpokenCountdown(deadline: start.addingTimeInterval(3 * 60), start: start)
    #expect(short.announcement(at: start.addingTimeInterval(2 * 60)) == "1 minute left.")
    #expect(short.announcement(at: start.addingTimeInterval(3 * 60)) == nil)
    // Ten minutes: half-way is 5 minutes left, said once.
    var ten = SpokenCountdown(deadline: start.addingTimeInterval(10 * 60), start: start)
    #expect(ten.announcement(at: start.addingTimeInterval(5 * 60)) == "5 minutes left.")
    #expect(ten.announcement(at: start.addingTimeInterval(9 * 60)) == "1 minute left.")
  }
}
