import CasebookKit
import Testing

@Suite struct TextWrapperTests {
  func wrap(_ text: String, _ width: Int) -> String { TextWrapper.wrap(text, width: width) }

  @Test func `lines that fit are left exactly as they are`() {
    let text = "  1 yes  Yes, we spoke   \n\n- two  spaces stay\n"
    #expect(wrap(text, 30) == text)
    #expect(wrap("", 10) == "")
    #expect(wrap("\n\n", 10) == "\n\n")
  }

  @Test func `a long line breaks at the last space that fits`() {
    let text = "Hi Dana, it's me. We have an appointment booked for now, and I wanted to check that you're all right."
    #expect(wrap(text, 40) == """
      Hi Dana, it's me. We have an appointment
      booked for now, and I wanted to check
      that you're all right.
      """)
  }

  @Test func `a line of exactly the width fits, one column more breaks`() {
    #expect(wrap("aaaa bbbb", 9) == "aaaa bbbb")
    #expect(wrap("aaaa bbbb", 8) == "aaaa\nbbbb")
  }

  @Test func `a choice continues under its label`() {
    #expect(wrap("  2 no   No, I can't wait for them any longer today", 30) == """
        2 no   No, I can't wait for
               them any longer today
      """)
    #expect(wrap("  3 not-yet  No sign of them at all so far", 26) == """
        3 not-yet  No sign of
                   them at all
                   so far
      """)
  }

  @Test func `a checklist item continues under its label`() {
    #expect(wrap("  1 [ ] convenience  Getting to you, or connecting, is a hassle", 44) == """
        1 [ ] convenience  Getting to you, or
                           connecting, is a hassle
      """)
  }

  @Test func `list items continue under the item's text`() {
    #expect(wrap("  - Note the late arrival in the client's file (by 2026-11-24)", 30) == """
        - Note the late arrival in
          the client's file (by
          2026-11-24)
      """)
    #expect(wrap("10. 18:47 They made it. Start now and note the late start.", 30) == """
      10. 18:47 They made it. Start
          now and note the late
          start.
      """)
    #expect(wrap("- [ ] Schedule a reminder for a day or more before", 25) == """
      - [ ] Schedule a reminder
            for a day or more
            before
      """)
  }

  @Test func `marked lines continue under the text after the mark`() {
    #expect(wrap("? Are you willing to wait a little while for them?", 26) == """
      ? Are you willing to wait
        a little while for them?
      """)
    #expect(wrap("* Take one slow breath. A no-show is rarely about you.", 25) == """
      * Take one slow breath. A
        no-show is rarely about
        you.
      """)
    #expect(wrap("! 'maybe' is not an answer here. Type yes or no (or 1-2).", 30) == """
      ! 'maybe' is not an answer
        here. Type yes or no (or
        1-2).
      """)
  }

  @Test func `an indented paragraph keeps its indentation`() {
    #expect(wrap("    Hi Dana Ruiz, we have an appointment booked for now.", 31) == """
          Hi Dana Ruiz, we have an
          appointment booked for now.
      """)
  }

  @Test func `an indent deeper than half the width is not kept`() {
    #expect(wrap("no-show                 Client did not show up at all", 30) == """
      no-show                 Client
      did not show up at all
      """)
  }

  @Test func `a word wider than a line is broken, and only such a word`() {
    #expect(wrap("Saved in no-show-dana-ruiz-draft-1-voicemail.txt now", 20) == """
      Saved in
      no-show-dana-ruiz-dr
      aft-1-voicemail.txt
      now
      """)
    #expect(wrap("  - abcdefghijklmnopqrstuvwxyz", 12) == """
        - abcdefgh
          ijklmnop
          qrstuvwx
          yz
      """)
  }

  @Test func `a path wider than a line is left whole on a line of its own, for the terminal to fold`() {
    #expect(wrap("Saved in /home/dana/cases/2026-11-24-no-show/draft-1.txt now", 20) == """
      Saved in
      /home/dana/cases/2026-11-24-no-show/draft-1.txt
      now
      """)
    #expect(wrap("See https://example.com/a/very/long/booking/link today", 20) == """
      See
      https://example.com/a/very/long/booking/link
      today
      """)
  }

  @Test func `wide characters count as two columns`() {
    #expect(wrap("Hi 李小龍, we have an appointment", 14) == """
      Hi 李小龍, we
      have an
      appointment
      """)
    // Twelve characters with no space between them: 24 columns, broken at the width.
    #expect(wrap("予約の時間になりましたね", 10) == "予約の時間\nになりまし\nたね")
    #expect(wrap("ok 👍🏽 👍🏽 👍🏽", 8) == "ok 👍🏽 👍🏽\n👍🏽")
  }

  @Test func `combining marks take no column`() {
    let name = "Zoe\u{308} Łucja Żółć-Wójcik"
    // 25 columns in 27 scalars.
    #expect(wrap("Hi \(name), hello", 25) == "Hi \(name),\nhello")
  }

  @Test func `several lines are wrapped each on its own`() {
    #expect(wrap("? Did you get through to them at all?\n  1 yes  Yes, we spoke to them\n  2 no   No", 20) == """
      ? Did you get
        through to them at
        all?
        1 yes  Yes, we
               spoke to
               them
        2 no   No
      """)
  }

  @Test(arguments: [15, 20, 33, 40, 79])
  func `wrapping keeps every word and is stable`(width: Int) {
    let text = """
      * Leave a voicemail or a text reminding them of the appointment.

      --- voicemail draft 1 of 2, ready to copy (:copy 1) ---
      Hi Dana Ruiz, it's [your name]. We have an appointment booked for now, and I wanted to check \
      that you're all right. Please call or text me back on this number.
        1 arrived  They arrived
        2 replied  They called, texted or emailed about the appointment
      """
    let wrapped = wrap(text, width)
    #expect(wrapped.split(separator: "\n").allSatisfy { DisplayWidth.of($0) <= width || !$0.contains(" ") })
    #expect(wrapped.split(whereSeparator: \.isWhitespace) == text.split(whereSeparator: \.isWhitespace))
    #expect(wrap(wrapped, width) == wrapped)
  }

  @Test func `the width is the terminal's less one, or COLUMNS or 80 through a pipe`() {
    #expect(TextWrapper.lineWidth(terminalColumns: 40, columnsVariable: "200") == 39)
    #expect(TextWrapper.lineWidth(terminalColumns: 0, columnsVariable: nil) == 79)
    #expect(TextWrapper.lineWidth(terminalColumns: 1, columnsVariable: nil) == 1)
    #expect(TextWrapper.lineWidth(terminalColumns: nil, columnsVariable: nil) == 80)
    #expect(TextWrapper.lineWidth(terminalColumns: nil, columnsVariable: "132") == 132)
    for junk in ["", "0", "-5", "wide"] {
      #expect(TextWrapper.lineWidth(terminalColumns: nil, columnsVariable: junk) == 80)
    }
  }
}
