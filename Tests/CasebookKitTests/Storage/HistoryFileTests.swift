import CasebookKit
import Foundation
import Testing

struct HistoryFileTests {
  @Test func `the history is state: XDG_STATE_HOME, else ~/.local/state; CASEBOOK_HOME holds everything`() {
    #expect(HistoryFile.path(environment: ["HOME": "/home/ana"]) == "/home/ana/.local/state/casebook/history")
    #expect(HistoryFile.path(environment: ["HOME": "/home/ana", "XDG_STATE_HOME": "/s"]) == "/s/casebook/history")
    // A relative XDG path is ignored, as the specification says.
    #expect(HistoryFile.path(environment: ["HOME": "/home/ana", "XDG_STATE_HOME": "s"]) == "/home/ana/.local/state/casebook/history")
    #expect(HistoryFile.path(environment: ["HOME": "/home/ana", "CASEBOOK_HOME": "/c"]) == "/c/history")
  }

  @Test func `an earlier version's history is moved once from the data folder, 0600 in a 0700 folder`() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("history-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let data = root + "/data/casebook"
    try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
    _ = FileManager.default.createFile(atPath: data + "/history", contents: Data("yes\n".utf8), attributes: [.posixPermissions: 0o600])
    let environment = ["HOME": root, "XDG_STATE_HOME": root + "/state"]

    let path = try #require(HistoryFile.prepare(environment: environment, dataHome: data))
    #expect(path == root + "/state/casebook/history")
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "yes\n")
    #expect(!FileManager.default.fileExists(atPath: data + "/history"))
    let folderMode = try FileManager.default.attributesOfItem(atPath: root + "/state/casebook")[.posixPermissions] as? Int
    #expect(folderMode == 0o700)

    // Once: a history written since is not replaced by a stale one that reappears.
    _ = FileManager.default.createFile(atPath: data + "/history", contents: Data("old\n".utf8))
    _ = HistoryFile.prepare(environment: environment, dataHome: data)
    #expect(try String(contentsOfFile: path, encoding: .utf8) == "yes\n")
  }
}
