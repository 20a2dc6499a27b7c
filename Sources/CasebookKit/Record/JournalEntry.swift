public import Foundation

/// One line of a case's append-only journal: the case's beginning, or one thing that happened.
///
/// Replaying a journal's entries through ``CaseEngine`` rebuilds the case exactly.
public enum JournalEntry: Sendable, Hashable, Codable {
  /// The case began: what it runs and for whom.
  case opened(CaseHeader)
  /// A question was answered; `answer` is the canonical form (the choice word, or the value);
  /// `source` is `history` when the person took the answer the client's history gave.
  case answered(step: StepID, answer: String, at: Date, source: AnswerSource? = nil)
  /// The last answer was taken back.
  case undone(step: StepID, at: Date)
  /// A free note.
  case noted(text: String, at: Date)
  /// The person left before the end.
  case left(reason: LeaveReason, at: Date)
  /// The case was picked up again.
  case resumed(at: Date)
  /// An end step was reached.
  case finished(step: StepID, at: Date)
  /// In a rehearsal, the person's line and the client's line it answered (empty when the person
  /// opened the conversation); `hints`, the `:hint` uses before it, when there were any.
  case said(client: String, you: String, at: Date, hints: Int? = nil)
  /// In practice, an answer other than the recommended one, given before choosing again.
  case attempted(step: StepID, answer: String, at: Date)
  /// The case was handed over from another case, with that case's values (as written).
  case carried(from: String, values: [String: String], at: Date)
  /// A timer ran out while `step` was asked, and the case took the branch for its expiry.
  case expired(timer: String, step: StepID, at: Date)
  /// In practice, `:skip` moved the scenario's time on until `timer` ran out.
  case skipped(timer: String, at: Date)
  /// A next action of the completed case (its number from 1, as `casebook next` lists it) was
  /// marked done.
  case actionDone(action: Int, text: String, at: Date)
  /// A next action marked done was opened again.
  case actionReopened(action: Int, at: Date, text: String? = nil)
  /// A draft was filled and shown (or edited); `number` is its place among its step's drafts, from
  /// 1, when the step has several.
  case drafted(step: StepID, kind: Draft.Kind, subject: String?, text: String, at: Date, number: Int? = nil)
  /// A draft, as last filled or edited, was copied (`:copy`): written to its file in the case
  /// folder, and to a clipboard where one could be reached.
  case draftCopied(step: StepID, number: Int?, at: Date)
  /// The person marked a draft, as last filled or edited, as sent (`:sent`).
  case draftSent(step: StepID, number: Int?, at: Date)

  /// The client's cases were named otherwise (`casebook client rename` or `merge`): from now on
  /// the case is `client`'s.
  case renamedClient(client: String, from: String?, at: Date)

  /// Where an answer came from, when not typed.
  public enum AnswerSource: String, Sendable, Hashable, Codable {
    /// Taken from the client's history (a step's `from_history`).
    case history
  }

  /// Why a case was left before its end.
  public enum LeaveReason: String, Sendable, Hashable, Codable {
    /// `:quit`.
    case quit
    /// Standard input ended.
    case endOfInput = "end-of-input"
    /// A signal or a lost terminal.
    case interrupted
  }

  /// When it happened; the header's start time for `opened`.
  public var at: Date {
    switch self {
    case .opened(let header): header.started
    case .answered(_, _, let at, _), .undone(_, let at), .noted(_, let at), .left(_, let at),
      .resumed(let at), .finished(_, let at), .drafted(_, _, _, _, let at, _), .carried(_, _, let at), .attempted(_, _, let at), .said(_, _, let at, _),
      .expired(_, _, let at), .skipped(_, let at), .actionDone(_, _, let at), .actionReopened(_, let at, _),
      .draftCopied(_, _, let at), .draftSent(_, _, let at), .renamedClient(_, _, let at):
      at
    }
  }
}

/// What a case runs and for whom, written once at the head of its journal.
public struct CaseHeader: Sendable, Hashable, Codable {
  /// The journal's format version.
  public var format: Int
  /// The playbook's identifier.
  public var playbook: String
  /// The playbook's title.
  public var title: String
  /// The playbook file's absolute path when the case began.
  public var playbookFile: String
  /// The playbook file's fingerprint when the case began.
  public var playbookHash: String
  /// The client's name, as given.
  public var client: String?
  /// How the playbook is used.
  public var mode: CaseMode
  /// When the case began.
  public var started: Date
  /// The language of the playbook's text, if not the original.
  public var language: String?
  /// The step the case began at, when not the playbook's start (`--start-at`).
  public var startAt: StepID?
  /// The practice scenario, in practice mode.
  public var scenario: String?
  /// Values the case began with (`--set`, a scenario's presets, a handed-over case's values), as
  /// written, and where they came from. (Journals before this field held them in a `carried`
  /// entry after the header.)
  public var carried: CarriedValues?

  /// How a rehearsal is set up (rehearsal mode). (Journals before this field have none: their
  /// replies are taken in the playbook's order.)
  public var rehearsal: RehearsalSetup?
  /// `true` when the person kept this case out of the line history (`--no-history`), so that
  /// resuming it keeps it out too; `nil` otherwise.
  public var noHistory: Bool?
  /// The client's earlier cases, read when the case began (or when its client was named at its
  /// first question); `nil` when the case has no client or is practice or a rehearsal.
  public var history: ClientHistory?
  /// The user's profile fields by name when the case began, which its drafts are filled from, so
  /// that a replayed case fills them the same; `nil` when there was no profile.
  public var profile: [String: String]?
  /// `true` when the drafts write saved values for people (`15 minutes`, `Thursday 3 December at
  /// 10:00`); journals from before have none, and their drafts are filled again as then (`15m`).
  public var valuesForPeople: Bool?

  /// How a rehearsal is set up: the order of the client's replies, how many, and whether the plan
  /// is asked.
  public struct RehearsalSetup: Sendable, Hashable, Codable {
    /// Decides the order of the client's replies.
    public var seed: UInt64
    /// How many replies to answer at most.
    public var turns: Int
    /// Whether the plan's missing answers are asked (input at a terminal) or left unprepared.
    public var asksPlan: Bool
    /// The case the plan's answers were taken from, if any.
    public var planSource: String?
    /// The simulated client's persona; `nil`: the one the seed picks.
    public var persona: ClientPersona?

    /// Creates a set-up.
    public init(seed: UInt64, turns: Int, asksPlan: Bool, planSource: String? = nil) {
      self.seed = seed
      self.turns = turns
      self.asksPlan = asksPlan
      self.planSource = planSource
    }
  }

  /// Values a case begins with, and where they came from.
  public struct CarriedValues: Sendable, Hashable, Codable {
    /// Where they came from: `--set`, `scenario NAME`, or the case handed over from.
    public var from: String
    /// The values by saved name, as written.
    public var values: [String: String]

    /// Creates carried values.
    public init(from: String, values: [String: String]) {
      self.from = from
      self.values = values
    }
  }

  /// The journal format this build writes.
  public static let currentFormat = 1

  /// Creates a header.
  public init(
    format: Int = CaseHeader.currentFormat, playbook: String, title: String, playbookFile: String,
    playbookHash: String, client: String?, mode: CaseMode, started: Date, language: String? = nil
  ) {
    self.language = language
    self.format = format
    self.playbook = playbook
    self.title = title
    self.playbookFile = playbookFile
    self.playbookHash = playbookHash
    self.client = client
    self.mode = mode
    self.started = started
    self.valuesForPeople = true
  }
}
