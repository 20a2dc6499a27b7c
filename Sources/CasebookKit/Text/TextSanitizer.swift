/// Makes text from playbooks, answers and records safe to print on a terminal.
///
/// Control characters (escape sequences, C1 controls, bare carriage returns) and the Unicode
/// bidirectional overrides are replaced by visible stand-ins, so a crafted client name or playbook
/// cannot retitle the window, clear the screen or write the clipboard.
public enum TextSanitizer {
  /// `text` with every control character made visible; newlines are kept when `keepNewlines`.
  public static func clean(_ text: String, keepNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && !(keepNewlines && $0 == "\n") }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      if keepNewlines && scalar == "\n" {
        result.append(scalar)
      } else if scalar == "\t" {
        result.append(" ")
      } else if scalar.value < 0x20 {
        // Control Pictures: U+2400 + code shows the control, e.g. ␛ for ESC.
        result.append(Unicode.Scalar(0x2400 + scalar.value)!)
      } else if scalar.value == 0x7F {
        result.append("\u{2421}")
      } else if isUnsafe(scalar) {
        result.append("\u{FFFD}")
      } else {
        result.append(scalar)
      }
    }
    return String(result)
  }

  /// `text` without any control character but newlines and tabs: for text that leaves Casebook to
  /// be sent (a draft file, the clipboard), where a stand-in would be sent too.
  public static func stripped(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" && $0 != "\t" }) else { return text }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars where !isUnsafe(scalar) || scalar == "\n" || scalar == "\t" {
      result.append(scalar)
    }
    return String(result)
  }

  /// `text` on one line, for a name set into other text (a heading, a draft's greeting): control
  /// characters removed, line breaks and tabs made spaces.
  public static func singleLine(_ text: String) -> String {
    String(String.UnicodeScalarView(text.unicodeScalars.compactMap { scalar in
      if scalar == "\n" || scalar == "\r" || scalar == "\t" { return " " }
      return isUnsafe(scalar) ? nil : scalar
    }))
  }

  /// Whether a scalar must not reach a terminal as it is.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00..<0x20, 0x7F..<0xA0: true
    case 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0x061C: true
    case 0x2028, 0x2029: true
    default: false
    }
  }
}
