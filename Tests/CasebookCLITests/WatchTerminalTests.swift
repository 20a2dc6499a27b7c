import Foundation
import Testing

extension TerminalTests {
  @Test func `a watched playbook shows its errors in place when saved broken, and carries on with the answers once fixed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let folder = casebook.home + "-watched"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let path = folder + "/small.yaml"
    let good = try String(contentsOfFile: fixture("small.yaml"), encoding: .utf8)
    try good.write(toFile: path, atomically: true, encoding: .utf8)
    let session = try startSession(["run", path, "--watch", "--client", "Ana"], in: casebook)

    _ = try session.waitFor { $0.contains("Did you reach them?") }
    try session.type("2")
    var screen = try session.waitFor { $0.contains("How long will you wait?") }
    #expect(screen.contains("Watching "))

    // Saved with a typo: the error is shown in place, and the run waits.
    try good.replacingOccurrences(of: "save: new_time\n    next: done", with: "save: new_time\n    next: dne")
      .write(toFile: path, atomically: true, encoding: .utf8)
    _ = try session.waitFor { $0.contains("(waiting for a save") }
    screen = try session.history()
    #expect(screen.contains("error: 'next' names step 'dne', which does not exist [dangling-next]"))
    #expect(screen.contains("note: did you mean 'done'?"))

    // Fixed: the answer given is replayed and the run carries on at the question it was at.
    try good.write(toFile: path, atomically: true, encoding: .utf8)
    screen = try session.waitFor { $0.contains("Now: How long will you wait?") }
    #expect(screen.contains("2. Did you reach them? -> no"))
    #expect(try session.history().replacingOccurrences(of: "\n", with: " ").contains("replayed 1 of 1 answer."))
    try session.enter("15m")
    screen = try session.waitFor { $0.contains("When is the new appointment?") }
    #expect(screen.contains("When is the new appointment?"))
    #expect(casebook.caseFolders().isEmpty)
  }
}
