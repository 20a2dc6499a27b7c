import CEditLine
import CasebookKit
import Foundation

/// Writes to the terminal: every piece of outside text made safe, styles only on a terminal that
/// wants them (`NO_COLOR` unset, `TERM` not `dumb`).
final class Console {
  let isInteractive: Bool
  /// Whether answers are typed at a terminal (standard input), whatever happens to the output.
  let readsTerminal: Bool
  private let usesStyle: Bool

  init(environment: [String: String]) {
    readsTerminal = cel_is_terminal(0) != 0
    isInteractive = readsTerminal && cel_is_terminal(1) != 0
    usesStyle =
      cel_is_terminal(1) != 0 && environment["NO_COLOR"] == nil && environment["TERM"] != "dumb"
  }

  /// Writes text exactly as given: for text this program composed itself.
  func write(_ text: String) {
    print(text, terminator: "")
  }

  /// Shows one block of engine output, cleaned of control characters.
  func show(_ output: Output) {
    let text = TextSanitizer.clean(output.text, keepNewlines: true)
    switch output.role {
    case .heading: write(styled(text, "1") + "\n\n")
    case .instruction: write("* " + styled(text, "1") + "\n")
    case .question: write("\n? " + styled(text, "1") + "\n")
    case .choices: write(text + "\n")
    case .outcome: write("\n= " + styled(text, "1") + "\n")
    case .explanation: write(styled(indent(text), "2") + "\n")
    case .info: write(text + "\n")
    case .draft: write("\n" + text + "\n")
    case .alert: write((usesStyle ? "\u{07}" : "") + styled("! " + text, "1;31") + "\n")
    }
  }

  /// A hint after an answer that was not accepted.
  func hint(_ text: String) {
    write(styled("! " + TextSanitizer.clean(text), "33") + "\n")
  }

  /// A line on standard error, cleaned of control characters.
  func error(_ text: String) {
    flush()
    let line = "casebook: " + TextSanitizer.clean(text, keepNewlines: true) + "\n"
    FileHandle.standardError.write(Data(line.utf8))
  }

  /// Writes already-formatted text to standard error.
  func errorBlock(_ text: String) {
    flush()
    FileHandle.standardError.write(Data(text.utf8))
  }

  func flush() { cel_flush_stdout() }

  /// Puts text on the clipboard with the OSC 52 escape, on a terminal that wants escapes.
  func copyToClipboard(_ text: String) {
    guard usesStyle else { return }
    write("\u{1B}]52;c;\(Data(text.utf8).base64EncodedString())\u{07}")
  }

  private func styled(_ text: String, _ code: String) -> String {
    usesStyle ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  private func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }
}
