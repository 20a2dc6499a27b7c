#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Reads a playbook or part file without trusting it: what is not a regular file (a device, a
/// FIFO, a socket, a folder) is named and never read, and no more than a limit is ever read.
///
/// The raw calls the loader makes are here, as the storage's are in `POSIX`.
enum PlaybookFile {
  /// Why a file was not read.
  enum Refusal: Error, Equatable {
    /// Nothing readable at the path, with the system's wording.
    case unreadable(String)
    /// Not a regular file: "a device", "a FIFO", "a socket", "a folder".
    case notRegular(String)
    /// Larger than the limit, with its size in bytes.
    case tooLarge(Int)
  }

  /// The bytes of the regular file at `path`, at most `limit` of them.
  ///
  /// - Parameters:
  ///   - path: The file.
  ///   - limit: The most bytes accepted.
  ///   - followingLinks: Whether a symbolic link at `path` itself is followed.
  static func contents(of path: String, limit: Int, followingLinks: Bool = true) -> Result<[UInt8], Refusal> {
    // O_NONBLOCK: opening a FIFO with no writer must not wait for one.
    let flags = O_RDONLY | O_CLOEXEC | O_NONBLOCK | (followingLinks ? 0 : O_NOFOLLOW)
    var descriptor: Int32
    repeat { descriptor = open(path, flags) } while descriptor < 0 && errno == EINTR
    guard descriptor >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    defer { _ = close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
    if let kind = kind(of: status.st_mode) { return .failure(.notRegular(kind)) }
    guard Int(status.st_size) <= limit else { return .failure(.tooLarge(Int(status.st_size))) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    while bytes.count <= limit {
      let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return .failure(.unreadable(String(cString: strerror(errno)))) }
      if count == 0 { return .success(bytes) }
      bytes += chunk[..<count]
    }
    // The file grew while being read.
    return .failure(.tooLarge(bytes.count))
  }

  /// What a file that is not regular is, worded for a message; `nil` for a regular file.
  private static func kind(of mode: mode_t) -> String? {
    switch mode & S_IFMT {
    case S_IFREG: nil
    case S_IFDIR: "a folder"
    case S_IFCHR, S_IFBLK: "a device"
    case S_IFIFO: "a FIFO"
    case S_IFSOCK: "a socket"
    default: "not a regular file"
    }
  }

  /// The absolute path of `path` with every symbolic link, `.` and `..` resolved, or `nil` when
  /// it does not exist.
  static func resolved(_ path: String) -> String? {
    guard let pointer = realpath(path, nil) else { return nil }
    defer { free(pointer) }
    return String(cString: pointer)
  }
}
