import CasebookKit
import Foundation
import Testing

@Suite struct OneKeyTimingTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  func at(_ seconds: TimeInterval) -> Date { Self.t0.addingTimeInterval(seconds) }

  @Test func `before any one-key answer there is nothing to wait for, and every key is kept`() {
    var timing = OneKeyTiming()
    #expect(timing.waitsUntil == nil)
    #expect(timing.judge("\r", at: Self.t0) == .kept)
    #expect(timing.judge("e", at: Self.t0) == .kept)
  }

  @Test func `the rest of the word is dropped letter by letter, each within half a second, then the Enter`() {
    var timing = OneKeyTiming()
    timing.answered(rest: "es", at: Self.t0)
    #expect(timing.waitsUntil == at(0.5))
    #expect(timing.judge("E", at: at(0.375)) == .absorbed)
    // Each letter moves the wait on.
    #expect(timing.waitsUntil == at(0.875))
    #expect(timing.judge("s", at: at(0.75)) == .absorbed)
    #expect(timing.judge("\r", at: at(1.125)) == .finished)
    // The habit is spent: the next key is the next question's.
    #expect(timing.waitsUntil == nil)
    #expect(timing.judge("\r", at: at(1.25)) == .kept)
  }

  @Test func `an Enter ends the wait at any point of the word`() {
    var timing = OneKeyTiming()
    timing.answered(rest: "ater", at: Self.t0)
    #expect(timing.judge("a", at: at(0.1)) == .absorbed)
    #expect(timing.judge("\n", at: at(0.2)) == .finished)
    #expect(timing.waitsUntil == nil)
  }

  @Test func `a letter too late, or not the next one, is kept and ends the wait`() {
    var late = OneKeyTiming()
    late.answered(rest: "es", at: Self.t0)
    #expect(late.judge("e", at: at(0.5)) == .kept)
    #expect(late.waitsUntil == nil)
    #expect(late.judge("s", at: at(0.6)) == .kept)

    var other = OneKeyTiming()
    other.answered(rest: "es", at: Self.t0)
    #expect(other.judge("s", at: at(0.1)) == .kept)
    // Once over, even a quick Enter belongs to the next question.
    #expect(other.judge("\r", at: at(0.2)) == .kept)
  }

  @Test func `after a number only the Enter is dropped; another number is kept for the next question`() {
    var enter = OneKeyTiming()
    enter.answered(rest: "", at: Self.t0)
    #expect(enter.judge("\r", at: at(0.49)) == .finished)

    var number = OneKeyTiming()
    number.answered(rest: "", at: Self.t0)
    #expect(number.judge("2", at: at(0.2)) == .kept)
    #expect(number.waitsUntil == nil)

    var slow = OneKeyTiming()
    slow.answered(rest: "", at: Self.t0)
    #expect(slow.judge("\r", at: at(0.5)) == .kept)
  }

  @Test func `a new answer starts a new wait`() {
    var timing = OneKeyTiming()
    timing.answered(rest: "o", at: Self.t0)
    #expect(timing.judge("x", at: at(0.1)) == .kept)
    timing.answered(rest: "ater", at: at(3))
    #expect(timing.waitsUntil == at(3.5))
    #expect(timing.judge("a", at: at(3.2)) == .absorbed)
  }
}
