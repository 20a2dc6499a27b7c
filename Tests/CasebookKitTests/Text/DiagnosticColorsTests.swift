import CasebookKit
import Testing

struct DiagnosticColorsTests {
  @Test func `the location, the severity and the caret are coloured; the source line is not`() {
    let text = """
      no-show.yaml:4:11: error: no step named 'calll' [dangling-next]
          next: calll
                ^
      no-show.yaml:4:11: note: did you mean 'call'?
      1 error
      """
    let lines = DiagnosticColors.styled(text).split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines[0] == "\u{1B}[1mno-show.yaml:4:11:\u{1B}[0m \u{1B}[1;31merror:\u{1B}[0m \u{1B}[1mno step named 'calll' [dangling-next]\u{1B}[0m")
    #expect(lines[1] == "    next: calll")
    #expect(lines[2] == "\u{1B}[1;32m          ^\u{1B}[0m")
    #expect(lines[3].contains("\u{1B}[1;30mnote:\u{1B}[0m"))
    #expect(lines[4] == "1 error")
  }

  @Test func `a warning is magenta`() {
    let styled = DiagnosticColors.styled("a.yaml:1:1: warning: step 'x' has no translation [translation]")
    #expect(styled.contains("\u{1B}[1;35mwarning:\u{1B}[0m"))
  }
}
