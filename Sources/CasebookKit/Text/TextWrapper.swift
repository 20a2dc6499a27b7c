/// Breaks text into lines that fit a width, at spaces, with hanging indents for lists and choices.
///
/// Each line of the text is wrapped on its own; a line that fits is left exactly as it is. A
/// continuation line starts under the text of its first line: under the item after a list marker
/// (`- `, `* `, `? `, `! `, `= `, `+ `, `• `, `1. `, `2) `, `- [ ] `), under the label of a line laid out
/// in columns (`  2 no   No, I can't wait`: one or two short words, then two spaces or more), else
/// under the line's own indentation. An indent deeper than half the width is not kept. A word is
/// broken only when it is wider than a whole line, and a path or web address (a word with a `/`)
/// not even then: it goes whole on a line of its own, which the terminal folds at its edge and
/// still copies as one piece. Widths are terminal columns (``DisplayWidth``).
public enum TextWrapper {
  /// `text` with every line wider than `width` columns broken at spaces.
  ///
  /// - Parameters:
  ///   - text: The text, possibly several lines.
  ///   - width: The most columns a line may take (at least 1).
  /// - Returns: The wrapped text; its line breaks are the original ones and the new ones.
  public static func wrap(_ text: String, width: Int) -> String {
    let width = max(width, 1)
    guard text.contains(where: { $0 != "\n" }) else { return text }
    return text.split(separator: "\n", omittingEmptySubsequences: false)
      .flatMap { wrapLine($0, width: width) }
      .joined(separator: "\n")
  }

  /// The width to wrap printed text to.
  ///
  /// At a terminal, its columns less one, so that a full line never makes the terminal wrap by
  /// itself (a terminal that reports 0 columns counts as 80); through a pipe, `COLUMNS` when it is
  /// a positive number, else 80.
  ///
  /// - Parameters:
  ///   - terminalColumns: The terminal's columns, or `nil` when the output is not a terminal.
  ///   - columnsVariable: The value of `COLUMNS`, if set.
  /// - Returns: The most columns a line may take, at least 1.
  public static func lineWidth(terminalColumns: Int?, columnsVariable: String?) -> Int {
    guard let terminalColumns else {
      return columnsVariable.flatMap { Int($0) }.flatMap { $0 > 0 ? $0 : nil } ?? 80
    }
    return max((terminalColumns == 0 ? 80 : terminalColumns) - 1, 1)
  }

  /// The lines one line of text becomes.
  static func wrapLine(_ line: Substring, width: Int) -> [String] {
    guard DisplayWidth.of(line) > width else { return [String(line)] }
    let prefix = hangingPrefix(of: line, width: width)
    let indent = String(repeating: " ", count: DisplayWidth.of(prefix))
    var lines: [String] = []
    var current = String(prefix)
    var currentWidth = indent.count
    var lineHasWord = false
    func startLine() {
      lines.append(current)
      current = indent
      currentWidth = indent.count
      lineHasWord = false
    }
    for (gap, word) in words(in: line[prefix.endIndex...]) {
      let gapWidth = DisplayWidth.of(gap)
      let wordWidth = DisplayWidth.of(word)
      if currentWidth + gapWidth + wordWidth <= width {
        current += gap + word
        currentWidth += gapWidth + wordWidth
        lineHasWord = true
        continue
      }
      if lineHasWord { startLine() }
      // At the start of a line: the word goes here, broken only if no line could hold it.
      for piece in pieces(of: word, fitting: width - indent.count) {
        if lineHasWord { startLine() }
        current += piece
        currentWidth += DisplayWidth.of(piece)
        lineHasWord = true
      }
    }
    lines.append(current)
    return lines
  }

  /// The start of `line` that continuation lines are indented to match.
  static func hangingPrefix(of line: Substring, width: Int) -> Substring {
    let leading = line.prefix { $0 == " " }
    let body = line[leading.endIndex...]
    let marked = markerLength(body).map { body.index(body.startIndex, offsetBy: $0) }
    let end = marked ?? columnStart(body) ?? body.startIndex
    for candidate in [end, leading.endIndex] where DisplayWidth.of(line[..<candidate]) * 2 <= width {
      return line[..<candidate]
    }
    return line[..<line.startIndex]
  }

  /// How many characters a list marker and the spaces after it take at the start of `text`.
  private static func markerLength(_ text: Substring) -> Int? {
    let characters = Array(text.prefix(8))
    var length: Int
    if let first = characters.first, "-*+•?!=".contains(first) {
      length = 1
    } else {
      let digits = characters.prefix { $0.isASCII && $0.isNumber }.count
      guard (1...3).contains(digits), digits < characters.count, ".)".contains(characters[digits]) else { return nil }
      length = digits + 1
    }
    guard length < characters.count, characters[length] == " " else { return nil }
    // A Markdown task: `- [ ] ` or `- [x] `.
    if characters.first == "-", characters.count >= 6, characters[2] == "[", characters[4] == "]",
      characters[5] == " ", " xX".contains(characters[3])
    {
      length = 5
    }
    return length + characters[length...].prefix { $0 == " " }.count
  }

  /// Where the second column starts in a line laid out in columns: after one to four words (a
  /// checklist item is `1 [ ] word`) with
  /// single spaces between them, a gap of two spaces or more.
  private static func columnStart(_ text: Substring) -> Substring.Index? {
    var index = text.startIndex
    for _ in 0..<4 {
      let word = text[index...].prefix { $0 != " " }
      guard !word.isEmpty else { return nil }
      let gap = text[word.endIndex...].prefix { $0 == " " }
      guard gap.endIndex < text.endIndex else { return nil }
      if gap.count >= 2 { return gap.endIndex }
      guard gap.count == 1 else { return nil }
      index = gap.endIndex
    }
    return nil
  }

  /// The words of `text`, each with the spaces before it; spaces at the end are dropped.
  private static func words(in text: Substring) -> [(gap: Substring, word: Substring)] {
    var result: [(Substring, Substring)] = []
    var index = text.startIndex
    while index < text.endIndex {
      let gap = text[index...].prefix { $0 == " " }
      let word = text[gap.endIndex...].prefix { $0 != " " }
      if !word.isEmpty { result.append((gap, word)) }
      index = word.endIndex
    }
    return result
  }

  /// `word` whole when it fits in `room` columns or is a path, else broken into pieces that each
  /// fill `room` columns; each piece holds at least one character.
  private static func pieces(of word: Substring, fitting room: Int) -> [Substring] {
    guard DisplayWidth.of(word) > room, !word.contains("/") else { return [word] }
    var result: [Substring] = []
    var start = word.startIndex
    var used = 0
    for index in word.indices {
      let columns = DisplayWidth.of(word[index])
      if used + columns > room && index > start {
        result.append(word[start..<index])
        start = index
        used = 0
      }
      used += columns
    }
    result.append(word[start...])
    return result
  }
}
