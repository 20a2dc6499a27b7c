/// A draft as filled for this case: which step offered it, its kind, and its text.
public struct FilledDraft: Sendable, Hashable {
  /// The step that offered it.
  public var step: StepID
  /// Its kind.
  public var kind: Draft.Kind
  /// The subject, for an email.
  public var subject: String?
  /// The text.
  public var text: String

  /// Creates a filled draft.
  public init(step: StepID, kind: Draft.Kind, subject: String?, text: String) {
    self.step = step
    self.kind = kind
    self.subject = subject
    self.text = text
  }

  /// A file name for it in the case folder, such as `draft-follow-up-email.txt`.
  public var fileName: String { "draft-\(step)-\(kind.rawValue).txt" }
}
