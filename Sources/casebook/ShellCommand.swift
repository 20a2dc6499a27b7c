import Foundation
#if canImport(Glibc)
  import Glibc
#endif

/// A command of the person's (`$EDITOR`, `$PAGER`) run through `/bin/sh`, so that it may carry
/// arguments, in Casebook's own process group: it shares the terminal as a child of a shell
/// command would, where Foundation's `Process` would start it in a group of its own, which the
/// terminal stops as soon as it reads a key. posix_spawn and waitpid also keep working when the
/// clock is faked (faketime), where `Process`'s timer-driven wait hangs.
enum ShellCommand {
  /// How the child's standard input is set up.
  enum Input {
    /// Casebook's own (the terminal).
    case inherited
    /// An empty input (`/dev/null`).
    case empty
    /// The read end of a pipe, closed in Casebook once the child has it.
    case pipe(readEnd: Int32, writeEnd: Int32)
  }

  /// Starts `sh -c SCRIPT NAME ARGUMENTS…`; the child's process id, or `nil` if it could not start.
  static func spawn(_ script: String, name: String, arguments: [String] = [], input: Input) -> pid_t? {
    let all = ["/bin/sh", "-c", script, name] + arguments
    var pointers = all.map { strdup($0) }
    defer { pointers.forEach { free($0) } }
    pointers.append(nil)
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    switch input {
    case .inherited: break
    case .empty: posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    case .pipe(let readEnd, let writeEnd):
      posix_spawn_file_actions_adddup2(&actions, readEnd, 0)
      posix_spawn_file_actions_addclose(&actions, readEnd)
      posix_spawn_file_actions_addclose(&actions, writeEnd)
    }
    var pid: pid_t = 0
    let spawned = pointers.withUnsafeMutableBufferPointer { buffer in
      posix_spawn(&pid, "/bin/sh", &actions, nil, buffer.baseAddress!, environ)
    }
    return spawned == 0 ? pid : nil
  }

  /// Waits for the child; its exit status, or `nil` when it was killed or could not be waited for.
  static func wait(_ pid: pid_t) -> Int32? {
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 {
      guard errno == EINTR else { return nil }
    }
    // WIFEXITED and WEXITSTATUS, which Swift does not import.
    guard status & 0x7f == 0 else { return nil }
    return (status >> 8) & 0xff
  }
}
