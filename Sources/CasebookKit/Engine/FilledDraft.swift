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
  /// Its place among its step's drafts, from 1, when the step has several.
  public var number: Int?

  /// Creates a filled draft.
  public init(step: StepID, kind: Draft.Kind, subject: String?, text: String, number: Int? = nil) {
    self.step = step
    self.kind = kind
    self.subject = subject
    self.text = text
    self.number = number
  }

  /// A file name for it in the case folder, such as `draft-follow-up-email.txt`, or
  /// `draft-follow-up-2-email.txt` for the second of a step's drafts.
  public var fileName: String { "draft-\(step)-\(number.map { "\($0)-" } ?? "")\(kind.rawValue).txt" }
}
