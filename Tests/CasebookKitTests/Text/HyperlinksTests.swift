import CasebookKit
import Testing

struct HyperlinksTests {
  @Test func `only terminals known to show OSC 8 get links, and never inside tmux or through a pipe`() {
    #expect(Hyperlinks.terminalSupports(["TERM_PROGRAM": "WezTerm", "TERM": "xterm-256color"]))
    #expect(Hyperlinks.terminalSupports(["TERM": "xterm-kitty"]))
    #expect(Hyperlinks.terminalSupports(["VTE_VERSION": "7600", "TERM": "xterm-256color"]))
    #expect(!Hyperlinks.terminalSupports(["VTE_VERSION": "4200", "TERM": "xterm-256color"]))
    #expect(!Hyperlinks.terminalSupports(["TERM": "xterm-256color"]))
    #expect(!Hyperlinks.terminalSupports(["TERM_PROGRAM": "WezTerm", "TMUX": "/tmp/tmux-0/default,1,0"]))
    #expect(!Hyperlinks(environment: ["TERM": "xterm-kitty"], isTerminal: false).isEnabled)
  }

  @Test func `a path becomes a file link whose text is the path`() {
    let links = Hyperlinks(environment: ["TERM": "xterm-kitty"], isTerminal: true)
    let text = links.linking("/home/ana/case 1/record.md", in: "Case record: /home/ana/case 1/record.md\n")
    #expect(text == "Case record: \u{1B}]8;;file:///home/ana/case%201/record.md\u{1B}\\/home/ana/case 1/record.md\u{1B}]8;;\u{1B}\\\n")
    let plain = Hyperlinks(environment: ["TERM": "xterm"], isTerminal: true)
    #expect(plain.linking("/a/record.md", in: "Case record: /a/record.md") == "Case record: /a/record.md")
  }
}
