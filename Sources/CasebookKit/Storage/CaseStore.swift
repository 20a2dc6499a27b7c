public import Foundation

/// The cases under the Casebook home: one private folder per case, holding its journal and records.
public struct CaseStore: Sendable {
  /// The Casebook home.
  public let home: String

  /// The file names in a case folder.
  public static let recordMarkdownName = "record.md"
  /// The file names in a case folder.
  public static let recordJSONName = "record.json"

  /// A case found on disk.
  public struct Summary: Sendable, Hashable {
    /// The case's folder name, which is also its identifier.
    public var name: String
    /// The case folder's path.
    public var folder: String
    /// The journal's header.
    public var header: CaseHeader
    /// Completed, or interrupted.
    public var status: CaseStatus
    /// When the journal last changed.
    public var lastActivity: Double
  }

  /// Uses `home` as the Casebook home.
  public init(home: String) { self.home = home }

  /// The Casebook home: `$CASEBOOK_HOME`, else `$XDG_DATA_HOME/casebook`, else
  /// `~/.local/share/casebook`.
  public static func homePath(environment: [String: String]) -> String {
    if let home = environment["CASEBOOK_HOME"], !home.isEmpty { return home }
    if let data = environment["XDG_DATA_HOME"], data.hasPrefix("/") { return data + "/casebook" }
    let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return user + "/.local/share/casebook"
  }

  /// The folder that holds every case.
  public var casesFolder: String { home + "/cases" }

  /// The folder of the user's own playbooks.
  public var playbooksFolder: String { home + "/playbooks" }

  /// Creates the home and its `cases` folder if missing, 0700.
  public func prepare() throws(StorageError) {
    do {
      try POSIX.makeDirectories(casesFolder, trusting: home)
    } catch {
      throw .io(error, operation: .createHome)
    }
  }

  /// Creates a new case folder named from the day, the playbook and the client, and its journal.
  ///
  /// Two cases never share a folder: a name already taken gets `-2`, `-3`, ... appended.
  ///
  /// - Parameters:
  ///   - day: The day the case begins, as `YYYY-MM-DD`.
  ///   - header: The case's header, written as the journal's first entry by the caller.
  public func createCase(day: String, header: CaseHeader) throws(StorageError) -> (name: String, journal: CaseJournal) {
    try prepare()
    var base = "\(day)-\(SafeName.slug(header.playbook) ?? "case")"
    if let client = header.client.flatMap(SafeName.slug) { base += "-\(client)" }
    for attempt in 1...10_000 {
      let name = attempt == 1 ? base : "\(base)-\(attempt)"
      let folder = "\(casesFolder)/\(name)"
      let created: Bool
      do {
        created = try POSIX.makeDirectory(folder)
      } catch {
        throw .io(error, operation: .createCaseFolder)
      }
      guard created else { continue }
      let journal = try CaseJournal.create(at: "\(folder)/\(CaseJournal.fileName)")
      return (name, journal)
    }
    throw .noFreeName(base: base, folder: casesFolder)
  }

  /// The folder of the case named `name` (a folder name or a path to a case folder).
  public func folder(of name: String) -> String? {
    let candidates = name.contains("/") ? [name] : ["\(casesFolder)/\(name)"]
    return candidates.first { POSIX.isDirectory($0) && POSIX.modificationTime("\($0)/\(CaseJournal.fileName)") != nil }
  }

  /// Every case with a readable journal, most recently active first; hidden folders (a case being
  /// deleted) are not cases.
  public func cases() -> [Summary] {
    POSIX.list(casesFolder).filter { !$0.hasPrefix(".") }.compactMap(summary(named:)).sorted {
      ($0.lastActivity, $0.name) > ($1.lastActivity, $1.name)
    }
  }

  /// The case named `name`, if its journal can be read.
  public func summary(named name: String) -> Summary? {
    guard let folder = folder(of: name) else { return nil }
    let journal = "\(folder)/\(CaseJournal.fileName)"
    guard let contents = try? CaseJournal.read(at: journal), case .opened(let header)? = contents.entries.first
    else { return nil }
    let finished = contents.entries.contains { if case .finished = $0 { true } else { false } }
    return Summary(
      name: (folder as NSString).lastPathComponent, folder: folder, header: header,
      status: finished ? .completed : .interrupted,
      lastActivity: POSIX.modificationTime(journal) ?? 0)
  }

  /// Writes `record.json` and `record.md` into a case folder, each atomically and durably.
  public static func writeRecord(_ record: CaseRecord, folder: String, timeZone: TimeZone) throws(StorageError) {
    let json: Data
    do {
      json = try record.jsonData()
    } catch {
      throw .recordNotEncodable
    }
    let markdown = CaseRecordRenderer.markdown(record, timeZone: timeZone)
    try writeAtomically([UInt8](json), to: "\(folder)/\(recordJSONName)")
    try writeAtomically(Array(markdown.utf8), to: "\(folder)/\(recordMarkdownName)")
  }

  /// Writes a file so that it is either the old or the new contents, even across a crash:
  /// a new temporary file (0600, never through a link), write, fsync, rename, fsync of the folder.
  public static func writeAtomically(_ bytes: [UInt8], to path: String) throws(StorageError) {
    let folder = (path as NSString).deletingLastPathComponent
    let name = (path as NSString).lastPathComponent
    for stale in POSIX.list(folder) where stale.hasPrefix(".\(name).tmp-") {
      POSIX.remove("\(folder)/\(stale)")
    }
    let temporary = "\(folder)/.\(name).tmp-\(ProcessInfo.processInfo.processIdentifier)"
    do throws(POSIX.Failure) {
      let descriptor = try POSIX.createExclusive(temporary)
      do {
        try POSIX.writeAll(descriptor, bytes, path: temporary)
        try POSIX.sync(descriptor, path: temporary)
        POSIX.close(descriptor)
      } catch {
        POSIX.close(descriptor)
        POSIX.remove(temporary)
        throw error
      }
      try POSIX.rename(temporary, to: path)
      let directory = try POSIX.openDirectory(folder)
      defer { POSIX.close(directory) }
      try POSIX.sync(directory, path: folder)
    } catch {
      throw .io(error, operation: .write(fileName: name))
    }
  }
}
