import CEditLine

extension Launcher {
  /// A launcher for a command that only reads and prints (`check`, `test`, `graph`): SIGINT and
  /// SIGTERM end it at once, as they end any such tool, instead of being noted for a prompt that
  /// never comes.
  static func forReading() -> Launcher {
    let launcher = Launcher()
    cel_restore_termination_signals()
    return launcher
  }
}
