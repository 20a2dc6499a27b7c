import CasebookKit
import Testing

@Suite struct TableLayoutTests {
  let layout = TableLayout(
    columns: [
      .init("STARTED", leftOutRank: 1), .init("PLAYBOOK", leftOutRank: 2), .init("CLIENT", shortestWidth: 8),
      .init("STATUS"), .init("CASE"),
    ], leadColumn: 4)
  let rows = [
    ["2026-12-01 10:00", "no-show", "Dana Ruiz-Montgomery of the Very Long Family Name", "interrupted", "2026-12-01-no-show-dana-ruiz"],
    ["2026-12-01 11:00", "late-cancel", "李小龍", "completed", "2026-12-01-late-cancel-li-xiao-long"],
  ]

  @Test func `text that fits is kept; longer text keeps its start and end around an ellipsis`() {
    #expect(TableLayout.shortened("Dana Ruiz", to: 9) == "Dana Ruiz")
    #expect(TableLayout.shortened("Dana Ruiz-Montgomery", to: 12) == "Dana R…omery")
    #expect(TableLayout.shortened("李小龍李小龍", to: 7) == "李小…龍")
    #expect(DisplayWidth.of(TableLayout.shortened("李小龍李小龍", to: 7)) <= 7)
    #expect(TableLayout.shortened("abc", to: 1) == "…")
  }

  @Test func `a wide screen shows every column whole, aligned by display width`() {
    let lines = layout.lines(rows, width: 140)
    #expect(lines[0].hasPrefix("STARTED           PLAYBOOK     CLIENT"))
    #expect(lines[1].contains("Dana Ruiz-Montgomery of the Very Long Family Name"))
    // The status starts at the same column in each line, though 李小龍 has fewer characters.
    let statusColumn = zip(lines, ["STATUS", "interrupted", "completed"]).map { line, status in
      DisplayWidth.of(line.prefix { _ in true }.split(separator: status, maxSplits: 1)[0])
    }
    #expect(Set(statusColumn).count == 1, "\(lines)")
  }

  @Test(arguments: [40, 60, 80, 100, 120])
  func `every line fits the width and every case id is whole`(width: Int) {
    let lines = layout.lines(rows, width: width)
    for line in lines { #expect(DisplayWidth.of(line) <= width, "\(width): \(line)") }
    for row in rows { #expect(lines.contains { $0.contains(row[4]) }, "\(width): \(lines)") }
  }

  @Test func `columns the case id repeats are left out before the client is cut short`() {
    #expect(layout.lines(rows, width: 100)[0].hasPrefix("STARTED"))
    let lines = layout.lines(rows, width: 80)
    #expect(!lines[0].contains("STARTED"))
    #expect(lines[0].hasPrefix("PLAYBOOK"))
    #expect(lines[1].hasPrefix("no-show      Dana Rui…ily Name  interrupted"))
  }

  @Test func `on two lines a labelled cell says what it is`() {
    let labelled = TableLayout(columns: [.init("CLIENT"), .init("NEXT DUE", label: "next due"), .init("CASE")], leadColumn: 2)
    let lines = labelled.lines([["Dana", "2026-12-05", "2026-12-01-no-show-dana-ruiz-and-a-long-tail"], ["Lee", "-", "x"]], width: 30)
    #expect(lines == ["2026-12-01-no-show-dana-ruiz-and-a-long-tail", "  Dana · next due 2026-12-05", "x", "  Lee"])
  }

  @Test func `a screen too narrow for a table gives each entry two lines, the id whole on the first`() {
    let lines = layout.lines(rows, width: 40)
    #expect(lines == [
      "2026-12-01-no-show-dana-ruiz",
      "  Dana Ruiz-Mo…Family Name · interrupted",
      "2026-12-01-late-cancel-li-xiao-long",
      "  李小龍 · completed",
    ])
  }
}
