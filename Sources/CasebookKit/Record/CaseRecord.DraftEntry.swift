public import Foundation

extension CaseRecord {
  /// A message filled during the case, or the person's edit of one, and what was done with that
  /// text.
  public struct DraftEntry: Sendable, Hashable, Codable {
    /// The step that offered it.
    public var step: StepID
    /// `email`, `text`, `voicemail`, `letter` or `message`.
    public var kind: Draft.Kind
    /// The subject, for an email.
    public var subject: String?
    /// The text as filled, or as edited.
    public var text: String
    /// When it was filled, or edited.
    public var at: Date
    /// Its place among its step's drafts, from 1, when the step has several.
    public var number: Int?
    /// `true` when this is the person's edit (`:edit`) of the draft's text before it.
    public var edited: Bool?
    /// Each time this text was copied (`:copy`), if it was.
    public var copied: [Date]?
    /// When this text was marked sent (`:sent`), if it was.
    public var sent: Date?

    /// Whether `other` is the same draft: offered by the same step, at the same place.
    public func isSameDraft(as other: DraftEntry) -> Bool {
      step == other.step && number == other.number
    }

    /// The drafts of `history` in order, each copy and mark of sending kept with the text that
    /// stood when it was made.
    ///
    /// - Parameter edits: Where in `history` the person's edits are.
    static func entries(in history: [JournalEntry], edits: Set<Int>) -> [DraftEntry] {
      var drafts: [DraftEntry] = []
      // The entry of each draft's text as it stands, by step and number.
      func standing(_ step: StepID, _ number: Int?) -> Int? {
        drafts.lastIndex { $0.step == step && $0.number == number }
      }
      for (index, entry) in history.enumerated() {
        switch entry {
        case .drafted(let step, let kind, let subject, let text, let at, let number):
          drafts.append(DraftEntry(
            step: step, kind: kind, subject: subject, text: text, at: at, number: number,
            edited: edits.contains(index) ? true : nil))
        case .draftCopied(let step, let number, let at):
          if let found = standing(step, number) { drafts[found].copied = (drafts[found].copied ?? []) + [at] }
        case .draftSent(let step, let number, let at):
          if let found = standing(step, number) { drafts[found].sent = at }
        default:
          continue
        }
      }
      return drafts
    }
  }
}
