@testable import CasebookKit
import Foundation
import Testing

@Suite struct SafeNameTests {
  @Test(arguments: [
    ("Dana Ruiz", "dana-ruiz"), ("Zoë O'Brien", "zoe-o-brien"), ("../../etc/passwd", "etc-passwd"),
    ("Łucja Żółć-Wójcik", "lucja-zolc-wojcik"), ("李小龍", "li-xiao-long"), ("Ærø", "aero"),
    ("a\u{0}b\u{1B}[2Jc", "a-b-2jc"), ("\u{202E}evil\u{202C}", "evil"), ("🙂🙂", nil), ("  ", nil),
  ] as [(String, String?)])
  func `names become short safe slugs`(name: String, slug: String?) {
    #expect(SafeName.slug(name) == slug)
  }

  @Test(arguments: [
    "Zoë O\u{2019}Brien", "Łucja Żółć-Wójcik", "Ærø Þórsdóttir", "François Œuvre", "Straße", "Đặng Thị Ánh",
    "İlkay Işık", "Søren Bjørn", "Siobhán Ní Bhriain", "Dana\u{00A0}Ruiz", "Ana – María",
  ])
  func `Latin names are spelled as ICU spells them, without its transliterator`(name: String) {
    let icu = name.applyingTransform(StringTransform("Any-Latin; Latin-ASCII"), reverse: false)
    #expect(SafeName.latinASCII(name) == icu)
  }

  @Test func `other scripts and emoji are left to ICU`() {
    #expect(SafeName.latinASCII("李小龍") == nil)
    #expect(SafeName.latinASCII("Dana 🙂") == nil)
    #expect(SafeName.ascii("李小龍") == "li xiao long")
  }

  @Test func `a long name is bounded`() {
    let slug = SafeName.slug(String(repeating: "abc ", count: 100))
    #expect((slug?.count ?? 0) <= SafeName.maximumLength)
    #expect(slug?.hasSuffix("-") == false)
  }

  @Test func `control characters and bidirectional overrides never reach the terminal`() {
    let hostile = "Dana\u{1B}]0;pwned\u{07}\r\u{9B}2J\u{202E}x"
    let cleaned = TextSanitizer.clean(hostile)
    #expect(!cleaned.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0 == "\u{202E}" })
    #expect(cleaned.hasPrefix("Dana"))
  }
}
