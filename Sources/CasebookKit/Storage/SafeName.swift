import Foundation

/// Turns anything a person might type as a client name into a short, readable, safe folder name.
public enum SafeName {
  /// The longest slug made from a name.
  public static let maximumLength = 40

  /// Lower-case ASCII letters and digits joined by single dashes, at most ``maximumLength``
  /// characters; other scripts are spelled in Latin letters and accents are dropped (`Zoë` becomes
  /// `zoe`, `Łucja` `lucja`, `李小龍` `li-xiao-long`). `nil` when nothing usable remains.
  public static func slug(_ text: String) -> String? {
    let folded = ascii(text)
      .folding(options: [.diacriticInsensitive, .caseInsensitive, .widthInsensitive], locale: nil)
    var slug = ""
    var pendingDash = false
    for scalar in folded.unicodeScalars {
      if ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) {
        if pendingDash && !slug.isEmpty { slug.append("-") }
        pendingDash = false
        guard slug.count < maximumLength else { break }
        slug.unicodeScalars.append(scalar)
      } else if ("A"..."Z").contains(scalar) {
        if pendingDash && !slug.isEmpty { slug.append("-") }
        pendingDash = false
        guard slug.count < maximumLength else { break }
        slug.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
      } else {
        pendingDash = true
      }
    }
    while slug.hasSuffix("-") { slug.removeLast() }
    return slug.isEmpty ? nil : slug
  }

  /// `text` spelled in ASCII where it can be: other scripts in Latin letters, then accents and
  /// ligatures dropped (`Łucja Żółć` becomes `Lucja Zolc`, `李小龍` `li xiao long`). What has no
  /// spelling (emoji) stays as it is.
  public static func ascii(_ text: String) -> String {
    if let spelled = latinASCII(text) { return spelled }
    // ICU's own chain: `.toLatin` then `.stripDiacritics` leaves `Ł` and `ø` as they are.
    return text.applyingTransform(asciiTransform, reverse: false)
      ?? text.applyingTransform(.toLatin, reverse: false)?
      .applyingTransform(.stripDiacritics, reverse: false)
      ?? text
  }

  private static let asciiTransform = StringTransform("Any-Latin; Latin-ASCII")

  /// Latin text in ASCII as ICU's `Latin-ASCII` spells it, without the transliterator, whose
  /// set-up alone takes milliseconds (it was most of the time a case's first answer took): accents
  /// dropped by canonical decomposition, the letters and signs that do not decompose from a table.
  /// `nil` for anything else (another script, an emoji), which ICU spells.
  static func latinASCII(_ text: String) -> String? {
    if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
    var spelled = String.UnicodeScalarView()
    for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars {
      if scalar.isASCII {
        spelled.append(scalar)
      } else if scalar.properties.generalCategory == .nonspacingMark {
        continue
      } else if let letters = undecomposed[scalar] {
        spelled.append(contentsOf: letters.unicodeScalars)
      } else {
        return nil
      }
    }
    return String(spelled)
  }

  /// What `Latin-ASCII` writes for the Latin letters and common signs that have no decomposition.
  private static let undecomposed: [Unicode.Scalar: String] = [
    "Ł": "L", "ł": "l", "Ø": "O", "ø": "o", "Đ": "D", "đ": "d", "Ð": "D", "ð": "d", "Þ": "TH", "þ": "th",
    "ß": "ss", "Æ": "AE", "æ": "ae", "Œ": "OE", "œ": "oe", "ı": "i", "Ħ": "H", "ħ": "h", "Ŀ": "L", "ŀ": "l",
    "\u{00A0}": " ", "\u{2019}": "'", "\u{2018}": "'", "\u{201C}": "\"", "\u{201D}": "\"", "\u{2013}": "-",
    "\u{2014}": "-",
  ]
}
