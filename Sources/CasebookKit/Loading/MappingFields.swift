import Yams

/// A YAML mapping's fields by key, as the shape walk reads them: a handful per mapping, so a list
/// searched in order beats hashing every key.
struct MappingFields<Key: MappingKey> {
  private var keys: [Key] = []
  private var fields: [(key: Node, value: Node)] = []

  /// Room for `capacity` fields, so that adding them does not grow the storage step by step.
  init(capacity: Int) {
    keys.reserveCapacity(capacity)
    fields.reserveCapacity(capacity)
  }

  /// Adds a field; Yams has already refused duplicate keys.
  mutating func append(_ name: Key, key: Node, value: Node) {
    keys.append(name)
    fields.append((key, value))
  }

  /// The key node and the value node under `name`, if the mapping has it.
  subscript(name: Key) -> (key: Node, value: Node)? {
    keys.firstIndex(of: name).map { fields[$0] }
  }
}
