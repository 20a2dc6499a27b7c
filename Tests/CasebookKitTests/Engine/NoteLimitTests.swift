import CasebookKit
import Testing

@Suite struct NoteLimitTests {
  @Test func `a note past the limit is not taken, and the hint says why`() {
    let limit = InSessionCommand.maximumNoteLength
    #expect(InSessionCommand.parse(":note " + String(repeating: "a", count: limit)) == .success(.note(String(repeating: "a", count: limit))))
    guard case .failure(let error) = InSessionCommand.parse(":note " + String(repeating: "a", count: 30_000_000)) else {
      Issue.record("a 30 MB note was taken")
      return
    }
    #expect(error.message == "not noted: a note is limited to 10000 characters; split it into shorter notes")
  }
}
