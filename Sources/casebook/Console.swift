import CEditLine
import CasebookKit
import Foundation

/// Writes to the terminal: every piece of outside text made safe, text for people wrapped at word
/// boundaries to the width (``TextWrapper``), styles only where ``ColorPolicy`` allows them
/// (`--color`, `NO_COLOR`, `CLICOLOR`, `TERM=dumb`, a terminal).
final class Console {
  let isInteractive: Bool
  /// Whether answers are typed at a terminal (standard input), whatever happens to the output.
  let readsTerminal: Bool
  private let usesStyle: Bool
  private let errorsUseStyle: Bool
  private let hyperlinks: Hyperlinks
  private let writesTerminal: Bool
  private let environment: [String: String]
  private let clipboard: Clipboard
  /// The width last worked out, and the count of resizes it was worked out at.
  private var widthSeen: (resizes: Int32, columns: Int)?

  init(environment: [String: String]) {
    self.environment = environment
    readsTerminal = cel_is_terminal(0) != 0
    writesTerminal = cel_is_terminal(1) != 0
    isInteractive = readsTerminal && writesTerminal
    usesStyle = ColorPolicy.usesColor(environment: environment, isTerminal: writesTerminal)
    errorsUseStyle = ColorPolicy.usesColor(environment: environment, isTerminal: cel_is_terminal(2) != 0)
    hyperlinks = Hyperlinks(environment: environment, isTerminal: writesTerminal)
    clipboard = Clipboard(
      environment: environment, terminalTakesEscapes: cel_is_terminal(1) != 0 && environment["TERM"] != "dumb")
  }

  /// Writes text for people, wrapped to the width: for text this program composed itself.
  func write(_ text: String) {
    writeVerbatim(wrapped(text))
  }

  /// Writes text for people, wrapped, in which `path` (a record's, a draft's) is a link on a
  /// terminal that shows them (``Hyperlinks``).
  func write(_ text: String, linking path: String) {
    writeVerbatim(hyperlinks.linking(TextSanitizer.clean(path), in: wrapped(text)))
  }

  /// Shows an information line in which `path` is a link, as ``write(_:linking:)``.
  func info(_ text: String, linking path: String) {
    writeVerbatim(hyperlinks.linking(TextSanitizer.clean(path), in: rendered(Output(.info, text))))
  }

  /// Writes long text for people, wrapped, through the pager at a terminal (see ``Pager``).
  func page(_ text: String) {
    flush()
    Pager.show(wrapped(text), environment: environment)
  }

  /// Writes text exactly as given: data for programs (JSON, graphs), prompts, and text already
  /// wrapped and styled.
  func writeVerbatim(_ text: String) {
    print(text, terminator: "")
  }

  /// `text` wrapped to the width of standard output.
  func wrapped(_ text: String) -> String {
    TextWrapper.wrap(text, width: lineWidth)
  }

  /// The columns a line of standard output may take: the terminal's (re-read after it is resized)
  /// less one, or `COLUMNS` or 80 through a pipe.
  var lineWidth: Int {
    let resizes = cel_resize_count()
    if let widthSeen, widthSeen.resizes == resizes { return widthSeen.columns }
    let reported = cel_terminal_columns(1)
    let columns = TextWrapper.lineWidth(
      terminalColumns: reported < 0 ? nil : Int(reported), columnsVariable: environment["COLUMNS"])
    widthSeen = (resizes, columns)
    return columns
  }

  /// The columns a table's line may take: the terminal's; through a pipe, `COLUMNS` when set,
  /// else no limit, so that scripts and grep get every cell whole, never cut in the middle.
  var tableWidth: Int {
    if writesTerminal || environment["COLUMNS"].flatMap(Int.init) != nil { return lineWidth }
    return Int.max / 4
  }

  /// Shows one block of engine output, cleaned of control characters and wrapped; a mark before
  /// the text (`* `, `? `, `= `, `! `) hangs its continuation lines under the text.
  func show(_ output: Output) {
    writeVerbatim(rendered(output))
  }

