/// A case's append-only journal, open and locked by this process.
///
/// ``append(_:)`` returns only once the entry is on the disk (written and fsynced). When a write
/// fails, the file is cut back to its last whole entry and the entry stays pending, to be written
/// with the next one: nothing half-written is ever left to be read.
public final class CaseJournal {
  /// The journal file's path.
  public let path: String
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
      throw StorageError(error, doing: "create the case journal")
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
      throw StorageError(error, doing: "open the case journal")
    }
    do {
      guard try POSIX.tryLock(descriptor, path: path) else {
        POSIX.close(descriptor)
        throw StorageError("this case is open in another Casebook; finish or quit it there first ('\(path)' is locked)")
      }
      let bytes = try POSIX.readAll(descriptor, path: path)
      let contents: JournalCodec.Contents
      do {
        contents = try JournalCodec.decode(bytes)
      } catch {
        POSIX.close(descriptor)
        throw StorageError(
          "the journal '\(path)' is damaged at line \(error.line): \(error.problem); it was left as it is")
      }
      if contents.droppedTail {
        try POSIX.truncate(descriptor, to: contents.validLength, path: path)
        try POSIX.sync(descriptor, path: path)
      }
      return (CaseJournal(path: path, descriptor: descriptor, durableLength: contents.validLength), contents)
    } catch let error as StorageError {
      throw error
    } catch let error as POSIX.Failure {
      POSIX.close(descriptor)
      throw StorageError(error, doing: "read the case journal")
    } catch {
      POSIX.close(descriptor)
      throw StorageError("could not read the case journal '\(path)'")
    }
  }

  /// Reads a journal without locking or changing it.
  public static func read(at path: String) throws(StorageError) -> JournalCodec.Contents {
    do {
      let descriptor = try POSIX.openReading(path)
      defer { POSIX.close(descriptor) }
      let bytes = try POSIX.readAll(descriptor, path: path)
      do {
        return try JournalCodec.decode(bytes)
      } catch {
        throw StorageError("the journal '\(path)' is damaged at line \(error.line): \(error.problem)")
      }
    } catch let error as StorageError {
      throw error
    } catch let error as POSIX.Failure {
      throw StorageError(error, doing: "read the case journal")
    } catch {
      throw StorageError("could not read the case journal '\(path)'")
    }
  }

  private init(path: String, descriptor: Int32, durableLength: Int) {
    self.path = path
    self.descriptor = descriptor
    self.durableLength = durableLength
  }

  deinit { POSIX.close(descriptor) }

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
      throw StorageError(error, doing: "save the answer to the case journal")
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
      let input = try POSIX.openReading(path)
      let saved = try POSIX.readAll(input, path: path)
      POSIX.close(input)
      var bytes = Array(saved.prefix(durableLength))
      for entry in pending {
        if let line = try? JournalCodec.encode(entry) { bytes += line }
      }
      try POSIX.makeDirectories(folder)
      let output = try POSIX.createExclusive(target)
      defer { POSIX.close(output) }
      try POSIX.writeAll(output, bytes, path: target)
      try POSIX.sync(output, path: target)
    } catch {
      throw StorageError(error, doing: "write a copy of the journal")
    }
    return target
  }
}
