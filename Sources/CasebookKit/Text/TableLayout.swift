/// Lays rows of cells out in columns that fit a width, as `casebook cases` and `casebook next` list
/// them: long texts shortened in the middle (`Dana Ruiz-Mon…Family Name`), columns a narrow screen
/// can do without left out, and, when no table fits, one entry to two lines. A column that must be
/// copied whole, such as a case id, is never shortened.
public struct TableLayout: Sendable {
  /// One column: its heading and how it gives way to a narrow width.
  public struct Column: Sendable {
    /// The heading, shown over the column.
    public var title: String
    /// The fewest columns it is shortened to, or `nil` when it is never shortened.
    public var shortestWidth: Int?
    /// When the table is too wide, columns are left out in this order (lowest first); `nil` keeps it.
    public var leftOutRank: Int?
    /// The word put before the cell when entries take two lines and no heading says what it is
    /// (`due` for a date that is not the case's start).
    public var label: String?

    /// Creates a column.
    public init(_ title: String, shortestWidth: Int? = nil, leftOutRank: Int? = nil, label: String? = nil) {
      self.title = title
      self.shortestWidth = shortestWidth
      self.leftOutRank = leftOutRank
      self.label = label
    }
  }

  /// The columns, in order.
  public var columns: [Column]
  /// The column an entry starts with when the table does not fit and each entry takes two lines.
  public var leadColumn: Int

  /// Creates a layout of `columns`; `leadColumn` heads each entry when entries take two lines.
  public init(columns: [Column], leadColumn: Int) {
    self.columns = columns
    self.leadColumn = leadColumn
  }

  private static let gap = "  "
  private static let separator = " · "

  /// The lines of `rows` within `width` columns (display columns: wide characters count two).
  ///
  /// - Parameter heading: Whether a line of headings comes first, when the rows fit as a table.
  public func lines(_ rows: [[String]], width: Int, heading: Bool = true) -> [String] {
    let ranked = columns.indices.filter { columns[$0].leftOutRank != nil }
      .sorted { (columns[$0].leftOutRank ?? 0) < (columns[$1].leftOutRank ?? 0) }
    // Columns are shortened a little before any is left out, and to their shortest only after.
    for generous in [true, false] {
      var shown = Array(columns.indices)
      for leftOut in [nil] + ranked {
        if let leftOut { shown.removeAll { $0 == leftOut } }
        if let widths = fittedWidths(rows, shown: shown, heading: heading, width: width, generous: generous) {
          let all = heading ? [columns.map(\.title)] + rows : rows
          return all.map { row in line(row, shown: shown, widths: widths) }
        }
      }
    }
    return twoLines(rows, width: width)
  }

  /// Each shown column's width when they fit in `width`, shortening what may be shortened.
  /// `generous` keeps a shortened column at twice its shortest width.
  private func fittedWidths(_ rows: [[String]], shown: [Int], heading: Bool, width: Int, generous: Bool) -> [Int: Int]? {
    var widths: [Int: Int] = [:]
    var floors: [Int: Int] = [:]
    for column in shown {
      let cells = rows.map { DisplayWidth.of($0[column]) } + (heading ? [DisplayWidth.of(columns[column].title)] : [])
      let natural = cells.max() ?? 0
      widths[column] = natural
      if let shortest = columns[column].shortestWidth {
        let floor = max(shortest, heading ? DisplayWidth.of(columns[column].title) : 0)
        floors[column] = generous ? max(floor, min(natural, 2 * shortest)) : floor
      }
    }
    var excess = shown.reduce(0) { $0 + (widths[$1] ?? 0) } + Self.gap.count * (shown.count - 1) - width
    // The widest shortenable column gives way first, one column at a time.
    while excess > 0 {
      let candidates = shown.filter { column in
        guard let floor = floors[column] else { return false }
        return (widths[column] ?? 0) > floor
      }
      guard let widest = candidates.max(by: { (widths[$0] ?? 0) < (widths[$1] ?? 0) }) else { return nil }
      widths[widest, default: 0] -= 1
      excess -= 1
    }
    return widths
  }

