import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// Runs the person's editor on a file and waits for it, with the terminal handed over.
///
/// posix_spawn and waitpid, not Foundation's `Process`: its wait runs on a timer-driven run loop,
/// which hangs when the clock is faked (faketime), and nothing here needs more than the exit status.
enum EditorProcess {
  /// Runs `editor FILE` through `/bin/sh`, so that `$EDITOR` may carry arguments.
  ///
  /// - Parameter withoutInput: Give the editor an empty standard input: when answers come through a
  ///   pipe, the editor must neither read the lines meant for the case nor wait for keys.
  /// - Returns: The editor's exit status, or `nil` when it could not be started or was killed.
  static func run(_ editor: String, on path: String, withoutInput: Bool) -> Int32? {
    let arguments = ["/bin/sh", "-c", "\(editor) \"$1\"", "casebook-editor", path]
    var pointers = arguments.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    pointers.append(nil)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if withoutInput { posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0) }
    var pid: pid_t = 0
    let spawned = pointers.withUnsafeMutableBufferPointer { buffer in
      posix_spawn(&pid, "/bin/sh", &actions, nil, buffer.baseAddress!, environ)
    }
    guard spawned == 0 else { return nil }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    guard status & 0x7f == 0 else { return nil }
    return (status >> 8) & 0xff
  }
}
