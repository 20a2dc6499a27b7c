import CasebookKit
import Testing

struct ColorPolicyTests {
  @Test func `a terminal gets colour and a pipe does not, when nothing says otherwise`() {
    #expect(ColorPolicy.usesColor(environment: [:], isTerminal: true))
    #expect(!ColorPolicy.usesColor(environment: [:], isTerminal: false))
  }

  @Test func `NO_COLOR, CLICOLOR=0 and TERM=dumb turn colour off at a terminal`() {
    #expect(!ColorPolicy.usesColor(environment: ["NO_COLOR": "1"], isTerminal: true))
    #expect(!ColorPolicy.usesColor(environment: ["CLICOLOR": "0"], isTerminal: true))
    #expect(!ColorPolicy.usesColor(environment: ["TERM": "dumb"], isTerminal: true))
    // An empty NO_COLOR does not count, as no-color.org says.
    #expect(ColorPolicy.usesColor(environment: ["NO_COLOR": ""], isTerminal: true))
  }

  @Test func `CLICOLOR_FORCE colours a pipe, but not over NO_COLOR`() {
    #expect(ColorPolicy.usesColor(environment: ["CLICOLOR_FORCE": "1"], isTerminal: false))
    #expect(!ColorPolicy.usesColor(environment: ["CLICOLOR_FORCE": "0"], isTerminal: false))
    #expect(!ColorPolicy.usesColor(environment: ["CLICOLOR_FORCE": "1", "NO_COLOR": "1"], isTerminal: false))
  }

  @Test func `--color always and never win over everything`() {
    #expect(ColorPolicy.usesColor(environment: ["CASEBOOK_COLOR": "always", "NO_COLOR": "1"], isTerminal: false))
    #expect(!ColorPolicy.usesColor(environment: ["CASEBOOK_COLOR": "never", "CLICOLOR_FORCE": "1"], isTerminal: true))
    #expect(ColorPolicy.usesColor(environment: ["CASEBOOK_COLOR": "auto"], isTerminal: true))
  }
}
