import CasebookKit
import Foundation

/// What a case's journal holds, read as Casebook reads it after a crash.
struct JournalReading {
  var answers: [String]
  var events: [String]
  var droppedTail: Bool

  init?(path: String) {
    guard let data = FileManager.default.contents(atPath: path),
      let contents = try? JournalCodec.decode([UInt8](data))
    else { return nil }
    droppedTail = contents.droppedTail
    var answers: [String] = []
    var events: [String] = []
    for entry in contents.entries {
      switch entry {
      case .opened: events.append("opened")
      case .answered(_, let answer, _, _):
        answers.append(answer)
        events.append("answered")
      case .undone:
        answers.removeLast()
        events.append("undone")
      case .noted: events.append("noted")
      case .left: events.append("left")
      case .resumed: events.append("resumed")
      case .finished: events.append("finished")
      case .drafted: events.append("drafted")
      case .draftCopied: events.append("draft-copied")
      case .draftSent: events.append("draft-sent")
      case .carried: events.append("carried")
      case .attempted: events.append("attempted")
      case .said: events.append("said")
      case .expired: events.append("expired")
      case .skipped: events.append("skipped")
      case .actionDone: events.append("action-done")
      case .actionReopened: events.append("action-reopened")
      case .renamedClient: events.append("renamed-client")
      }
    }
    self.answers = answers
    self.events = events
  }
}
