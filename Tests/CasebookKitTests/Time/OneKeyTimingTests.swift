import CasebookKit
import Foundation
import Testing

@Suite struct OneKeyTimingTests {
  static let t0 = Date(timeIntervalSince1970: 1_795_000_000)
  func at(_ seconds: TimeInterval) -> Date { Self.t0.addingTimeInterval(seconds) }

  @Test func `before any one-key answer every key is typed and any key may answer`() {
    var timing = OneKeyTiming()
    #expect(timing.allowsOneKeyAnswer(at: Self.t0))
    #expect(timing.judge(firstKey: "\r", at: Self.t0) == .typed)
    #expect(timing.judge(firstKey: "e", at: Self.t0) == .typed)
  }

  @Test func `the rest of the word typed by habit is absorbed, each letter within a second of the last`() {
    var timing = OneKeyTiming()
    timing.answered(rest: "es", at: Self.t0)
    #expect(timing.judge(firstKey: "E", at: at(0.9)) == .absorbed)
    #expect(timing.judge(firstKey: "s", at: at(1.8)) == .absorbed)
    // The Enter after the word, within two seconds of the answer.
    #expect(timing.judge(firstKey: "\r", at: at(1.95)) == .absorbed)
    // The habit is spent: the next Enter is typed.
    #expect(timing.judge(firstKey: "\r", at: at(1.99)) == .typed)
  }

  @Test func `a letter too late, or not the next one, breaks the habit`() {
    var late = OneKeyTiming()
    late.answered(rest: "es", at: Self.t0)
    #expect(late.judge(firstKey: "e", at: at(1.0)) == .typed)
    #expect(late.judge(firstKey: "s", at: at(1.1)) == .typed)

    var other = OneKeyTiming()
    other.answered(rest: "es", at: Self.t0)
    #expect(other.judge(firstKey: "x", at: at(0.1)) == .typed)
    // Once broken, even a timely Enter is typed.
    #expect(other.judge(firstKey: "\r", at: at(0.2)) == .typed)
  }

  @Test func `the Enter after a number is dropped within two seconds, typed after`() {
    var soon = OneKeyTiming()
    soon.answered(rest: "", at: Self.t0)
    #expect(soon.judge(firstKey: "\n", at: at(1.9)) == .absorbed)
    var late = OneKeyTiming()
    late.answered(rest: "", at: Self.t0)
    #expect(late.judge(firstKey: "\n", at: at(2.0)) == .typed)
  }

  @Test func `a second one-key answer needs 0.8 s after the first`() {
    var timing = OneKeyTiming()
    timing.answered(rest: "o", at: Self.t0)
    #expect(!timing.allowsOneKeyAnswer(at: at(0.79)))
    #expect(timing.allowsOneKeyAnswer(at: at(0.81)))
  }
}
