import Yams

// The helpers every section reads its fields with: each reports what is wrong and goes on.
extension NodeReader {
  /// The mapping's keys and values by key, reporting a node that is not a mapping and every key
  /// that is not one of `Key`'s.
  mutating func fields<Key: MappingKey>(
    of node: Node, named context: String, allowed: Key.Type
  ) -> MappingFields<Key>? {
    guard case .mapping(let mapping) = node else {
      report(.wrongType(context, expected: "a mapping of keys to values", found: describe(node), at: location(of: node)))
      return nil
    }
    var result = MappingFields<Key>(capacity: mapping.count)
    // A misspelt key more likely means a key the mapping lacks than one it already has.
    let present = Set(mapping.keys.compactMap { $0.scalar?.string })
    let absent = Key.names.filter { !present.contains($0) }
    for (key, value) in mapping {
      guard case .scalar(let scalar) = key else {
        report(.wrongType("key", expected: "a plain word", found: describe(key), at: location(of: key)))
        continue
      }
      guard let name = Key(rawValue: scalar.string) else {
        let candidates = Suggestion.nearest(to: scalar.string, in: absent) == nil ? Key.names : absent
        report(.unknownKey(scalar.string, in: context, known: candidates, at: location(of: key)))
        // A misspelt `save` still saves its name, so its uses are not errors of their own.
        if Key.self == StepKey.self, Suggestion.nearest(to: scalar.string, in: candidates) == StepKey.save.rawValue,
          let saved = value.scalar?.string
        {
          unread.savedNames.insert(saved)
        }
        continue
      }
      result.append(name, key: key, value: value)
    }
    return result
  }

  mutating func requiredString<Key>(
    _ key: Key, in fields: MappingFields<Key>, context: String, at location: SourceLocation
  ) -> String? {
    guard fields[key] != nil else {
      report(.missingKey(key.rawValue, in: context, at: location))
      return nil
    }
    return optionalString(key, in: fields)
  }

  mutating func optionalString<Key>(_ key: Key, in fields: MappingFields<Key>) -> String? {
    guard let field = fields[key] else { return nil }
    guard case .scalar(let scalar) = field.value else {
      report(.wrongType(key.rawValue, expected: "text", found: describe(field.value), at: location(of: field.value)))
      return nil
    }
    let text = scalar.string.trimmingWhitespace()
    if text.isEmpty || (scalar.style == .plain && ["~", "null", "Null", "NULL"].contains(text)) {
      report(.emptyText(field: key.rawValue, at: location(of: field.value)))
      return nil
    }
    return text
  }

  mutating func rejectKeys<Key>(_ keys: [Key], in fields: MappingFields<Key>, kind: String) {
    for key in keys {
      if let field = fields[key] { report(.misplacedKey(key.rawValue, kind: kind, at: location(of: field.key))) }
    }
  }

  /// The items of the list under `field`, or `nil` after reporting that `node` is not a list.
  mutating func items(of node: Node, field: String, expected: String) -> Node.Sequence? {
    guard case .sequence(let sequence) = node else {
      report(.wrongType(field, expected: expected, found: describe(node), at: location(of: node)))
      return nil
    }
    return sequence
  }

  mutating func stringList(_ node: Node, field: String) -> [String] {
    guard let sequence = items(of: node, field: field, expected: "a list of texts") else { return [] }
    return sequence.compactMap { item in
      guard case .scalar(let scalar) = item, !scalar.string.trimmingWhitespace().isEmpty else {
        report(.wrongType(field, expected: "a list of texts", found: describe(item), at: location(of: item)))
        return nil
      }
      return scalar.string.trimmingWhitespace()
    }
  }

  mutating func stringMap(_ node: Node, field: String) -> [String: String] {
    guard case .mapping(let mapping) = node else {
      report(.wrongType(field, expected: "a mapping of names to texts", found: describe(node), at: location(of: node)))
      return [:]
    }
    var result: [String: String] = [:]
    for (key, value) in mapping {
      guard let name = key.scalar?.string, case .scalar(let scalar) = value else {
        report(.wrongType(field, expected: "a mapping of names to texts", found: describe(value), at: location(of: value)))
        continue
      }
      result[name] = scalar.string.trimmingWhitespace()
    }
    return result
  }

  /// The condition under `key` (always `when`), parsed, and where its text begins.
  mutating func readCondition<Key>(_ key: Key, in fields: MappingFields<Key>) -> (Condition?, SourceLocation?) {
    guard let field = fields[key], let text = optionalString(key, in: fields),
      case .scalar(let scalar) = field.value
    else { return (nil, nil) }
    var start = location(of: field.value)
    if scalar.style == .singleQuoted || scalar.style == .doubleQuoted { start.column += 1 }
    switch ConditionParser.parse(text) {
    case .success(let condition):
      return (condition, start)
    case .failure(let failure):
      var at = start
      at.column += failure.offset
      report(failure.isTooDeep ? .nestingTooDeep("condition: \(failure.message)", at: at) : .conditionSyntax(failure.message, at: at))
      return (nil, start)
    }
  }
}
