import CasebookKit
import Testing

@Suite struct PlaybookSnapshotTests {
  @Test func `parts are kept at their path relative to the playbook; one outside its folder is named`() {
    let snapshot = PlaybookSnapshot(
      file: "books/late.yaml",
      sources: [
        "books/late.yaml": "main",
        "books/parts/propose.yaml": "propose",
        "books/parts/../shared.yaml": "shared",
        "books/./parts/deep/../confirm.yaml": "confirm",
        "books/../elsewhere/x.yaml": "x",
      ])
    #expect(snapshot.source == "main")
    #expect(snapshot.parts == ["parts/propose.yaml": "propose", "shared.yaml": "shared", "parts/confirm.yaml": "confirm"])
    #expect(snapshot.outside == ["books/../elsewhere/x.yaml"])
  }

  @Test func `a part named like one of the case's own files is not kept in its place`() {
    let snapshot = PlaybookSnapshot(
      file: "books/main.yaml",
      sources: ["books/main.yaml": "main", "books/journal.log": "x", "books/playbook.yaml": "y", "books/parts/journal.log": "z"])
    #expect(snapshot.parts == ["parts/journal.log": "z"])
    #expect(snapshot.outside == ["books/journal.log", "books/playbook.yaml"])
  }

  @Test func `a path that climbs out through its own folder is outside`() {
    let snapshot = PlaybookSnapshot(file: "late.yaml", sources: ["late.yaml": "main", "./../up.yaml": "up", "./parts/a.yaml": "a"])
    #expect(snapshot.parts == ["parts/a.yaml": "a"])
    #expect(snapshot.outside == ["./../up.yaml"])
  }
}