  private func rendered(_ output: Output) -> String {
    let text = TextSanitizer.clean(output.text, keepNewlines: true)
    switch output.role {
    case .heading: return styled(wrapped(text), "1") + "\n\n"
    case .instruction: return marked("* ", text, "1") + "\n"
    case .question: return "\n" + marked("? ", text, "1") + "\n"
    case .choices: return wrapped(text) + "\n"
    case .outcome: return "\n" + marked("= ", text, "1") + "\n"
    case .explanation: return styled(wrapped(indent(text)), "2") + "\n"
    case .info: return wrapped(text) + "\n"
    case .spoken: return (writesTerminal ? wrapped(text) : text) + "\n"
    case .draft: return "\n" + wrapped(text) + "\n"
    case .alert: return (usesStyle ? "\u{07}" : "") + styled(wrapped("! " + text), "1;31") + "\n"
    }
  }

  /// `outputs` as this terminal's screen can hold them with `spare` rows left over (for the
  /// prompt): where they would scroll off, blocks with shorter forms (a step's drafts) take the
  /// longest that fits, or their shortest. Through a pipe, or on a screen tall enough, unchanged.
  func fitted(_ outputs: [Output], spare: Int) -> [Output] {
    guard isInteractive, outputs.contains(where: { !$0.shorter.isEmpty }) else { return outputs }
    let reported = Int(cel_terminal_rows(1))
    let height = reported > 0 ? reported : 24
    func rows(_ output: Output) -> Int { rendered(output).reduce(0) { $1 == "\n" ? $0 + 1 : $0 } }
    var fitted = outputs
    // Each block gives way one form at a time, the last first, until the screen holds them.
    let deepest = outputs.map(\.shorter.count).max() ?? 0
    for level in 0..<deepest {
      for index in fitted.indices.reversed() where outputs[index].shorter.count > level {
        guard fitted.map(rows).reduce(0, +) + spare > height else { return fitted }
        fitted[index].text = outputs[index].shorter[level]
      }
    }
    return fitted
  }

  /// A hint after an answer that was not accepted.
  func hint(_ text: String) {
    writeVerbatim(styled(wrapped("! " + TextSanitizer.clean(text)), "33") + "\n")
  }

  /// A line on standard error, cleaned of control characters; wrapped at a terminal, whole
  /// through a pipe, where logs and scripts read one error a line.
  func error(_ text: String) {
    flush()
    var line = "casebook: " + TextSanitizer.clean(text, keepNewlines: true)
    let columns = cel_terminal_columns(2)
    if columns >= 0 {
      line = TextWrapper.wrap(line, width: TextWrapper.lineWidth(terminalColumns: Int(columns), columnsVariable: nil))
    }
    FileHandle.standardError.write(Data((line + "\n").utf8))
  }

  /// Writes already-formatted text to standard error.
  func errorBlock(_ text: String) {
    flush()
    FileHandle.standardError.write(Data(text.utf8))
  }

  /// Writes rendered diagnostics to standard error, coloured as the Swift compiler colours its
  /// own where colour is wanted: the location and message bold, `error` red, `warning` magenta,
  /// `note` grey, the caret green.
  func diagnostics(_ text: String) {
    guard errorsUseStyle else { return errorBlock(text) }
    errorBlock(DiagnosticColors.styled(text))
  }

  func flush() { cel_flush_stdout() }

  /// Puts text on the clipboard: through the platform's tool, else with the OSC 52 escape on a
  /// terminal that takes escapes.
  ///
  /// - Returns: Where the text went, for the message that says so.
  func copyToClipboard(_ text: String) -> Clipboard.Outcome {
    flush()
    return clipboard.copy(text) { escape in
      writeVerbatim(escape)
      flush()
    }
  }

  /// `mark` and `text` wrapped as one, with the style on the text only.
  private func marked(_ mark: String, _ text: String, _ code: String) -> String {
    mark + styled(String(wrapped(mark + text).dropFirst(mark.count)), code)
  }

  private func styled(_ text: String, _ code: String) -> String {
    usesStyle ? "\u{1B}[\(code)m\(text)\u{1B}[0m" : text
  }

  private func indent(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n")
  }
}
