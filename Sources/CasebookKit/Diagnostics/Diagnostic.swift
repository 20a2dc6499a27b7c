/// One problem found in a playbook: what, where, how bad, and how to fix it.
public struct Diagnostic: Error, Sendable, Hashable, Comparable {
  /// How bad a problem is.
  public enum Severity: String, Sendable, Hashable, Codable {
    /// The playbook cannot run.
    case error
    /// The playbook runs, but something is likely wrong.
    case warning
  }

  /// How bad it is.
  public var severity: Severity
  /// Which rule found it.
  public var code: DiagnosticCode
  /// Lower-case text without a final period; user text in single quotes.
  public var message: String
  /// Where it is.
  public var location: SourceLocation
  /// Extra lines, such as "did you mean".
  public var notes: [String]

  /// Creates a diagnostic.
  public init(
    severity: Severity = .error, code: DiagnosticCode, message: String, location: SourceLocation,
    notes: [String] = []
  ) {
    self.severity = severity
    self.code = code
    self.message = message
    self.location = location
    self.notes = notes
  }

  public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
    if lhs.location != rhs.location { return lhs.location < rhs.location }
    return (lhs.code.rawValue, lhs.message) < (rhs.code.rawValue, rhs.message)
  }
}
