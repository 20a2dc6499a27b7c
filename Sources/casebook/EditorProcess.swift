/// Runs the person's editor on a file and waits for it, with the terminal handed over.
enum EditorProcess {
  /// Runs `editor FILE` through `/bin/sh`, so that `$EDITOR` may carry arguments.
  ///
  /// - Parameter withoutInput: Give the editor an empty standard input: when answers come through a
  ///   pipe, the editor must neither read the lines meant for the case nor wait for keys.
  /// - Returns: The editor's exit status, or `nil` when it could not be started or was killed.
  static func run(_ editor: String, on path: String, withoutInput: Bool) -> Int32? {
    guard
      let pid = ShellCommand.spawn(
        "\(editor) \"$1\"", name: "casebook-editor", arguments: [path], input: withoutInput ? .empty : .inherited)
    else { return nil }
    return ShellCommand.wait(pid)
  }
}
