public import Foundation

/// Repairing a damaged journal: the only code that writes a journal without one of its lines.
extension CaseStore {
  /// What repairing a case kept and dropped.
  public struct Repair: Sendable, Hashable {
    /// How many entries the repaired journal holds.
    public var kept: Int
    /// The damaged lines left out, in order.
    public var dropped: [JournalCodec.DamageError]
    /// Whether a torn last line (a write cut short) was left out too.
    public var droppedTail: Bool
    /// Where the original journal is kept, unchanged.
    public var original: String
    /// The record written from the repaired journal, or why it could not be.
    public var record: Result<CaseRecord, StorageError>
  }

  /// Repairs a damaged case: keeps every entry of its journal that can be read, before the damage
  /// and after it (each line is framed on its own), keeps the original beside it as
  /// `journal.log.damaged-N`, replaces the journal atomically and rebuilds the records.
  ///
  /// - Throws: ``StorageError/nothingToRepair(caseName:_:)`` when not even the header can be read;
  ///   ``StorageError/locked(path:)`` while another Casebook has it open.
  public func repair(_ summary: Summary, timeZone: TimeZone) throws(StorageError) -> Repair {
    let path = "\(summary.folder)/\(CaseJournal.fileName)"
    guard let damage = summary.damage else { throw .notDamaged(caseName: summary.name) }
    guard damage.isRepairable else { throw .nothingToRepair(caseName: summary.name, damage) }
    let descriptor: Int32
    let bytes: [UInt8]
    do {
      descriptor = try POSIX.openReading(path)
    } catch {
      throw .io(error, operation: .readJournal)
    }
    defer { POSIX.close(descriptor) }
    bytes = try CaseJournal.lockedBytes(descriptor, path: path)
    let (lines, wholeLength) = JournalCodec.lines(bytes)
    var kept: [UInt8] = []
    var dropped: [JournalCodec.DamageError] = []
    for line in lines {
      switch line.entry {
      // A CRLF line is kept with the newline the journal is written with.
      case .success: kept += line.bytes.dropLast().last == 0x0D ? line.bytes.dropLast(2) + [0x0A] : Array(line.bytes)
      case .failure(let damage): dropped.append(damage)
      }
    }
    let original = try keepAside(path)
    try Self.writeAtomically(kept, to: path)
    var repaired = summary
    repaired.damage = nil
    let record = Result { () throws(StorageError) in try rebuild(repaired, timeZone: timeZone).record }
    return Repair(
      kept: lines.count - dropped.count, dropped: dropped, droppedTail: wholeLength < bytes.count, original: original,
      record: record)
  }

  /// Links the journal at `path` to the first free `journal.log.damaged-N` beside it (0600) and
  /// flushes the folder, so the original is kept before the journal is replaced.
  private func keepAside(_ path: String) throws(StorageError) -> String {
    let folder = (path as NSString).deletingLastPathComponent
    do {
      for number in 1...10_000 {
        let target = "\(path).damaged-\(number)"
        guard try POSIX.linkIfFree(path, to: target) else { continue }
        try POSIX.makePrivate(target)
        let directory = try POSIX.openDirectory(folder)
        defer { POSIX.close(directory) }
        try POSIX.sync(directory, path: folder)
        return target
      }
    } catch {
      throw .io(error, operation: .keepDamagedJournal)
    }
    throw .noFreeName(base: "\(CaseJournal.fileName).damaged", folder: folder)
  }
}
