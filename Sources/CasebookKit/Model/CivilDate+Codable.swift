/// A civil date is written as the text it prints: `2026-11-25`, or `2026-11-25 14:30` with a time.
extension CivilDate: Codable {
  /// Reads a date written by ``encode(to:)``; anything else, `today` included, is an error.
  ///
  /// - Parameter decoder: The decoder holding a single string.
  /// - Throws: `DecodingError.dataCorrupted` when the string is not a date as written.
  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    // Parsing accepts more than is written (`today`, `T14:30`); keep only what writes back the same.
    guard let date = CivilDate.parse(text, today: .reference), date.description == text else {
      throw DecodingError.dataCorruptedError(
        in: container, debugDescription: "'\(text)' is not a date written as YYYY-MM-DD [HH:MM]")
    }
    self = date
  }

  /// Writes the date as its ``description``.
  ///
  /// - Parameter encoder: The encoder to write a single string into.
  /// - Throws: What the encoder throws.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
