import CasebookKit

/// JSON for `--json` options (``JSONText``).
enum JSONOutput {
  static func encode(_ value: some Encodable) throws -> String {
    try JSONText.string(of: value)
  }
}
