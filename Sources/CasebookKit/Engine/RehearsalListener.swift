import Foundation

/// Recognises what a rehearsal line says: a plan part (its answer in other words, a date or a number
/// it names, or one of its declared ways), a talking point, or a phrase to avoid.
///
/// A way of saying something is a phrase matched word by word in the line, ignoring case, accents
/// and punctuation; a word ending in `*` is a stem (`contract*` matches `contracts`, `contractual`).
public enum RehearsalListener {
  /// The line's words: lowercased, without accents, apostrophes dropped (`I'll` is `ill`).
  static func words(_ text: String) -> [String] {
    text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
      .split { !$0.isLetter && !$0.isNumber }.map(String.init)
  }

  /// Whether `line` says one of `ways`.
  public static func says(_ ways: [String], in line: String) -> Bool {
    let tokens = words(line)
    return ways.contains { contains(phrase: $0, in: tokens) }
  }

  /// Whether `tokens` hold the phrase's words in a row; a word ending in `*` is a stem.
  static func contains(phrase: String, in tokens: [String]) -> Bool {
    let stems = phrase.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "'", with: "").replacingOccurrences(of: "\u{2019}", with: "")
      .split { !$0.isLetter && !$0.isNumber && $0 != "*" }.map(String.init)
    guard !stems.isEmpty, stems.count <= tokens.count else { return false }
    func matches(_ stem: String, _ token: String) -> Bool {
      stem.hasSuffix("*") ? token.hasPrefix(stem.dropLast()) : token == stem
    }
    return (0...(tokens.count - stems.count)).contains { start in
      stems.indices.allSatisfy { matches(stems[$0], tokens[start + $0]) }
    }
  }

  /// Whether `line` reaches the plan part `item`: one of its declared ways, or its answer: a date
  /// named as a person names it, or at least half of the answer's words of four letters or more
  /// and all its numbers.
  public static func reaches(_ item: RehearsalPlan.Item, in line: String) -> Bool {
    if says(item.said, in: line) { return true }
    guard let answer = item.answer else { return false }
    if case .input(.date, _) = item.question.answers, let date = CivilDate.iso(answer) {
      return names(date, in: line)
    }
    return cites(answer, in: line)
  }

  /// Whether `line` names `date`: `31 December`, `December 31st`, `the 31st`, `31/12`,
  /// `2026-12-31`, `end of the month` (on a month's last day), `end of the year` (on 31 December).
  public static func names(_ date: CivilDate, in line: String) -> Bool {
    let tokens = words(line)
    let months = Set(DateWords.all.flatMap { $0.months[date.month - 1] }.map { words($0).joined(separator: " ") })
    let ordinals = Set(DateWords.all.flatMap(\.ordinals))
    func isDay(_ token: String) -> Bool {
      if Int(token) == date.day { return true }
      let digits = token.prefix { $0.isNumber }
      return Int(digits) == date.day && ordinals.contains(String(token.dropFirst(digits.count)))
    }
    for (index, token) in tokens.enumerated() where isDay(token) {
      let before = index > 0 ? tokens[index - 1] : ""
      let after = index + 1 < tokens.count ? tokens[index + 1] : ""
      if months.contains(before) || months.contains(after) { return true }
      if Int(after) == date.month || Int(before) == date.month { return true }
      if before == "the" && Int(token) == nil { return true }
    }
    let lastOfMonth = date.day == CivilDate.daysIn(month: date.month, year: date.year)
    if lastOfMonth && (contains(phrase: "end of the month", in: tokens) || contains(phrase: "month end", in: tokens)) { return true }
    if lastOfMonth, months.contains(where: { contains(phrase: "end of \($0)", in: tokens) }) { return true }
    if date.month == 12 && date.day == 31 && (contains(phrase: "end of the year", in: tokens) || contains(phrase: "end of year", in: tokens)) {
      return true
    }
    return false
  }

  /// Whether `line` cites a text answer: at least half of its words of four letters or more, and
  /// all its numbers (written as digits or as words).
  static func cites(_ answer: String, in line: String) -> Bool {
    let said = Set(words(line).map { numberWords[$0].map(String.init) ?? $0 })
    let keys = Set(words(answer).filter { $0.allSatisfy(\.isNumber) || $0.count >= 4 })
    guard !keys.isEmpty else { return false }
    let numbers = keys.filter { $0.allSatisfy(\.isNumber) }
    guard numbers.isSubset(of: said) else { return false }
    return keys.intersection(said).count * 2 >= keys.count
  }

  /// Whether `line` reaches `point` by its words: one of its ways, or, when it declares none, two of
  /// its words of five letters or more (or its only one).
  static func says(_ point: RehearsalMaterial.Point, in line: String) -> Bool {
    if !point.said.isEmpty { return says(point.said, in: line) }
    let keys = Set(words(point.text).filter { $0.count >= 5 })
    guard !keys.isEmpty else { return false }
    return keys.intersection(Set(words(line))).count >= min(2, keys.count)
  }

  /// Whether `line` is a stock line: a copy of a talking point or of a suggestion (all of its words
  /// in a row, give or take punctuation).
  public static func isCopy(_ line: String, of material: RehearsalMaterial) -> Bool {
    let tokens = words(line)
    let stock = material.points.map(\.text) + material.replies.map(\.suggest) + material.reactions.map(\.reply.suggest)
    return stock.contains { text in
      let phrase = words(text)
      return phrase.count >= 4 && contains(phrase: phrase.joined(separator: " "), in: tokens)
    }
  }

  private static let numberWords: [String: Int] = [
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "sixty": 60,
    "ninety": 90, "hundred": 100,
  ]
}
