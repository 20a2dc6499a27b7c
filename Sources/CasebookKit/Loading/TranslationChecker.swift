/// Warns about translations that miss a step's text, name a step that does not exist, or use a
/// name in a draft that the original draft does not.
enum TranslationChecker {
  static func check(_ playbook: Playbook) -> [Diagnostic] {
    var diagnostics: [Diagnostic] = []
    let steps = playbook.steps
    for (language, translation) in playbook.translations.sorted(by: { $0.key < $1.key }) {
      let at = translation.location
      for id in translation.steps.keys.sorted() where playbook[id] == nil {
        diagnostics.append(.translationProblem(language, "has texts for step \(quoted(id)), which does not exist", at: at)
          .suggesting(id.rawValue, among: steps.map(\.id.rawValue)))
      }
      let missing = steps.filter { step in
        if case .branch = step.kind { return false }
        if case .ask(let question) = step.kind, question.isInput { return false }
        return translation.steps[step.id]?.text == nil
      }.map(\.id.rawValue)
      if !missing.isEmpty {
        let listed = missing.prefix(5).map { "'\($0)'" }.joined(separator: ", ")
        let more = missing.count > 5 ? " and \(missing.count - 5) more" : ""
        diagnostics.append(.translationProblem(language, "has no text for step \(listed)\(more); the original is shown there", at: at))
      }
      for (id, texts) in translation.steps.sorted(by: { $0.key < $1.key }) {
        guard let step = playbook[id] else { continue }
        let original = Set(step.drafts.flatMap { DraftRenderer.names(in: ($0.subject ?? "") + "\n" + $0.template) })
        let used = Set(texts.drafts.flatMap { DraftRenderer.names(in: ($0.subject ?? "") + "\n" + ($0.text ?? "")) })
        for name in used.subtracting(original).sorted() {
          diagnostics.append(.translationProblem(language, "uses {{\(name)}} in a draft of step \(quoted(id)), which the original does not", at: at))
        }
      }
    }
    return diagnostics
  }
}
