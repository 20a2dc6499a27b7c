import CasebookKit
import Testing

@Suite struct LineHistoryTests {
  let words = ["yes", "no", "later", ":help", ":note"]

  @Test func `answer words, their numbers and commands are kept`() {
    #expect(LineHistory.entry(for: "yes", keeping: .answerWords, completions: words) == "yes")
    #expect(LineHistory.entry(for: " 2 ", keeping: .answerWords, completions: words) == "2")
    #expect(LineHistory.entry(for: "1 3", keeping: .answerWords, completions: words) == "1 3")
    #expect(LineHistory.entry(for: ":copy 2", keeping: .commandsOnly, completions: []) == ":copy 2")
  }

  @Test func `free text is not kept: a note's text, a text answer, a stray sentence at a choice`() {
    #expect(LineHistory.entry(for: ":note Hist has a secret diagnosis", keeping: .answerWords, completions: words) == ":note")
    #expect(LineHistory.entry(for: ":N secret", keeping: .values, completions: []) == ":n")
    #expect(LineHistory.entry(for: "Dana Ruiz", keeping: .commandsOnly, completions: []) == nil)
    #expect(LineHistory.entry(for: "she told me about her diagnosis", keeping: .answerWords, completions: words) == nil)
    #expect(LineHistory.entry(for: "   ", keeping: .answerWords, completions: words) == nil)
  }

  @Test func `a typed value is kept`() {
    #expect(LineHistory.entry(for: "20m", keeping: .values, completions: []) == "20m")
  }
}
