/// Reads the condition language: comparisons of names, numbers, durations, dates, text and answer
/// words, joined with `and`, `or`, `not` and parentheses. No code is ever evaluated.
///
/// Parentheses and `not` may nest at most ``maximumDepth`` levels; a chain of `and` (or `or`) of any
/// length becomes a balanced tree, so no walk of a condition recurses more than about
/// `maximumDepth × log2(terms)` calls deep.
public enum ConditionParser {
  /// The deepest nesting of parentheses and `not` accepted.
  public static let maximumDepth = 64

  /// Why a condition could not be read, and where in its text (Unicode scalars from 0).
  public struct Failure: Error, Sendable, Hashable {
    /// What is wrong, worded for a diagnostic.
    public var message: String
    /// Where, in Unicode scalars from the start of the condition.
    public var offset: Int
    /// Whether the condition nests deeper than ``ConditionParser/maximumDepth``.
    public var isTooDeep = false
  }

  enum Token: Equatable {
    case word(String)
    case number(String)
    case text(String)
    case symbol(String)
    case end
  }

  /// Parses a condition.
  public static func parse(_ text: String) -> Result<Condition, Failure> {
    do {
      var parser = try Parser(tokens: tokenize(text))
      let condition = try parser.parseOr()
      guard case .end = parser.current.token else {
        var message = "unexpected \(describe(parser.current.token)) after a complete condition"
        if case .word(let word) = parser.current.token, let near = Suggestion.nearest(to: word, in: ["expired", "and", "or", "has"]) {
          message += "; did you mean '\(near)'?"
        }
        throw Failure(message: message, offset: parser.current.offset)
      }
      return .success(condition)
    } catch let failure as Failure {
      return .failure(failure)
    } catch {
      return .failure(Failure(message: "cannot read the condition", offset: 0))
    }
  }

