import Yams

// The playbook's `translations`: by language code, its title, summary, inputs and step texts.
extension NodeReader {
  mutating func readTranslations(_ node: Node) -> [String: PlaybookTranslation] {
    guard case .mapping(let mapping) = node else {
      report(.wrongType("translations", expected: "a mapping of language codes (such as 'pl') to texts", found: describe(node), at: location(of: node)))
      return [:]
    }
    var result: [String: PlaybookTranslation] = [:]
    for (key, value) in mapping {
      guard let language = key.scalar?.string, language.count >= 2, language.count <= 8,
        language.allSatisfy({ $0.isLetter && $0.isLowercase || $0 == "-" })
      else {
        report(.badID(key.scalar?.string ?? "", what: "language code", at: location(of: key)))
        continue
      }
      guard let fields = fields(of: value, named: "the '\(language)' translation", allowed: TranslationKey.self) else { continue }
      var translation = PlaybookTranslation(location: location(of: key))
      translation.title = optionalString(.title, in: fields)
      translation.summary = optionalString(.summary, in: fields)
      if let inputsField = fields[.inputs] { translation.inputs = stringMap(inputsField.value, field: "inputs") }
      if let stepsField = fields[.steps] {
        // Steps that are not a mapping leave the whole language out.
        guard let steps = readStepTexts(stepsField.value) else { continue }
        translation.steps = steps
      }
      result[language] = translation
    }
    return result
  }

  /// The translated texts of each step, by step id; `nil` when they are not a mapping.
  private mutating func readStepTexts(_ node: Node) -> [StepID: PlaybookTranslation.StepText]? {
    guard case .mapping(let steps) = node else {
      report(.wrongType("steps", expected: "a mapping of step ids to their texts", found: describe(node), at: location(of: node)))
      return nil
    }
    var result: [StepID: PlaybookTranslation.StepText] = [:]
    for (stepKey, stepNode) in steps {
      guard let id = stepKey.scalar?.string,
        let texts = fields(of: stepNode, named: "the texts of step '\(id)'", allowed: StepTextKey.self)
      else { continue }
      var stepText = PlaybookTranslation.StepText()
      stepText.text = optionalString(.say, in: texts) ?? optionalString(.ask, in: texts) ?? optionalString(.end, in: texts)
      stepText.detail = optionalString(.detail, in: texts)
      stepText.why = optionalString(.why, in: texts)
      stepText.decision = optionalString(.decision, in: texts)
      if let labels = texts[.labels] { stepText.labels = stringMap(labels.value, field: "labels") }
      if let drafts = texts[.drafts], case .sequence(let sequence) = drafts.value {
        stepText.drafts = sequence.map {
          ($0.mapping?[DraftKey.subject.rawValue]?.scalar?.string, $0.mapping?[DraftKey.text.rawValue]?.scalar?.string)
        }
      }
      result[StepID(id)] = stepText
    }
    return result
  }
}