  private func line(_ row: [String], shown: [Int], widths: [Int: Int]) -> String {
    let cells = shown.enumerated().map { position, column in
      let width = widths[column] ?? 0
      let cell = Self.shortened(row[column], to: width)
      let isLast = position == shown.count - 1
      return isLast ? cell : cell + String(repeating: " ", count: max(0, width - DisplayWidth.of(cell)))
    }
    return cells.joined(separator: Self.gap)
  }

  /// Each row as two lines: the lead cell whole; under it, indented and joined by ` · `, the other
  /// cells that say something, less the columns a narrow screen can do without (left out of every
  /// row alike), the long ones shortened.
  private func twoLines(_ rows: [[String]], width: Int) -> [String] {
    let indent = "  "
    let room = width - indent.count
    func parts(of row: [String], in shown: [Int]) -> [Int] {
      shown.filter { $0 != leadColumn && !row[$0].isEmpty && row[$0] != "-" }
    }
    func naturalWidth(of row: [String], in shown: [Int]) -> Int {
      let cells = parts(of: row, in: shown)
      return cells.reduce(0) { $0 + DisplayWidth.of(row[$1]) } + Self.separator.count * max(0, cells.count - 1)
    }
    var shown = Array(columns.indices)
    for leftOut in columns.indices.filter({ columns[$0].leftOutRank != nil })
      .sorted(by: { (columns[$0].leftOutRank ?? 0) < (columns[$1].leftOutRank ?? 0) })
    where rows.contains(where: { naturalWidth(of: $0, in: shown) > room }) {
      shown.removeAll { $0 == leftOut }
    }
    let rows = rows.map { row in
      row.indices.map { column in
        guard let label = columns[column].label, !row[column].isEmpty, row[column] != "-" else { return row[column] }
        return "\(label) \(row[column])"
      }
    }
    return rows.flatMap { row -> [String] in
      let cells = parts(of: row, in: shown)
      guard !cells.isEmpty else { return [row[leadColumn]] }
      var widths = Dictionary(uniqueKeysWithValues: cells.map { ($0, DisplayWidth.of(row[$0])) })
      var excess = naturalWidth(of: row, in: shown) - room
      // The widest cell that may be shortened gives way first, one column at a time, down to its
      // shortest width, and then further if it must.
      for floor in [{ (column: Int) in columns[column].shortestWidth ?? 0 }, { _ in 1 }] {
        while excess > 0, let widest = cells.filter({ columns[$0].shortestWidth != nil && (widths[$0] ?? 0) > floor($0) })
          .max(by: { (widths[$0] ?? 0) < (widths[$1] ?? 0) })
        {
          widths[widest, default: 0] -= 1
          excess -= 1
        }
      }
      let text = cells.map { Self.shortened(row[$0], to: widths[$0] ?? 0) }.joined(separator: Self.separator)
      return [row[leadColumn], indent + Self.shortened(text, to: room)]
    }
  }

  /// `text` in at most `width` columns: whole when it fits, else its start and end around `…`.
  public static func shortened(_ text: String, to width: Int) -> String {
    guard DisplayWidth.of(text) > width else { return text }
    guard width > 1 else { return width == 1 ? "…" : "" }
    let room = width - 1
    var head = ""
    var tail = ""
    var headWidth = 0
    var tailWidth = 0
    var front = text.startIndex
    var back = text.endIndex
    // Characters are taken from each end in turn, the start getting the odd one.
    var fromFront = true
    while front < back {
      if fromFront {
        let character = text[front]
        let columns = DisplayWidth.of(character)
        guard headWidth + tailWidth + columns <= room else { break }
        head.append(character)
        headWidth += columns
        front = text.index(after: front)
      } else {
        let before = text.index(before: back)
        let character = text[before]
        let columns = DisplayWidth.of(character)
        guard headWidth + tailWidth + columns <= room else { break }
        tail.insert(character, at: tail.startIndex)
        tailWidth += columns
        back = before
      }
      fromFront.toggle()
    }
    return head.trimmingTrailingSpaces() + "…" + String(tail.drop { $0 == " " })
  }
}

extension String {
  fileprivate func trimmingTrailingSpaces() -> String {
    var text = self
    while text.last == " " { text.removeLast() }
    return text
  }
}
