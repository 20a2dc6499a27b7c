/// How the simulated client of a rehearsal behaves: the moods of the replies it prefers, and how
/// tense it starts. Its temper rises with each phrase to avoid or curt answer and falls with each
/// line that reaches a new part of the plan or a talking point; a client at ease that has heard the
/// whole plan accepts the decision (when the playbook says how), which ends the conversation early.
public enum ClientPersona: String, CaseIterable, Sendable, Hashable, Codable {
  /// Listens, asks practical questions, accepts once the plan is clear.
  case calm
  /// Starts upset, escalates on blame; calms down as the plan is heard.
  case angry
  /// Looks for a deal: a discount, more time, one more chance.
  case bargaining
  /// Says little; the person has to carry the conversation.
  case silent
  /// Worries about what happens next: the work, the handover.
  case worried

  /// The persona a seed picks when none is named.
  public init(seed: UInt64) {
    self = Self.allCases[Int(seed % UInt64(Self.allCases.count))]
  }

  /// The reply moods this persona prefers, in no order.
  var moods: Set<String> {
    switch self {
    case .calm: ["worried", "anxious", "distrustful", "avoidant", "calm"]
    case .angry: ["angry", "blaming", "threatening"]
    case .bargaining: ["bargaining", "threatening"]
    case .silent: ["silent", "avoidant"]
    case .worried: ["worried", "anxious", "distrustful"]
    }
  }

  /// How tense it starts: lines that reach something new calm it by one each.
  var startingTemper: Int {
    switch self {
    case .calm: 0
    case .angry: 2
    case .bargaining, .silent, .worried: 1
    }
  }
}
