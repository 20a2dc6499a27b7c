import CEditLine
import CasebookKit

/// Reads lines from standard input when it is not a terminal: prints each prompt, reads one line,
/// and echoes it, so that a transcript shows each question and its answer in order.
final class PlainLineReader: LineReader {
  private let console: Console

  init(console: Console) { self.console = console }

  func announce(_ text: String) {
    console.write("! " + TextSanitizer.clean(text) + "\n")
  }

  func abandonLine() {}

  func read(_ prompt: Prompt) -> LineRead {
    console.writeVerbatim(prompt.text)
    console.flush()
    guard let line = readLine(strippingNewline: true) else {
      console.write("\n")
      if cel_termination_signal() != 0 || cel_interrupt_count() > 0 { return .interrupted }
      return .endOfInput
    }
    if cel_termination_signal() != 0 { return .interrupted }
    console.writeVerbatim(TextSanitizer.clean(line) + "\n")
    return .line(line)
  }
}
