import CasebookKit
import Foundation
import Testing

@Suite struct ClockTests {
  static let start = Date(timeIntervalSince1970: 1_795_000_000)

  @Test func `a stepped clock starts at its instant and moves on a step at each reading`() {
    let clock = Clock(.stepped(from: Self.start, step: 60))
    #expect(clock.now() == Self.start)
    #expect(clock.now() == Self.start.addingTimeInterval(60))
    #expect(clock.now() == Self.start.addingTimeInterval(120))
  }

  @Test func `a running clock starts at its instant and then moves with real time`() throws {
    let clock = Clock(.running(from: Self.start))
    let first = clock.now()
    #expect(first >= Self.start && first < Self.start.addingTimeInterval(5))
    usleep(50_000)
    let second = clock.now()
    #expect(second.timeIntervalSince(first) >= 0.05)
  }

  @Test func `the environment picks the clock: CASEBOOK_FAKE_NOW, stepped unless CASEBOOK_FAKE_CLOCK says running`() {
    #expect(Clock.from(environment: [:]).kind == .system)
    #expect(Clock.from(environment: ["CASEBOOK_FAKE_NOW": "not a time"]).kind == .system)
    let stepped = Clock.from(environment: ["CASEBOOK_FAKE_NOW": "2026-11-18T11:06:40Z"])
    #expect(stepped.kind == .stepped(from: Self.start, step: 60))
    let running = Clock.from(environment: ["CASEBOOK_FAKE_NOW": "2026-11-18T11:06:40Z", "CASEBOOK_FAKE_CLOCK": "running"])
    #expect(running.kind == .running(from: Self.start))
  }
}
