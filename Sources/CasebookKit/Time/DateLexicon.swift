import Foundation

/// The words of some ``DateWords`` tables, folded for matching (lower case, accents dropped) and
/// arranged as ``DateReader`` looks them up; phrases are lists of words, longest first.
struct DateLexicon: Sendable {
  private(set) var relativeDays: [[String]: Int] = [:]
  private(set) var weekdays: [String: Int] = [:]
  private(set) var months: [String: Int] = [:]
  private(set) var next: Set<String> = []
  private(set) var this: Set<String> = []
  private(set) var on: [[String]] = []
  private(set) var at: [[String]] = []
  private(set) var within: [[String]] = []
  private(set) var later: [[String]] = []
  private(set) var one: Set<String> = []
  private(set) var spanUnits: [String: DateWords.SpanUnit] = [:]
  private(set) var timesOfDay: [[String]: Int] = [:]
  private var ordinals: [String] = []
  /// The marks of 12-hour times, longest first, each with whether it is after noon.
  private var meridiems: [(mark: String, afternoon: Bool)] = []

  init(_ tables: [DateWords]) {
    for table in tables {
      for (phrase, offset) in table.relativeDays { Self.add(Self.words(phrase), offset, to: &relativeDays) }
      for (index, names) in table.weekdays.enumerated() {
        for name in names { Self.add(Self.fold(name), index + 1, to: &weekdays) }
      }
      for (index, names) in table.months.enumerated() {
        for name in names { Self.add(Self.fold(name), index + 1, to: &months) }
      }
      for (name, unit) in table.spanUnits { Self.add(Self.fold(name), unit, to: &spanUnits) }
      for (phrase, minute) in table.timesOfDay { Self.add(Self.words(phrase), minute, to: &timesOfDay) }
      next.formUnion(table.next.map(Self.fold))
      this.formUnion(table.this.map(Self.fold))
      one.formUnion(table.one.map(Self.fold))
      on += table.on.map(Self.words)
      at += table.at.map(Self.words)
      within += table.within.map(Self.words)
      later += table.later.map(Self.words)
      ordinals += table.ordinals.map(Self.fold)
      meridiems += table.am.map { (Self.fold($0), false) } + table.pm.map { (Self.fold($0), true) }
    }
    for phrases in [\Self.on, \.at, \.within, \.later] as [WritableKeyPath<Self, [[String]]>] {
      self[keyPath: phrases].sort { $0.count > $1.count }
    }
    meridiems.sort { $0.mark.count > $1.mark.count }
  }

  /// The words of `text`, folded; commas count as spaces, and `2026-12-05T16:00` is two words.
  func tokens(of text: String) -> [String] {
    Self.words(text.replacingOccurrences(of: ",", with: " ")).flatMap { word -> [String] in
      let day = word.prefix(10)
      guard word.count > 11, word.dropFirst(10).first == "t", CivilDate.iso(day) != nil else { return [word] }
      return [String(day), String(word.dropFirst(11))]
    }
  }

  /// `tokens` without a leading phrase among `phrases`, or `nil` if none leads.
  func dropPrefix(_ phrases: [[String]], from tokens: ArraySlice<String>) -> ArraySlice<String>? {
    phrases.first { tokens.starts(with: $0) }.map { tokens.dropFirst($0.count) }
  }

  /// `tokens` without a trailing phrase among `phrases`, or `nil` if none ends them.
  func dropSuffix(_ phrases: [[String]], from tokens: ArraySlice<String>) -> ArraySlice<String>? {
    phrases.first { tokens.suffix($0.count).elementsEqual($0) }.map { tokens.dropLast($0.count) }
  }

  /// Whether `word` is the mark of a 12-hour time (`am`, `p.m.`).
  func isMeridiem(_ word: String) -> Bool {
    meridiems.contains { $0.mark == word }
  }

  /// `9:30pm` as `9:30` and after noon; `nil` without a mark.
  func splitMeridiem(_ text: String) -> (core: Substring, afternoon: Bool)? {
    meridiems.first { text.count > $0.mark.count && text.hasSuffix($0.mark) }
      .map { (text.dropLast($0.mark.count), $0.afternoon) }
  }

  /// A day of the month as typed: `5`, `05`, `5th`, `1er`, `5.`.
  func dayNumber(_ word: String) -> Int? {
    if let number = DateReader.number(word, digits: 1...2) { return number }
    return ordinals.lazy.filter { word.hasSuffix($0) }
      .compactMap { DateReader.number(word.dropLast($0.count), digits: 1...2) }.first
  }

  private static func fold(_ text: String) -> String {
    text.lowercased().folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
      .replacingOccurrences(of: "\u{2019}", with: "'")
  }

  private static func words(_ text: String) -> [String] {
    fold(text).split(whereSeparator: \.isWhitespace).map(String.init)
  }

  /// Adds `value` under `key` unless an earlier table gave the key a meaning.
  private static func add<Key: Hashable, Value>(_ key: Key, _ value: Value, to table: inout [Key: Value]) {
    if table[key] == nil { table[key] = value }
  }
}
