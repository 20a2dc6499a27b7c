@testable import CasebookKit
import Foundation
import Testing

@Suite struct PlaybookHeaderScannerTests {
  @Test func `every bundled playbook's header reads as loading it in full does`() throws {
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    let files = PlaybookCatalog.files(in: folder)
    #expect(files.count >= 6)
    for file in files {
      let source = try String(contentsOfFile: file, encoding: .utf8)
      let playbook = try #require(PlaybookLoader.load(path: file).playbook)
      let header = PlaybookHeaderScanner.scan(source)
      #expect(header?.id == playbook.id, "\(file)")
      #expect(header?.title == playbook.title, "\(file)")
    }
  }

  @Test(arguments: [
    ("id: a\ntitle: A title # a comment\n", "A title"),
    ("title: \"Quoted: with a colon\"\nid: a\n", "Quoted: with a colon"),
    ("id: a\ntitle: 'Single #quoted'\nsteps: []\n", "Single #quoted"),
    ("id: a\r\ntitle: Windows lines\r\n", "Windows lines"),
    ("id: a\ntitle: \"  Padded  \"\n", "Padded"),
  ])
  func `plain and quoted one-line titles are read`(source: String, title: String) {
    #expect(PlaybookHeaderScanner.scan(source)?.title == title)
    #expect(PlaybookHeaderScanner.scan(source)?.id == "a")
  }

  @Test func `a comment after a tab is a comment, as YAML reads it`() {
    #expect(PlaybookHeaderScanner.scan("id: tabc\t# legacy\ntitle: T\n")?.id == "tabc")
  }

  @Test(arguments: [
    "id: a\ntitle: >-\n  Folded\n",
    "id: a\ntitle: A title that\n  goes on\n",
    "id: a\ntitle: \"Escaped \\\" quote\"\n",
    "id: a\ntitle: 'It''s'\n",
    "{id: a, title: Flow}\n",
    "id: a\nid: b\ntitle: Twice\n",
    "id: a\ntitle: &anchor Anchored\n",
    "id: a\n",
    "id: a\ntitle: key: value\n",
    "{\nid: flow,\ntitle: T\n}\n",
    "id: a\ntitle: A\n\n  more\n",
    "\"id\": real\nsummary: \"x\nid: fake\"\ntitle: T\n",
  ])
  func `anything less plain is left to the loader`(source: String) {
    #expect(PlaybookHeaderScanner.scan(source) == nil)
  }
}
