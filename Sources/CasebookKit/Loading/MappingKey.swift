/// The keys one kind of playbook mapping may have, as a `String`-backed enum: the declaration
/// order is the order "did you mean" weighs them in, so a tie goes to the earlier key.
protocol MappingKey: CaseIterable, Hashable, RawRepresentable where RawValue == String {}

extension MappingKey {
  /// Every key as written in YAML, in declaration order.
  static var names: [String] { allCases.map(\.rawValue) }
}
