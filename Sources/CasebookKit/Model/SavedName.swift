/// A saved name of a playbook (`wait_limit`), which also names the timer counting down a saved
/// duration, as people read it.
enum SavedName {
  /// `wait limit` for `wait_limit`.
  static func words(_ name: String) -> String {
    name.split(separator: "_").joined(separator: " ")
  }

  /// `Wait limit` for `wait_limit`.
  static func title(_ name: String) -> String {
    let words = words(name)
    return words.prefix(1).uppercased() + words.dropFirst()
  }
}
