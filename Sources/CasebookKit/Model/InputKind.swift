/// The kind of free answer a question takes.
public enum InputKind: String, Sendable, Hashable, CaseIterable {
  /// Any non-empty text.
  case text
  /// A number such as `3` or `2.5`.
  case number
  /// A length of time such as `15m`, `1h30m` or `90s`; a bare number counts as minutes.
  case duration
  /// A calendar date, optionally with a time, in the forms people type (``DateReader``):
  /// `2026-12-01 14:30`, `tomorrow 9am`, `friday 16:00`, `in 3 days`, `5/12`.
  case date

  /// A short description of what is accepted, for hints.
  public var hint: String {
    switch self {
    case .text: "type a short answer"
    case .number: "type a number, e.g. 3 or 2.5"
    case .duration: "type a duration, e.g. 15m, 1h30m or 90s"
    case .date: "type a date, e.g. friday 16:00, tomorrow 9am, 5/12 or 2026-12-05"
    }
  }

  /// Reads an answer of this kind; a date is taken as read, inferred or not (``AnswerReader``
  /// asks to confirm an inferred one).
  ///
  /// - Parameters:
  ///   - text: What the user typed.
  ///   - now: The current civil date and time of day, for `today`, `friday` or `16:00`.
  ///   - dates: The reader of dates, with the case's words.
  /// - Returns: The value, or `nil` if the text is not of this kind.
  public func parse(_ text: String, now: CivilDate, dates: DateReader = .english) -> Value? {
    let trimmed = text.trimmingWhitespace()
    guard !trimmed.isEmpty else { return nil }
    switch self {
    case .text:
      return .text(trimmed)
    case .number:
      return Double(trimmed).flatMap { $0.isFinite ? Value.number($0) : nil }
    case .duration:
      return Self.parseDuration(trimmed).map(Value.duration(seconds:))
    case .date:
      return dates.read(trimmed, now: now).map { .date($0.date) }
    }
  }

  static func parseDuration(_ text: String) -> Int? {
    let lowered = text.lowercased()
    if let minutes = Int(lowered), minutes > 0, minutes <= 100_000 { return minutes * 60 }
    let parts = lowered.split(separator: ":")
    if parts.count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]), hours >= 0,
      (0..<60).contains(minutes), parts[1].count == 2
    {
      let total = hours * 3600 + minutes * 60
      return total > 0 ? total : nil
    }
    let units: [(names: [String], seconds: Int)] = [
      (["h", "hr", "hrs", "hour", "hours"], 3600),
      (["m", "min", "mins", "minute", "minutes"], 60),
      (["s", "sec", "secs", "second", "seconds"], 1),
    ]
    var total = 0
    var index = lowered.startIndex
    var sawComponent = false
    var lastUnitRank = -1
    while index < lowered.endIndex {
      while index < lowered.endIndex, lowered[index] == " " { index = lowered.index(after: index) }
      if index == lowered.endIndex { break }
      let digitsStart = index
      while index < lowered.endIndex, lowered[index].isASCII, lowered[index].isNumber {
        index = lowered.index(after: index)
      }
      guard digitsStart < index, let amount = Int(lowered[digitsStart..<index]), amount <= 100_000
      else { return nil }
      while index < lowered.endIndex, lowered[index] == " " { index = lowered.index(after: index) }
      let unitStart = index
      while index < lowered.endIndex, lowered[index].isLetter { index = lowered.index(after: index) }
      let unit = String(lowered[unitStart..<index])
      guard let rank = units.firstIndex(where: { $0.names.contains(unit) }), rank > lastUnitRank
      else { return nil }
      lastUnitRank = rank
      total += amount * units[rank].seconds
      sawComponent = true
    }
    return sawComponent && total > 0 ? total : nil
  }
}

extension String {
  func trimmingWhitespace() -> String {
    // Most texts start and end with a visible ASCII character: nothing to trim.
    if let first = utf8.first, let last = utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
      return self
    }
    var scalars = Substring(self)
    while let first = scalars.first, first.isWhitespace { scalars.removeFirst() }
    while let last = scalars.last, last.isWhitespace { scalars.removeLast() }
    return String(scalars)
  }
}
