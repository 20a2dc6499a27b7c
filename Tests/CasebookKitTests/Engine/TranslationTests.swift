import CasebookKit
import Foundation
import Testing

@Suite struct TranslationTests {
  func load() throws -> PlaybookLoader.Result {
    PlaybookLoader.load(path: fixturesFolder().appendingPathComponent("valid/translated.yaml").path)
  }

  @Test func `a translation replaces the words and keeps the structure`() throws {
    let playbook = try #require(try load().playbook).translated(to: "pl")
    #expect(playbook.title == "Klient nie przyszedł")
    #expect(playbook["call"]?.text == "Zadzwoń teraz do klienta.")
    #expect(playbook["call"]?.why == "Mógł zdarzyć się prawdziwy wypadek.")
    guard case .ask(let question)? = playbook["reached"]?.kind, case .choices(let choices) = question.answers else {
      Issue.record("'reached' is not a question")
      return
    }
    #expect(question.text == "Czy udało się połączyć?")
    #expect(choices.map(\.answer) == ["yes", "no"])
    #expect(choices.map(\.label) == ["Rozmawialiśmy", "Brak odpowiedzi"])
    #expect(playbook["done"]?.drafts.first?.template == "Dzień dobry {{client}}, umówimy nowy termin?")
    #expect(try #require(try load().playbook).translated(to: "de") == (try load().playbook))
  }

  @Test func `a partial translation is a warning that names the steps it lacks`() throws {
    let result = try load()
    #expect(result.diagnostics.map(\.severity) == [.warning])
    #expect(result.diagnostics.first?.message == "translation 'fr' has no text for step 'reached', 'done'; the original is shown there")
  }

  @Test(arguments: [
    (nil, "pl_PL.UTF-8", "pl"), ("fr", "pl_PL.UTF-8", "fr"), (nil, "C.UTF-8", nil), (nil, "", nil),
  ] as [(String?, String, String?)])
  func `the language comes from --lang, else the locale`(option: String?, lang: String, expected: String?) {
    #expect(Playbook.preferredLanguage(option: option, environment: ["LANG": lang]) == expected)
  }
}
