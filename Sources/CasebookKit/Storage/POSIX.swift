#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The raw file-system calls Casebook's storage makes, in one place, each retried on `EINTR`.
///
/// Files are created 0600 and folders 0700 at creation, never through a symbolic link and never
/// over an existing file. Only ``Failure`` is public, for ``StorageError/io(_:operation:)``.
public enum POSIX {
  /// A failed call: which call, on what path, and `errno`.
  public struct Failure: Error, Sendable, Hashable {
    /// The call's name, such as `open`.
    public var call: String
    /// The path it was made on.
    public var path: String
    /// Its `errno`.
    public var code: Int32

    /// The system's wording of ``code``.
    public var reason: String { String(cString: strerror(code)) }
  }

  /// Creates a new file, failing if anything exists at `path` (a link included).
  ///
  /// - Parameter appending: Open with `O_APPEND`, so every write lands at the end even after the
  ///   file is cut back.
  static func createExclusive(_ path: String, appending: Bool = false) throws(Failure) -> Int32 {
    let flags = O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC | (appending ? O_APPEND : 0)
    return try retrying("open", path) { open(path, flags, 0o600) }
  }

  /// Opens a file for appending, creating it 0600 if missing; never follows a link.
  static func openAppending(_ path: String) throws(Failure) -> Int32 {
    try retrying("open", path) { open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600) }
  }

  /// Opens a file for reading; never follows a link.
  static func openReading(_ path: String) throws(Failure) -> Int32 {
    try retrying("open", path) { open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC) }
  }

  /// Opens a folder, to fsync it after a rename; never follows a link.
  static func openDirectory(_ path: String) throws(Failure) -> Int32 {
    try retrying("open", path) { open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC) }
  }

  /// Writes every byte, continuing after short writes.
  static func writeAll(_ descriptor: Int32, _ bytes: [UInt8], path: String) throws(Failure) {
    var offset = 0
    while offset < bytes.count {
      let written = bytes.withUnsafeBytes { buffer in
        write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
      }
      if written < 0 {
        if errno == EINTR { continue }
        throw Failure(call: "write", path: path, code: errno)
      }
      offset += written
    }
  }

  /// Flushes a file or folder to the disk.
  static func sync(_ descriptor: Int32, path: String) throws(Failure) {
    _ = try retrying("fsync", path) { fsync(descriptor) }
  }

  /// Cuts a file back to `length` bytes.
  static func truncate(_ descriptor: Int32, to length: Int, path: String) throws(Failure) {
    _ = try retrying("ftruncate", path) { ftruncate(descriptor, off_t(length)) }
  }

  /// The size of an open file.
  static func size(_ descriptor: Int32, path: String) throws(Failure) -> Int {
    var info = stat()
    _ = try retrying("fstat", path) { fstat(descriptor, &info) }
    return Int(info.st_size)
  }

  /// Reads a whole open file.
  static func readAll(_ descriptor: Int32, path: String) throws(Failure) -> [UInt8] {
    var result: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    while true {
      let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 {
        if errno == EINTR { continue }
        throw Failure(call: "read", path: path, code: errno)
      }
      if count == 0 { return result }
      result += buffer[0..<count]
    }
  }

  /// Takes an exclusive lock on an open file without waiting; `false` if another process holds it.
  static func tryLock(_ descriptor: Int32, path: String) throws(Failure) -> Bool {
    while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      if errno == EWOULDBLOCK { return false }
      throw Failure(call: "flock", path: path, code: errno)
    }
    return true
  }

  /// The whole contents of the file at `path`, opened read-only without following a last link.
  static func readFile(_ path: String) throws(Failure) -> [UInt8] {
    let descriptor = try openReading(path)
    defer { close(descriptor) }
    return try readAll(descriptor, path: path)
  }

  /// Creates a folder 0700; `false` if something already exists there.
  static func makeDirectory(_ path: String) throws(Failure) -> Bool {
    if mkdir(path, 0o700) == 0 { return true }
    if errno == EEXIST { return false }
    throw Failure(call: "mkdir", path: path, code: errno)
  }

  /// Creates a folder and its parents, each 0700; existing folders are left as they are.
  ///
  /// A link to a folder is followed up to `trusted`, a path the person chose (the home, an export
  /// folder), and refused below it, inside what Casebook owns.
  static func makeDirectories(_ path: String, trusting trusted: String) throws(Failure) {
    var current = path.hasPrefix("/") ? "" : "."
    // `trusted` is `path` or a folder above it, written the same way.
    let chosen = (trusted.hasPrefix("/") ? "/" : "./") + trusted.split(separator: "/").joined(separator: "/")
    for component in path.split(separator: "/") {
      current += "/" + component
      if try !makeDirectory(current) {
        let isChosen = chosen == current || chosen.hasPrefix(current + "/")
        var info = stat()
        let found = isChosen ? stat(current, &info) : lstat(current, &info)
        guard found == 0, info.st_mode & S_IFMT == S_IFDIR else {
          throw Failure(call: "mkdir", path: current, code: ENOTDIR)
        }
      }
    }
  }

  /// Renames within one folder, replacing the target.
  static func rename(_ from: String, to target: String) throws(Failure) {
    _ = try retrying("rename", target) { Glibc.rename(from, target) }
  }

  /// Renames a folder unless the target is taken (an existing file, link or non-empty folder).
  ///
  /// - Returns: `false` when the target is taken.
  static func renameIfFree(_ from: String, to target: String) throws(Failure) -> Bool {
    while Glibc.rename(from, target) != 0 {
      switch errno {
      case EINTR: continue
      case EEXIST, ENOTEMPTY, ENOTDIR, EISDIR: return false
      default: throw Failure(call: "rename", path: target, code: errno)
      }
    }
    return true
  }

  /// Makes a hard link to a file at `target`; `false` if something is there already.
  static func linkIfFree(_ path: String, to target: String) throws(Failure) -> Bool {
    while Glibc.link(path, target) != 0 {
      switch errno {
      case EINTR: continue
      case EEXIST: return false
      default: throw Failure(call: "link", path: target, code: errno)
      }
    }
    return true
  }

  /// Makes a file readable and writable by its owner only, 0600; never through a link.
  static func makePrivate(_ path: String) throws(Failure) {
    _ = try retrying("chmod", path) { fchmodat(AT_FDCWD, path, 0o600, 0) }
  }

  /// Whether a process with this id is running.
  static func isRunning(_ process: Int32) -> Bool {
    kill(process, 0) == 0 || errno == EPERM
  }

  /// Removes a file; a missing file is not an error.
  static func remove(_ path: String) {
    _ = unlink(path)
  }

  /// Removes an empty folder.
  static func removeDirectory(_ path: String) throws(Failure) {
    _ = try retrying("rmdir", path) { rmdir(path) }
  }

  /// Closes a descriptor.
  static func close(_ descriptor: Int32) {
    _ = Glibc.close(descriptor)
  }

  /// The names in a folder, without `.` and `..`; empty when it cannot be read.
  static func list(_ path: String) -> [String] {
    guard let directory = opendir(path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
        String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// Whether `path` is a real folder (not a link to one).
  static func isDirectory(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// The last modification time of `path`, in seconds since 1970, or `nil`.
  static func modificationTime(_ path: String) -> Double? {
    var info = stat()
    guard lstat(path, &info) == 0 else { return nil }
    return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
  }

  private static func retrying(_ call: String, _ path: String, _ body: () -> Int32) throws(Failure) -> Int32 {
    while true {
      let result = body()
      if result >= 0 { return result }
      if errno != EINTR { throw Failure(call: call, path: path, code: errno) }
    }
  }
}
