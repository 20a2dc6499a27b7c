@testable import CasebookKit
import Testing

/// Checking and filling a draft template take work in proportion to its length: counted, not timed
/// (timings are in Benchmarks/check.sh).
@Suite struct TemplateWorkTests {
  static func template(tags: Int) -> String {
    String(repeating: "Dear {{client}}, {{#when}}on {{when}}{{/when}}\n", count: tags / 3)
  }

  @Test func `checking twice the tags takes twice the work`() {
    let small = DraftRenderer.check(Self.template(tags: 4_000))
    let large = DraftRenderer.check(Self.template(tags: 8_000))
    #expect(small.failure == nil)
    #expect(large.failure == nil)
    let ratio = Double(large.work) / Double(small.work)
    #expect(ratio > 1.9 && ratio < 2.1, "work \(small.work) then \(large.work)")
  }

  @Test func `a template filled in pieces reads as one filled whole`() {
    let template = """
      Dear {{client}},
        {{#when}}
      We meet {{when}}.
        {{/when}}
      {{^when}}No time yet.{{/when}}
      {{! a note to the writer }}
      Kind regards,
      {{title}}

      """
    for values in [["client": "Ann", "when": "Friday", "title": "T"], ["client": "Bo"]] {
      let whole = DraftRenderer.fill(template, with: values, piece: .max)
      #expect(DraftRenderer.fill(template, with: values, piece: 1) == whole)
      #expect(whole.contains(values["client"] ?? "?"))
    }
  }

  @Test func `a template past the length limit is refused without being read`() {
    let template = String(repeating: "{{client}} ", count: 20_000)
    let checked = DraftRenderer.check(template)
    #expect(checked.failure?.message == "the template is 220000 characters long; a draft is limited to 200000")
    #expect(checked.work == 0)
  }
}
