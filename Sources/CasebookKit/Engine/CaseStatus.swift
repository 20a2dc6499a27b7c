/// Where a case stands.
public enum CaseStatus: String, Sendable, Hashable, Codable {
  /// The playbook is being walked.
  case running
  /// An end step was reached.
  case completed
  /// The person left before the end; the case can be resumed.
  case interrupted
}
