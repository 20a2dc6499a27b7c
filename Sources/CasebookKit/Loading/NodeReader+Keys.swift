// The keys each kind of mapping in a playbook may have. The order of the cases is the order
// "did you mean" tries them in; `SchemaTests` checks each set against docs/playbook.schema.json.
extension NodeReader {
  /// The top level of a playbook.
  enum PlaybookKey: String, MappingKey {
    case format, id, title, summary, start, inputs, steps, rehearsal, practice, translations
  }

  /// A part file, whose steps playbooks include.
  enum PartKey: String, MappingKey {
    case part, steps
  }

  /// A step.
  enum StepKey: String, MappingKey {
    case id, say, ask, end, branch, next, choices, input, save, detail, why, drafts, decision
    case actions, checklist, timer, stop, handover, when, optional
    case fromHistory = "from_history"
  }

  /// One answer among an ask's `choices`.
  enum ChoiceKey: String, MappingKey {
    case answer, label, next, when
  }

  /// One item of an ask's `checklist`.
  enum ChecklistItemKey: String, MappingKey {
    case item, label
  }

  /// One case of a `branch` step.
  enum BranchCaseKey: String, MappingKey {
    case when, next
  }

  /// One of an end step's `actions`.
  enum ActionKey: String, MappingKey {
    case `do`, within, from
  }

  /// One of a step's `drafts`.
  enum DraftKey: String, MappingKey {
    case kind, subject, text
  }

  /// One of the playbook's `inputs`.
  enum InputKey: String, MappingKey {
    case name, ask, input, why
  }

  /// The playbook's `rehearsal` material.
  enum RehearsalKey: String, MappingKey {
    case prepare, points, replies, avoid, reactions, opens, accepts
  }

  /// One of the rehearsal's `points` written as a mapping.
  enum PointKey: String, MappingKey {
    case say, label, said, answers
  }

  /// One of the rehearsal's `avoid` entries.
  enum AvoidKey: String, MappingKey {
    case label, said, client, mood, suggest
  }

  /// One of the rehearsal's `reactions`.
  enum ReactionKey: String, MappingKey {
    case missing, after, client, mood, suggest
  }

  /// One of the rehearsal's `prepare` entries written as a mapping.
  enum PreparationKey: String, MappingKey {
    case step, label, said
  }

  /// One of the rehearsal's `replies`.
  enum ReplyKey: String, MappingKey {
    case client, mood, suggest
  }

  /// One `practice` scenario.
  enum ScenarioKey: String, MappingKey {
    case name, situation, values, answers, feedback, expire
  }

  /// One of a scenario's `answers` written as a mapping.
  enum AnswerKey: String, MappingKey {
    case answer, must, may, not, within, said
  }

  /// One language's entry under `translations`.
  enum TranslationKey: String, MappingKey {
    case title, summary, steps, inputs
  }

  /// One step's texts in a translation.
  enum StepTextKey: String, MappingKey {
    case say, ask, end, detail, why, decision, labels, drafts
  }
}
