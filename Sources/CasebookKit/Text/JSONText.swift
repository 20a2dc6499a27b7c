public import Foundation

/// JSON for people's tools to read (`--json`, `record.json`, `--format json`): pretty, keys sorted,
/// times in ISO 8601, and every character that could act on a terminal written as an escape.
///
/// `JSONEncoder` escapes C0 controls already; DEL, the C1 controls (U+009B starts an escape
/// sequence on some terminals), the bidirectional overrides and U+2028/U+2029 it leaves raw, so a
/// client's name could reach a terminal through `jq` or `cat`. They become `\u009b` and the like.
public enum JSONText {
  /// `value` as JSON, ending with a newline.
  public static func data(of value: some Encodable) throws -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    encoder.dateEncodingStrategy = .iso8601
    var data = escapingControls(try encoder.encode(value))
    data.append(0x0A)
    return data
  }

  /// `value` as JSON text, ending with a newline.
  public static func string(of value: some Encodable) throws -> String {
    String(decoding: try data(of: value), as: UTF8.self)
  }

  /// Encoded JSON with each unsafe character outside C0 (which only the encoder's own layout uses
  /// raw) written as a `\u` escape; valid JSON stays valid, and means the same.
  static func escapingControls(_ json: Data) -> Data {
    let text = String(decoding: json, as: UTF8.self)
    guard text.unicodeScalars.contains(where: { $0.value >= 0x7F && TextSanitizer.isUnsafe($0) }) else { return json }
    var escaped = ""
    for scalar in text.unicodeScalars {
      if scalar.value >= 0x7F, TextSanitizer.isUnsafe(scalar) {
        let hex = String(scalar.value, radix: 16)
        escaped += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
      } else {
        escaped.unicodeScalars.append(scalar)
      }
    }
    return Data(escaped.utf8)
  }
}
