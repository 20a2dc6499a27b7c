import Foundation

/// A case's append-only journal, open and locked by this process.
///
/// ``append(_:)`` returns only once the entry is on the disk (written and fsynced). When a write
/// fails, the file is cut back to its last whole entry and the entry stays pending, to be written
/// with the next one: nothing half-written is ever left to be read.
public final class CaseJournal {
  /// The journal file's path.
  public private(set) var path: String
  private let descriptor: Int32
  private var durableLength: Int
  /// Entries not yet on the disk because a write failed.
  public private(set) var pending: [JournalEntry] = []

  /// The file name of a case's journal.
  public static let fileName = "journal.log"

  /// Creates and locks a new journal.
  public static func create(at path: String) throws(StorageError) -> CaseJournal {
    do {
      let descriptor = try POSIX.createExclusive(path, appending: true)
      _ = try POSIX.tryLock(descriptor, path: path)
      return CaseJournal(path: path, descriptor: descriptor, durableLength: 0)
    } catch {
      throw .io(error, operation: .createJournal)
    }
  }

  /// Opens and locks an existing journal, reading its entries and cutting off a torn last line.
  ///
  /// - Returns: The journal and what it holds.
  public static func open(at path: String) throws(StorageError) -> (CaseJournal, JournalCodec.Contents) {
    let descriptor: Int32
    do {
      descriptor = try POSIX.openAppending(path)
    } catch {
      throw .io(error, operation: .openJournal)
    }
    do throws(StorageError) {
      let contents = try lockAndRead(descriptor, path: path)
      return (CaseJournal(path: path, descriptor: descriptor, durableLength: contents.validLength), contents)
    } catch {
      POSIX.close(descriptor)
      throw error
    }
  }

  /// Reads a journal without locking or changing it.
  public static func read(at path: String) throws(StorageError) -> JournalCodec.Contents {
    let bytes: [UInt8]
    do {
      bytes = try POSIX.readFile(path)
    } catch {
      throw .io(error, operation: .readJournal)
    }
    return try decode(bytes, path: path, isLeftAsIs: false)
  }

  /// Reads a journal without locking or changing it, as far as it can be read, and says why it
  /// cannot be read to its end, if it cannot (a torn last line is not damage).
  public static func inspect(at path: String) -> (contents: JournalCodec.Contents, damage: JournalDamage?) {
    let nothing = JournalCodec.Contents(entries: [], validLength: 0, droppedTail: false, damage: nil)
    let bytes: [UInt8]
    do {
      bytes = try POSIX.readFile(path)
    } catch {
      switch error.code {
      case ELOOP: return (nothing, .link)
      case ENOENT: return (nothing, .missing)
      default: return (nothing, .unreadable(error))
      }
    }
    let contents = JournalCodec.read(bytes)
    if let damage = contents.damage { return (contents, .line(damage.line, problem: damage.problem)) }
    guard let first = contents.entries.first else { return (contents, contents.droppedTail ? .noHeader : .empty) }
    guard case .opened = first else { return (contents, .noHeader) }
    return (contents, nil)
  }

  /// Locks an open journal for this process and reads all of it; ``StorageError/locked(path:)``
  /// when another process holds it.
  static func lockedBytes(_ descriptor: Int32, path: String) throws(StorageError) -> [UInt8] {
    let isLocked: Bool
    let bytes: [UInt8]
    do {
      isLocked = try POSIX.tryLock(descriptor, path: path)
      bytes = try isLocked ? POSIX.readAll(descriptor, path: path) : []
    } catch {
      throw .io(error, operation: .readJournal)
    }
    guard isLocked else { throw .locked(path: path) }
    return bytes
  }

  /// Locks an open journal and reads it, cutting off a torn last line; the caller closes it.
  private static func lockAndRead(_ descriptor: Int32, path: String) throws(StorageError) -> JournalCodec.Contents {
    let contents = try decode(lockedBytes(descriptor, path: path), path: path, isLeftAsIs: true)
    guard contents.droppedTail else { return contents }
    do {
      try POSIX.truncate(descriptor, to: contents.validLength, path: path)
      try POSIX.sync(descriptor, path: path)
    } catch {
      throw .io(error, operation: .readJournal)
    }
    return contents
  }

  private static func decode(_ bytes: [UInt8], path: String, isLeftAsIs: Bool) throws(StorageError) -> JournalCodec.Contents {
    do {
      return try JournalCodec.decode(bytes)
    } catch {
      throw .damaged(path: path, line: error.line, problem: error.problem, isLeftAsIs: isLeftAsIs)
    }
  }

  private init(path: String, descriptor: Int32, durableLength: Int) {
    self.path = path
    self.descriptor = descriptor
    self.durableLength = durableLength
  }

  deinit { POSIX.close(descriptor) }

  /// Whether nothing of the journal has reached the disk.
  var isEmpty: Bool { durableLength == 0 }

  /// Follows the journal to `path`, where its folder was renamed.
  func moved(to path: String) {
    self.path = path
  }

  /// Flushes the folder that holds the journal, so that its name in it is on the disk.
  func syncFolder() throws(StorageError) {
    let folder = (path as NSString).deletingLastPathComponent
    do {
      let directory = try POSIX.openDirectory(folder)
      defer { POSIX.close(directory) }
      try POSIX.sync(directory, path: folder)
    } catch {
      throw .io(error, operation: .createCaseFolder)
    }
  }

  /// Adds `entry` to the pending entries without writing it.
  public func enqueue(_ entry: JournalEntry) {
    pending.append(entry)
  }

  /// Appends `entry`, with any entries still pending before it, and flushes them to the disk.
  ///
  /// - Throws: ``StorageError`` when they could not be made durable; they stay pending.
  public func append(_ entry: JournalEntry) throws(StorageError) {
    pending.append(entry)
    try flush()
  }

  /// Writes and flushes the pending entries, if any.
  public func flush() throws(StorageError) {
    guard !pending.isEmpty else { return }
    var bytes: [UInt8] = []
    for entry in pending {
      guard let line = try? JournalCodec.encode(entry) else { continue }
      bytes += line
    }
    do {
      try POSIX.writeAll(descriptor, bytes, path: path)
      try POSIX.sync(descriptor, path: path)
    } catch {
      // Whatever reached the file is cut off, so a retry never follows a torn line; after a
      // failed fsync the written bytes are in doubt, so they are rewritten, never trusted.
      try? POSIX.truncate(descriptor, to: durableLength, path: path)
      throw .io(error, operation: .saveAnswer)
    }
    durableLength += bytes.count
    pending.removeAll()
  }
}

extension CaseJournal {
  /// Writes the whole journal, saved and pending entries, as a new file in `folder`.
  ///
  /// - Returns: The new file's path.
  public func writeCopy(into folder: String, named name: String) throws(StorageError) -> String {
    let target = "\(folder)/\(name)"
    do {
      let saved = try POSIX.readFile(path)
      var bytes = Array(saved.prefix(durableLength))
      for entry in pending {
        if let line = try? JournalCodec.encode(entry) { bytes += line }
      }
      try POSIX.makeDirectories(folder, trusting: folder)
      let output = try POSIX.createExclusive(target)
      defer { POSIX.close(output) }
      try POSIX.writeAll(output, bytes, path: target)
      try POSIX.sync(output, path: target)
    } catch {
      throw .io(error, operation: .copyJournal)
    }
    return target
  }
}
