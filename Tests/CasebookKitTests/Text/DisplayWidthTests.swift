import CasebookKit
import Testing

@Suite struct DisplayWidthTests {
  @Test(arguments: [
    ("a", 1), ("é", 1), ("e\u{301}", 1), ("\u{301}", 0), ("ß", 1), ("Ł", 1),
    ("李", 2), ("한", 2), ("ｱ", 1), ("Ａ", 2), ("　", 2), ("カ", 2),
    ("😀", 2), ("👍🏽", 2), ("👨‍👩‍👧", 2), ("🇵🇱", 2), ("1️⃣", 2), ("❤️", 2), ("☺", 1), ("✓", 1),
    ("\u{200B}", 0), ("\u{00AD}", 1), ("␛", 1),
  ] as [(Character, Int)])
  func `a character takes the columns a terminal gives it`(character: Character, columns: Int) {
    #expect(DisplayWidth.of(character) == columns)
  }

  @Test func `a string's width is the sum of its characters'`() {
    #expect(DisplayWidth.of("Hi 李小龍, 👋") == 3 + 6 + 2 + 2)
    #expect(DisplayWidth.of("Zoë Ça") == 6)
    #expect(DisplayWidth.of("") == 0)
  }

  @Test func `decomposed Hangul takes two columns, like the composed syllable`() {
    let decomposed: Character = "\u{1112}\u{1161}\u{11AB}"
    #expect(decomposed.unicodeScalars.count == 3)
    #expect(DisplayWidth.of(decomposed) == 2)
  }
}
