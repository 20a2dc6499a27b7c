/// A condition over saved values, as written after `when:`, such as `wait_limit > 20m and reached == no`.
public indirect enum Condition: Sendable, Hashable {
  /// How two operands are compared.
  public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case equal = "=="
    case notEqual = "!="
    case less = "<"
    case lessOrEqual = "<="
    case greater = ">"
    case greaterOrEqual = ">="
    /// A checklist has this item ticked.
    case has
  }

  /// One side of a comparison.
  public enum Operand: Sendable, Hashable {
    /// A saved value, by name; `offset` is where it starts in the condition's text.
    case name(String, offset: Int)
    /// A literal value.
    case literal(Value, offset: Int)
    /// A bare word that is not a saved name: one of a question's answer words, such as `no`.
    case word(String, offset: Int)

    /// Where it starts in the condition's text, in Unicode scalars from 0.
    public var offset: Int {
      switch self {
      case .name(_, let offset), .literal(_, let offset), .word(_, let offset): offset
      }
    }
  }

  /// A comparison of two operands.
  case compare(Operand, Comparison, Operand)
  /// A saved yes/no value (or answer) tested on its own: true when it is `yes`.
  case truth(Operand)
  /// A timer (started by a step's `timer:` from a saved duration) has run out: `wait_limit expired`.
  case expired(String, offset: Int)
  /// Negation.
  case not(Condition)
  /// Both.
  case and(Condition, Condition)
  /// Either.
  case or(Condition, Condition)

  /// Every operand, left to right.
  public var operands: [Operand] {
    switch self {
    case .compare(let left, _, let right): [left, right]
    case .truth(let operand): [operand]
    case .expired(let name, let offset): [.name(name, offset: offset)]
    case .not(let inner): inner.operands
    case .and(let left, let right), .or(let left, let right): left.operands + right.operands
    }
  }
}
