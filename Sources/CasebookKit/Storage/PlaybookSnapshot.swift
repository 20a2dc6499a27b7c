/// The copy of a playbook a case keeps in its folder: the file's text as `playbook.yaml`, and each
/// part file it includes at the same relative path (`parts/reschedule.yaml`), so that the copy
/// loads on its own when the original moves or changes.
public struct PlaybookSnapshot: Sendable, Hashable {
  /// The playbook file's text.
  public var source: String
  /// Each included part's text, by its path relative to the playbook's folder.
  public var parts: [String: String]
  /// Included parts that lie outside the playbook's folder (`../shared/x.yaml`), or whose name
  /// is one of the case's own files (`journal.log`), which the copy cannot keep at their path.
  public var outside: [String]

  /// The snapshot of a playbook loaded from `file`, given every text the loader read (the
  /// playbook's `sources`: the file itself and its includes, by the paths it read them at).
  public init(file: String, sources: [String: String]) {
    source = sources[file] ?? ""
    parts = [:]
    outside = []
    let folder = file.contains("/") ? String(file[..<(file.lastIndex(of: "/") ?? file.endIndex)]) : "."
    for (path, text) in sources where path != file {
      if path.hasPrefix(folder + "/"), let relative = Self.normalized(String(path.dropFirst(folder.count + 1))),
        !Self.isReserved(relative)
      {
        parts[relative] = text
      } else {
        outside.append(path)
      }
    }
    outside.sort()
  }

  /// A snapshot of a playbook without includes.
  public init(source: String) {
    self.source = source
    parts = [:]
    outside = []
  }

  /// Whether a part at `relative` would take the place of one of the case's own files.
  static func isReserved(_ relative: String) -> Bool {
    guard !relative.contains("/") else { return false }
    let own = [CaseStore.playbookSnapshotName, CaseJournal.fileName, CaseStore.recordMarkdownName, CaseStore.recordJSONName]
    return own.contains(relative) || relative.hasPrefix(FilledDraft.fileNamePrefix) || relative.hasPrefix(".")
  }

  /// `path` with `.` and `x/..` resolved, or `nil` when it climbs out of its folder or is absolute.
  static func normalized(_ path: String) -> String? {
    guard !path.hasPrefix("/") else { return nil }
    var components: [Substring] = []
    for component in path.split(separator: "/") where component != "." {
      if component == ".." {
        guard components.popLast() != nil else { return nil }
      } else {
        components.append(component)
      }
    }
    return components.isEmpty ? nil : components.joined(separator: "/")
  }
}
