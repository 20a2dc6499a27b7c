import CasebookKit

/// A draft as a plain-text file: an optional `Subject:` line, a blank line, then the text.
enum DraftFile {
  /// The file's text, which is also what goes on the clipboard: stripped of control characters (a
  /// client's name or a playbook's text could carry an escape that writes the clipboard).
  static func text(of draft: FilledDraft) -> String {
    let body = draft.text.hasSuffix("\n") ? draft.text : draft.text + "\n"
    return TextSanitizer.stripped(draft.subject.map { "Subject: \(TextSanitizer.clean($0))\n\n" + body } ?? body)
  }

  /// `draft` as the edited `file` has it: a leading `Subject:` line is its subject, and the newline
  /// the file added after a text that had none is not an edit.
  static func edited(_ draft: FilledDraft, from file: String) -> FilledDraft {
    var edited = draft
    var body = file
    if draft.subject != nil, file.hasPrefix("Subject: ") {
      let lines = file.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false)
      edited.subject = String(lines[0].dropFirst("Subject: ".count))
      body = lines.count > 1 ? String(lines[1]) : ""
      if body.hasPrefix("\n") { body.removeFirst() }
    }
    if !draft.text.hasSuffix("\n"), body.hasSuffix("\n") { body.removeLast() }
    edited.text = body
    return edited
  }
}
