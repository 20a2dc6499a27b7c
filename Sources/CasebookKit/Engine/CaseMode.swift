/// How a playbook is being used.
public enum CaseMode: String, Sendable, Hashable, Codable, CaseIterable {
  /// In the moment: short text, fast answers.
  case live
  /// Training: every step with its detail and reason.
  case coach
  /// Preparing a conversation.
  case rehearse
  /// A practice scenario.
  case practice
}
