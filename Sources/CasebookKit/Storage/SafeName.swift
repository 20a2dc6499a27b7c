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
    // ICU's own chain: `.toLatin` then `.stripDiacritics` leaves `Ł` and `ø` as they are.
    text.applyingTransform(asciiTransform, reverse: false)
      ?? text.applyingTransform(.toLatin, reverse: false)?
      .applyingTransform(.stripDiacritics, reverse: false)
      ?? text
  }

  private static let asciiTransform = StringTransform("Any-Latin; Latin-ASCII")
}
