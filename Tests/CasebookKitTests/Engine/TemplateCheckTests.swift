@testable import CasebookKit
import Foundation
import Testing

/// Checking a draft reads only the tags that need the Mustache parser: a tag written plainly is
/// one the parser always takes, and every other tag is still read, so a broken one is found where
/// it is, however many tags come before it.
@Suite struct TemplateCheckTests {
  /// Every tag of every bundled playbook's drafts, and plain tags of every form.
  static func plainTags() throws -> [TemplateScanner.Tag] {
    var templates = [
      "{{client}} {{ me.name }} {{&raw}} {{a-b_c?*}} {{time(new_time)}} {{ day(me.x) }}",
      "{{#kind}}x{{/kind}} {{^where}}y{{/where}} {{#time(when)}}z{{/time(when)}}",
    ]
    let folder = repositoryRoot().appendingPathComponent("playbooks").path
    for file in PlaybookCatalog.files(in: folder) {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook, "\(file)")
      templates += playbook.steps.flatMap(\.drafts).flatMap { [$0.template, $0.subject ?? ""] }
    }
    return templates.flatMap { TemplateScanner($0).tags.filter(\.isPlain) }
  }

  @Test func `the Mustache parser takes every tag the check calls plain`() throws {
    let tags = try Self.plainTags()
    #expect(tags.count > 100)
    for tag in tags {
      #expect(DraftRenderer.parserProblem(tag.snippet) == nil, "\(tag.snippet)")
    }
  }

  @Test(arguments: ["{{client name}}", "{{time(new_time}}", "{{a(b)c}}", "{{#a b}}x{{/a b}}", "{{(x)}}", "{{a()}}", "{{{a}}}"])
  func `a tag that is not plain is read by the parser`(template: String) {
    #expect(TemplateScanner(template).tags.allSatisfy { !$0.isPlain })
    let parser = DraftRenderer.parserProblem(template)
    #expect(DraftRenderer.validate(template)?.message == parser, "\(template)")
  }

  @Test func `a broken tag after many that need reading is found where it is`() {
    let good = (1...60).map { "{{{value\($0)}}}" }.joined(separator: " ")
    let failure = DraftRenderer.validate("Hello,\n\(good)\n  {{client name}} and {{{more}}}")
    #expect(failure?.line == 3)
    #expect(failure?.column == 3)
    #expect(DraftRenderer.validate("Hello,\n\(good)\n") == nil)
  }

  @Test func `columns count characters, not bytes`() {
    let failure = DraftRenderer.validate("Żółć {{client name}}")
    #expect(failure?.line == 1)
    #expect(failure?.column == 6)
  }
}
