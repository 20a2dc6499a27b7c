/// The name of a step's kind, as `record.json` and `casebook run --list-steps` write it.
///
/// ``Step/Kind`` carries what each kind needs; this is only its name, for text and records.
public enum StepKind: String, Sendable, Hashable, Codable, CaseIterable {
  /// Text to act on.
  case say
  /// A question.
  case ask
  /// The end of the case.
  case end
  /// A decision without a question.
  case branch
  /// A step the playbook no longer has, in the record of a case run with an older version.
  case unknown
}

extension Step.Kind {
  /// The kind's name: `say`, `ask`, `end` or `branch`.
  public var name: StepKind {
    switch self {
    case .say: .say
    case .ask: .ask
    case .end: .end
    case .branch: .branch
    }
  }
}
