import Foundation
import Testing

/// A whole case through a pipe in which drafts are copied, edited and marked sent, taken back and
/// offered again, with a branch and a wait limit that runs out; then the record people read
/// (issue 15, item 9).
@Suite struct DraftRecordTests {
  @Test func `copy, edit and sent are kept in the record, each draft once, with no step ids or conditions`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try casebook.useEditor("sed -i 's/^Hi Dana,/Dear Dana,/' \"$1\"")

    // Not reached, a wait of 15m: the message drafts; the text copied, edited, copied again and
    // marked sent; `:back` and the same answer offer them again; then the limit is checked too
    // early (the branch's `otherwise`), and input ends.
    let first = ["", "", "no", "yes", "15m", ":copy 2", ":edit 2", ":copy 2", ":sent 2", ":sent", ":back", "15m", "not-yet"]
    let run = try casebook.run(["run", "no-show", "--client", "Dana Ruiz"], input: first.joined(separator: "\n") + "\n")
    #expect(run.status == 3, "\(run.stderr)")
    // Resumed an hour later: the limit has run out, and its branch leads to the follow-up drafts.
    let resume = try casebook.run(
      ["resume", "dana"], input: ":copy 3\n:sent 3\nno\n", fakeNow: "2026-11-24T10:00:00Z")
    #expect(resume.status == 0, "\(resume.stderr)")
    let show = try casebook.run(["cases", "show", "dana"])
    #expect(show.status == 0, "\(show.stderr)")
    assertGolden(
      ["$ casebook run no-show --client 'Dana Ruiz'", run.stdout, "$ casebook resume dana", resume.stdout,
       "$ casebook cases show dana", show.stdout].joined(separator: "\n"),
      named: "draft-record.transcript")

    let markdown = casebook.read("2026-11-24-no-show-dana-ruiz", "record.md")
    let syntax = ["otherwise", "when ", "expired", "wait_limit", "wait\\_limit"]
    for text in syntax + ["`leave-message`", "`tell-wait`", "`follow-up`", "`check-limit`"] {
      #expect(!markdown.contains(text), "record.md shows '\(text)'")
    }
    #expect(markdown.components(separatedBy: "\nText — Leave one message").count == 2)
    // The text marked sent is the one shown, though `:back` had the step offer it again.
    #expect(markdown.contains(
      "Edited before sending; the offered text is in record.json.\n"
        + "Offered again after it was marked sent; the later text is in record.json.\n\n    Dear Dana, it's"))

    let drafts = try casebook.record("2026-11-24-no-show-dana-ruiz")["drafts"] as? [[String: Any]] ?? []
    let texts = drafts.filter { $0["step"] as? String == "leave-message" && $0["number"] as? Int == 2 }
    #expect(texts.map { $0["edited"] as? Bool } == [nil, true, nil])
    #expect(texts.map { ($0["copied"] as? [String])?.count } == [1, 1, nil])
    #expect(texts.map { $0["sent"] != nil } == [false, true, false])
  }
}
