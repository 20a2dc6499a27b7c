import CasebookKit

/// A draft as a plain-text file: an optional `Subject:` line, a blank line, then the text.
enum DraftFile {
  static func text(of draft: FilledDraft) -> String {
    let body = draft.text.hasSuffix("\n") ? draft.text : draft.text + "\n"
    return draft.subject.map { "Subject: \($0)\n\n" + body } ?? body
  }

  /// The text of an edited file, taking a leading `Subject:` line into `subject`.
  static func body(of file: String, subject: inout String?) -> String {
    guard subject != nil, file.hasPrefix("Subject: ") else { return file }
    let lines = file.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
    subject = String(lines[0].dropFirst("Subject: ".count))
    var rest = lines.count > 1 ? String(lines[1]) : ""
    if rest.hasPrefix("\n") { rest.removeFirst() }
    return rest
  }
}
