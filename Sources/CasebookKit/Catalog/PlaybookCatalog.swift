import Foundation

/// Finds playbooks by identifier or path in the bundled folder and the user's own folder.
public struct PlaybookCatalog: Sendable {
  /// Where a listed playbook comes from.
  public enum Origin: String, Sendable, Hashable {
    /// Shipped with Casebook.
    case bundled
    /// The user's own, under the Casebook home.
    case own
  }

  /// A playbook file found in a folder, with what a listing shows of it.
  public struct Entry: Sendable, Hashable {
    /// The playbook's identifier, or the file's name when it does not load.
    public var id: String
    /// The playbook's title, or `nil` when it does not load.
    public var title: String?
    /// The file.
    public var path: String
    /// Where it comes from.
    public var origin: Origin
    /// How many errors it has; `nil` when only its header was read (``listing()``).
    public var errorCount: Int?
  }

  /// The folder of bundled playbooks, if found.
  public var bundledFolder: String?
  /// The user's own playbooks folder.
  public var ownFolder: String?

  /// Creates a catalog over two folders.
  public init(bundledFolder: String?, ownFolder: String?) {
    self.bundledFolder = bundledFolder
    self.ownFolder = ownFolder
  }

  /// The file for `name`: a path when it names a file, else the playbook with that identifier,
  /// the user's own first. Tries `<folder>/<name>.yaml` before reading any other file.
  public func locate(_ name: String) -> String? {
    if name.contains("/") || name.hasSuffix(".yaml") || name.hasSuffix(".yml") {
      return name
    }
    for folder in folders {
      for suffix in [".yaml", ".yml"] {
        let candidate = "\(folder.path)/\(name)\(suffix)"
        if FileManager.default.fileExists(atPath: candidate) { return candidate }
      }
    }
    return entries().last { $0.id == name }?.path
  }

  /// Every playbook file in both folders, loaded for its identifier and title; the user's own
  /// after the bundled ones, each folder sorted by identifier.
  public func entries() -> [Entry] {
    folders.reversed().flatMap { folder in
      Self.files(in: folder.path).map { entry(loading: $0, origin: folder.origin) }.sorted { $0.id < $1.id }
    }
  }

  /// The playbooks to list when Casebook starts: each file's `id` and `title` read from its header
  /// lines where they are written plainly (no YAML parsing), else by loading the file. A playbook
  /// listed this way may still have errors: they are reported when it is loaded to run.
  public func listing() -> [Entry] {
    folders.reversed().flatMap { folder in
      Self.files(in: folder.path).map { path -> Entry in
        if let data = FileManager.default.contents(atPath: path), let source = String(validating: data, as: UTF8.self),
          let header = PlaybookHeaderScanner.scan(source)
        {
          return Entry(id: header.id, title: header.title, path: path, origin: folder.origin, errorCount: nil)
        }
        return entry(loading: path, origin: folder.origin)
      }.sorted { $0.id < $1.id }
    }
  }

  private func entry(loading path: String, origin: Origin) -> Entry {
    let result = PlaybookLoader.load(path: path, checks: .forRunning)
    let errors = result.diagnostics.count { $0.severity == .error }
    let fallback = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
    return Entry(id: result.playbook?.id ?? fallback, title: result.playbook?.title, path: path, origin: origin, errorCount: errors)
  }

  /// The YAML files directly in `folder`, sorted by name.
  public static func files(in folder: String) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { ($0.hasSuffix(".yaml") || $0.hasSuffix(".yml")) && !$0.hasPrefix(".") }
      .sorted().map { "\(folder)/\($0)" }
  }

  private var folders: [(path: String, origin: Origin)] {
    var result: [(String, Origin)] = []
    if let ownFolder { result.append((ownFolder, .own)) }
    if let bundledFolder { result.append((bundledFolder, .bundled)) }
    return result
  }
}

extension PlaybookCatalog {
  /// A diagnostic for each `handover:` of a loaded file that names a playbook this catalog does
  /// not have, at the name; reported whatever else is wrong in the file.
  public func missingHandovers(in result: PlaybookLoader.Result) -> [Diagnostic] {
    result.handovers.compactMap { handover in
      guard locate(handover.playbook) == nil else { return nil }
      return .missingHandover(handover.playbook, known: entries().map(\.id), at: handover.location)
    }
  }
}
