import Foundation

extension CaseRecordRenderer {
  /// Each draft once, in the order first offered: what it is for, what was done with it, and its
  /// text as it stands (as edited, or as marked sent). Every filling and edit stays in record.json.
  static func drafts(_ record: CaseRecord, _ time: TimeFormatter) -> [String] {
    guard !record.drafts.isEmpty else { return [] }
    var lines = section("Drafts")
    for (index, texts) in grouped(record.drafts).enumerated() {
      if index > 0 { lines.append("") }
      lines += draft(texts, in: record, time)
    }
    return lines
  }

  /// One draft's texts, each filling and edit in order: its heading, its status, any note, then the
  /// text as a code block.
  private static func draft(
    _ texts: [CaseRecord.DraftEntry], in record: CaseRecord, _ time: TimeFormatter
  ) -> [String] {
    let latest = texts[texts.count - 1]
    // The text marked sent is what the client has, even if the step offered the draft again since.
    let shown = texts.last { $0.sent != nil } ?? latest
    let purpose = stepText(latest.step, in: record).map { " — \(escape($0))" } ?? ""
    var lines = [latest.kind.rawValue.capitalized + purpose, status(of: texts, time)]
    if shown.edited == true {
      lines.append(shown.sent == nil
        ? "Edited; the offered text is in record.json."
        : "Edited before sending; the offered text is in record.json.")
    }
    if shown != latest { lines.append("Offered again after it was marked sent; the later text is in record.json.") }
    lines.append("")
    if let subject = shown.subject { lines.append("    Subject: \(TextSanitizer.clean(subject))") }
    // Indented as a code block, so the message keeps its own lines and nothing in it is Markdown.
    for line in shown.text.split(separator: "\n", omittingEmptySubsequences: false) {
      lines.append("    " + TextSanitizer.clean(String(line)))
    }
    return lines
  }

  /// `Offered 09:02 · copied 09:04 · edited 09:05 · marked sent 09:06.`, in the order they happened.
  private static func status(of texts: [CaseRecord.DraftEntry], _ time: TimeFormatter) -> String {
    var events: [(at: Date, what: String)] = []
    for (index, text) in texts.enumerated() {
      let what = text.edited == true ? "edited" : index == 0 ? "offered" : "offered again"
      events.append((text.at, what))
      events += (text.copied ?? []).map { ($0, "copied") }
      if let sent = text.sent { events.append((sent, "marked sent")) }
    }
    // Each text's copies and mark of sending come after it and before the next text: only they
    // need ordering, and a stable sort keeps the rest as it is.
    let ordered = events.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }
    let line = ordered.map { "\($0.element.what) \(time.clock($0.element.at))" }.joined(separator: " · ") + "."
    return line.prefix(1).uppercased() + line.dropFirst()
  }

  /// The drafts by step and number, in the order each was first offered.
  private static func grouped(_ drafts: [CaseRecord.DraftEntry]) -> [[CaseRecord.DraftEntry]] {
    var groups: [[CaseRecord.DraftEntry]] = []
    for draft in drafts {
      if let index = groups.firstIndex(where: { $0[0].isSameDraft(as: draft) }) {
        groups[index].append(draft)
      } else {
        groups.append([draft])
      }
    }
    return groups
  }
}
