import Foundation

/// The drafts a case has filled, as last edited, read from its history.
public enum DraftHistory {
  /// The draft filled most recently (as last edited).
  public static func latest(in state: CaseState) -> FilledDraft? {
    for entry in state.history.reversed() {
      if case .drafted(let step, let kind, let subject, let text, _, let number) = entry {
        return FilledDraft(step: step, kind: kind, subject: subject, text: text, number: number)
      }
    }
    return nil
  }

  /// The drafts of the step that offered a draft last, each as last edited, in their order.
  public static func latestStep(in state: CaseState) -> [FilledDraft] {
    guard let step = latest(in: state)?.step else { return [] }
    var byNumber: [Int: FilledDraft] = [:]
    for case .drafted(step, let kind, let subject, let text, _, let number) in state.history {
      byNumber[number ?? 1] = FilledDraft(step: step, kind: kind, subject: subject, text: text, number: number)
    }
    return byNumber.keys.sorted().compactMap { byNumber[$0] }
  }

  /// When the draft, as it stands (its latest filling or edit), was marked sent, if it was.
  static func sentAt(_ draft: FilledDraft, in state: CaseState) -> Date? {
    var sent: Date?
    for entry in state.history {
      switch entry {
      case .drafted(draft.step, _, _, _, _, draft.number): sent = nil
      case .draftSent(draft.step, draft.number, let at): sent = at
      default: continue
      }
    }
    return sent
  }

  /// Why `:copy`, `:edit` or `:sent` found no draft.
  enum ChoiceProblem: Error {
    case none
    case unknown(String, offered: [FilledDraft])

    /// The hint for `command` (`copy`), which does `verb` (`copy`, `mark as sent`).
    func message(command: String, verb: String) -> String {
      switch self {
      case .none: return "There is no draft yet to \(verb)."
      case .unknown(let choice, let offered):
        let list = offered.map { "\($0.number ?? 1) (\($0.kind.rawValue))" }.joined(separator: ", ")
        return "No draft '\(choice)' here. Type :\(command) with a number or a kind: \(list)."
      }
    }
  }

  /// The draft `:copy`, `:edit` or `:sent` means: the latest without `choice`; else, among the
  /// latest step's drafts, the one with that number or the first of that kind (`email`, `text`, …).
  static func draft(_ choice: String?, in state: CaseState) -> Result<FilledDraft, ChoiceProblem> {
    guard let latest = latest(in: state) else { return .failure(.none) }
    guard let choice = choice?.lowercased(), !choice.isEmpty else { return .success(latest) }
    let offered = latestStep(in: state)
    if let number = Int(choice), let found = offered.first(where: { ($0.number ?? 1) == number }) { return .success(found) }
    if let found = offered.first(where: { $0.kind.rawValue == choice }) { return .success(found) }
    return .failure(.unknown(choice, offered: offered))
  }
}