  static func tokenize(_ text: String) throws(Failure) -> [(token: Token, offset: Int)] {
    let scalars = Array(text.unicodeScalars)
    var tokens: [(Token, Int)] = []
    var index = 0
    func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
      ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_"
        || scalar == "-" || scalar == ":" || scalar == "."
    }
    while index < scalars.count {
      let scalar = scalars[index]
      if scalar == " " || scalar == "\t" {
        index += 1
        continue
      }
      let start = index
      if scalar == "\"" || scalar == "'" {
        index += 1
        var value = String.UnicodeScalarView()
        while index < scalars.count && scalars[index] != scalar {
          value.append(scalars[index])
          index += 1
        }
        guard index < scalars.count else { throw Failure(message: "text in quotes is not closed", offset: start) }
        index += 1
        tokens.append((.text(String(value)), start))
      } else if "()".unicodeScalars.contains(scalar) {
        index += 1
        tokens.append((.symbol(String(scalar)), start))
      } else if "=!<>".unicodeScalars.contains(scalar) {
        while index < scalars.count && "=!<>".unicodeScalars.contains(scalars[index]) { index += 1 }
        let symbol = String(String.UnicodeScalarView(scalars[start..<index]))
        guard ["==", "!=", "<", "<=", ">", ">="].contains(symbol) else {
          throw Failure(message: "unknown operator '\(symbol)'; use ==, !=, <, <=, > or >=", offset: start)
        }
        tokens.append((.symbol(symbol), start))
      } else if ("0"..."9").contains(scalar) || isWordScalar(scalar) || scalar == "." {
        while index < scalars.count && (isWordScalar(scalars[index]) || scalars[index] == ".") { index += 1 }
        let word = String(String.UnicodeScalarView(scalars[start..<index]))
        tokens.append((("0"..."9").contains(scalar) ? .number(word) : .word(word), start))
      } else {
        throw Failure(message: "unexpected character '\(scalar)'", offset: start)
      }
    }
    tokens.append((.end, scalars.count))
    return tokens
  }

  struct Parser {
    var tokens: [(token: Token, offset: Int)]
    var position = 0
    var depth = 0

    init(tokens: [(token: Token, offset: Int)]) { self.tokens = tokens }

    var current: (token: Token, offset: Int) { tokens[position] }

    mutating func advance() { position = min(position + 1, tokens.count - 1) }

    mutating func parseOr() throws(Failure) -> Condition {
      var terms = [try parseAnd()]
      while current.token == .word("or") {
        advance()
        terms.append(try parseAnd())
      }
      return Self.balanced(terms[...], joinedBy: Condition.or)
    }

    mutating func parseAnd() throws(Failure) -> Condition {
      var terms = [try parseNot()]
      while current.token == .word("and") {
        advance()
        terms.append(try parseNot())
      }
      return Self.balanced(terms[...], joinedBy: Condition.and)
    }

    /// `a and b and c and d` as `(a and b) and (c and d)`: the same meaning, evaluated left to
    /// right as before, but only log2(terms) deep.
    static func balanced(_ terms: ArraySlice<Condition>, joinedBy join: (Condition, Condition) -> Condition) -> Condition {
      guard terms.count > 1 else { return terms[terms.startIndex] }
      let middle = terms.startIndex + terms.count / 2
      return join(balanced(terms[..<middle], joinedBy: join), balanced(terms[middle...], joinedBy: join))
    }

    mutating func parseNot() throws(Failure) -> Condition {
      // `not not not …` is a loop, not a recursion: count them, then read what they negate.
      var negations = 0
      while current.token == .word("not") {
        try enter()
        negations += 1
        advance()
      }
      var condition = try parseGroupOrComparison()
      depth -= negations
      for _ in 0..<negations { condition = .not(condition) }
      return condition
    }

    /// One more level of nesting, refused past ``ConditionParser/maximumDepth``.
    mutating func enter() throws(Failure) {
      depth += 1
      guard depth <= ConditionParser.maximumDepth else {
        throw Failure(
          message: "the condition nests more than \(ConditionParser.maximumDepth) levels deep (parentheses and 'not'); split it into steps",
          offset: current.offset, isTooDeep: true)
      }
    }

    mutating func parseGroupOrComparison() throws(Failure) -> Condition {
      if current.token == .symbol("(") {
        let open = current.offset
        try enter()
        advance()
        let inner = try parseOr()
        guard current.token == .symbol(")") else {
          throw Failure(message: "a '(' at column \(open + 1) is not closed", offset: current.offset)
        }
        advance()
        depth -= 1
        return inner
      }
      let left = try parseOperand()
      if current.token == .word("expired") {
        advance()
        guard case .name(let name, let offset) = left else {
          throw Failure(message: "'expired' follows the name of a timer, such as 'wait_limit expired'", offset: left.offset)
        }
        return .expired(name, offset: offset)
      }
      if current.token == .word("has") {
        advance()
        return .compare(left, .has, try parseOperand())
      }
      guard case .symbol(let symbol) = current.token, let comparison = Condition.Comparison(rawValue: symbol) else {
        return .truth(left)
      }
      advance()
      return .compare(left, comparison, try parseOperand())
    }

    mutating func parseOperand() throws(Failure) -> Condition.Operand {
      let (token, offset) = current
      switch token {
      case .number(let text):
        advance()
        if let number = Double(text) { return .literal(.number(number), offset: offset) }
        if let seconds = InputKind.parseDuration(text) { return .literal(.duration(seconds: seconds), offset: offset) }
        if let date = CivilDate.parse(text, today: .reference), text.count >= 10 {
          return .literal(.date(date), offset: offset)
        }
        throw Failure(message: "'\(text)' is not a number, a duration (15m, 1h30m) or a date (2026-12-01)", offset: offset)
      case .text(let text):
        advance()
        return .literal(.text(text), offset: offset)
      case .word(let word):
        guard !["and", "or", "not", "has", "expired"].contains(word) else {
          throw Failure(message: "expected a name or a value before '\(word)'", offset: offset)
        }
        advance()
        if NodeReader.isValidName(word) || word.hasPrefix(HistoryName.prefix) { return .name(word, offset: offset) }
        return .word(word, offset: offset)
      case .symbol(let symbol):
        throw Failure(message: "expected a name or a value, found '\(symbol)'", offset: offset)
      case .end:
        throw Failure(message: "the condition ends too early; expected a name or a value", offset: offset)
      }
    }
  }

  static func describe(_ token: Token) -> String {
    switch token {
    case .word(let word), .number(let word): "'\(word)'"
    case .text(let text): "text '\(text)'"
    case .symbol(let symbol): "'\(symbol)'"
    case .end: "end"
    }
  }
}
