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
  static func spawn(
    _ script: String, name: String, arguments: [String] = [], input: Input, output: (readEnd: Int32, writeEnd: Int32)? = nil
  ) -> pid_t? {
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
    if let output {
      posix_spawn_file_actions_adddup2(&actions, output.writeEnd, 1)
      posix_spawn_file_actions_addclose(&actions, output.readEnd)
      posix_spawn_file_actions_addclose(&actions, output.writeEnd)
    }
    var pid: pid_t = 0
    let spawned = pointers.withUnsafeMutableBufferPointer { buffer in
      posix_spawn(&pid, "/bin/sh", &actions, nil, buffer.baseAddress!, environ)
    }
    return spawned == 0 ? pid : nil
  }

  /// Runs `program ARGUMENTS…` with `input` on its standard input and returns its exit status
  /// (`nil` when it could not start or was killed) and what it wrote to standard output.
  static func filter(_ program: String, arguments: [String], input: Data) -> (status: Int32?, output: Data) {
    var inputEnds: [Int32] = [0, 0]
    var outputEnds: [Int32] = [0, 0]
    guard pipe(&inputEnds) == 0 else { return (nil, Data()) }
    guard pipe(&outputEnds) == 0 else {
      close(inputEnds[0])
      close(inputEnds[1])
      return (nil, Data())
    }
    let brokenPipe = signal(SIGPIPE, SIG_IGN)
    defer { signal(SIGPIPE, brokenPipe) }
    let pid = spawn(
      "exec \"$0\" \"$@\"", name: program, arguments: arguments,
      input: .pipe(readEnd: inputEnds[0], writeEnd: inputEnds[1]), output: (outputEnds[0], outputEnds[1]))
    close(inputEnds[0])
    close(outputEnds[1])
    guard let pid else {
      close(inputEnds[1])
      close(outputEnds[0])
      return (nil, Data())
    }
    // Written from another thread, so that a program that answers before it has read everything
    // cannot block both sides.
    let writeEnd = inputEnds[1]
    let writer = Thread {
      let bytes = [UInt8](input)
      var offset = 0
      while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { Glibc.write(writeEnd, $0.baseAddress!, $0.count) }
        if written < 0 && errno == EINTR { continue }
        guard written > 0 else { break }
        offset += written
      }
      close(writeEnd)
    }
    writer.start()
    var output = Data()
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(outputEnds[0], $0.baseAddress!, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { break }
      output.append(contentsOf: buffer[0..<count])
    }
    close(outputEnds[0])
    return (wait(pid), output)
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
