public import Foundation
import Yams

/// Loads a playbook file in three phases (syntax, shape, meaning) and reports every problem found.
public enum PlaybookLoader {
  /// The largest playbook file accepted, in bytes.
  public static let maximumFileSize = 16 * 1024 * 1024

  /// The largest part file accepted, in bytes.
  public static let maximumPartSize = 1024 * 1024

  /// The most YAML nodes a playbook may expand to, aliases included.
  public static let maximumNodeCount = 2_000_000

  /// How much a load checks.
  public enum Checks: Sendable {
    /// Everything, as `casebook check` reports it.
    case all
    /// What running a case needs: the practice scenarios are not walked and the saved-names flow
    /// analysis (warnings only) does not run; `casebook check`, `test` and `practice` do both.
    case forRunning
  }

  /// A `handover:` as written: the playbook it names and where.
  public struct Handover: Sendable {
    /// The playbook id handed over to.
    public var playbook: String
    /// Where the id is written.
    public var location: SourceLocation
  }

  /// The outcome of loading one file.
  public struct Result: Sendable {
    /// The playbook, when it has no errors.
    public var playbook: Playbook?
    /// Every problem found, sorted by position.
    public var diagnostics: [Diagnostic]
    /// The file's text, for showing source lines under diagnostics.
    public var source: String
    /// The text of the file and of every file it includes, by path.
    public var sources: [String: String] = [:]
    /// Every valid `handover:` read, also when the file has errors, for checking against the
    /// catalog (`PlaybookCatalog.missingHandovers(in:)`).
    public var handovers: [Handover] = []

    /// Whether any diagnostic is an error.
    public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
  }

  /// Reads and checks the playbook at `path`.
  ///
  /// - Parameters:
  ///   - path: The file, as the user named it; diagnostics carry this name.
  ///   - checks: How much to check.
  /// - Returns: The playbook if it has no errors, and every diagnostic.
  public static func load(path: String, checks: Checks = .all) -> Result {
    let top = SourceLocation(file: path, line: 1, column: 1)
    let refused = { (diagnostic: Diagnostic) in Result(playbook: nil, diagnostics: [diagnostic], source: "") }
    switch PlaybookFile.contents(of: path, limit: maximumFileSize) {
    case .success(let bytes): return load(data: Data(bytes), file: path, checks: checks)
    case .failure(.unreadable(let reason)): return refused(.unreadableFile(reason, at: top))
    case .failure(.notRegular(let kind)):
      return refused(.unreadableFile("\(quoted(path)) is \(kind), not a playbook file", at: top))
    case .failure(.tooLarge(let bytes)): return refused(.fileTooLarge(bytes: bytes, limit: maximumFileSize, at: top))
    }
  }

  /// Checks a playbook held in memory.
  ///
  /// - Parameters:
  ///   - data: The file's bytes.
  ///   - file: The name to use in diagnostics.
  ///   - checks: How much to check.
  /// - Returns: The playbook if it has no errors, and every diagnostic.
  public static func load(data: Data, file: String, checks: Checks = .all) -> Result {
    let top = SourceLocation(file: file, line: 1, column: 1)
    guard data.count <= maximumFileSize else {
      return Result(playbook: nil, diagnostics: [.fileTooLarge(bytes: data.count, limit: maximumFileSize, at: top)], source: "")
    }
    guard let source = String(validating: data, as: UTF8.self) else {
      let (offset, location) = firstInvalidUTF8(in: data, file: file)
      return Result(playbook: nil, diagnostics: [.notUTF8(offset: offset, at: location)], source: "")
    }
    let failure = { (diagnostic: Diagnostic) in
      Result(playbook: nil, diagnostics: [diagnostic], source: source, sources: [file: source])
    }
    if source.allSatisfy({ $0.isWhitespace }) { return failure(.emptyFile(at: top)) }

    let document: Node
    do {
      // The basic resolver: every scalar is read as text, and no regular expression runs per scalar.
      guard let composed = try Yams.compose(yaml: source, .basic) else { return failure(.emptyFile(at: top)) }
      document = composed
    } catch let error as YamlError {
      return failure(YAMLErrorExplainer(file: file, source: source).diagnostic(for: error))
    } catch {
      return failure(.yamlSyntax(String(describing: error), at: top))
    }
    // Only aliases (`*name`) can make a document expand beyond its size: without one, no walk is needed.
    if source.utf8.contains(UInt8(ascii: "*")), let problem = NodeBudget.problem(in: document, limit: maximumNodeCount, at: top) {
      return failure(problem)
    }

    let folder = (file as NSString).deletingLastPathComponent
    let playbookFolder = PlaybookFile.resolved(folder.isEmpty ? "." : folder)
    var reader = NodeReader(file: file, identity: PlaybookFile.resolved(file))
    reader.includeReader = { written, path, at in Self.readPart(written, path: path, inside: playbookFolder, at: at) }
    var playbook = reader.readPlaybook(document, contentHash: ContentHash.hex(of: data))
    var diagnostics = reader.diagnostics
    if let read = playbook {
      let (resolved, conditionDiagnostics) = ConditionChecker.resolve(read, unreadNames: reader.unread.savedNames)
      playbook = resolved
      diagnostics += conditionDiagnostics
    }
    if let playbook {
      let startNode = document.mapping?["start"]
      let startLocation = startNode.map(reader.location(of:)) ?? top
      diagnostics += PlaybookChecker.check(
        playbook, startLocation: startLocation, unread: reader.unread)
    }
    if let playbook, checks == .all, !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics += ScenarioChecker.check(playbook)
      diagnostics += SavedNamesAnalysis.check(playbook)
    }
    diagnostics = Self.unsilenced(diagnostics, sources: reader.includedSources.merging([file: source]) { _, own in own })
    diagnostics.sort()
    let hasErrors = diagnostics.contains { $0.severity == .error }
    var result = Result(playbook: hasErrors ? nil : playbook, diagnostics: diagnostics, source: source)
    result.sources = reader.includedSources.merging([file: source]) { _, own in own }
    result.handovers = reader.handovers
    return result
  }

  /// The diagnostics minus the warnings silenced by a comment on their line or the line above:
  /// `# casebook: ignore CODE`.
  static func unsilenced(_ diagnostics: [Diagnostic], sources: [String: String]) -> [Diagnostic] {
    guard diagnostics.contains(where: { $0.severity == .warning }) else { return diagnostics }
    var lines: [String: [Substring]] = [:]
    return diagnostics.filter { diagnostic in
      guard diagnostic.severity == .warning, let source = sources[diagnostic.location.file] else { return true }
      if lines[diagnostic.location.file] == nil {
        lines[diagnostic.location.file] = source.split(separator: "\n", omittingEmptySubsequences: false)
      }
      let fileLines = lines[diagnostic.location.file] ?? []
      let marker = "casebook: ignore \(diagnostic.code.rawValue)"
      for number in [diagnostic.location.line, diagnostic.location.line - 1] where fileLines.indices.contains(number - 1) {
        let line = fileLines[number - 1]
        if let hash = line.firstIndex(of: "#"), line[hash...].contains(marker) { return false }
      }
      return true
    }
  }

  /// Reads and composes an included part file, which must be a regular file of at most
  /// ``maximumPartSize`` bytes inside `root` (the playbook's folder, resolved) once every link is
  /// followed. Nothing is read from a file refused, so no diagnostic can quote it.
  static func readPart(
    _ written: String, path: String, inside root: String?, at location: SourceLocation
  ) -> Swift.Result<NodeReader.IncludedPart, Diagnostic> {
    let top = SourceLocation(file: path, line: 1, column: 1)
    let prefix = root.map { $0.hasSuffix("/") ? $0 : $0 + "/" }
    func isInside(_ resolved: String) -> Bool { prefix.map { resolved.hasPrefix($0) || resolved + "/" == $0 } ?? false }
    guard let resolved = PlaybookFile.resolved(path) else {
      // A missing file outside the folder is refused as outside, or a playbook could learn which
      // files exist there: the nearest folder above it that exists is resolved, the rest added.
      var existing = path
      var rest: [String] = []
      while PlaybookFile.resolved(existing) == nil, existing != "/", !existing.isEmpty {
        rest.insert((existing as NSString).lastPathComponent, at: 0)
        existing = (existing as NSString).deletingLastPathComponent
      }
      if let base = PlaybookFile.resolved(existing),
        !isInside(((([base] + rest).joined(separator: "/")) as NSString).standardizingPath)
      {
        return .failure(.includeOutside(written, at: location))
      }
      let folder = (path as NSString).deletingLastPathComponent
      let known = PlaybookFile.resolved(folder).map(isInside) == true
        ? PlaybookCatalog.files(in: folder).map { ($0 as NSString).lastPathComponent } : []
      return .failure(.missingInclude((path as NSString).lastPathComponent, known: known, at: location))
    }
    guard isInside(resolved), resolved + "/" != prefix else { return .failure(.includeOutside(written, at: location)) }
    let bytes: [UInt8]
    switch PlaybookFile.contents(of: resolved, limit: maximumPartSize, followingLinks: false) {
    case .success(let read): bytes = read
    case .failure(.unreadable):
      return .failure(.missingInclude((path as NSString).lastPathComponent, known: [], at: location))
    case .failure(.notRegular(let kind)): return .failure(.badInclude(written, "is \(kind), not a part file", at: location))
    case .failure(.tooLarge(let size)):
      return .failure(.badInclude(written, "is \(size) bytes; a part is limited to \(maximumPartSize) bytes", at: location))
    }
    guard let source = String(validating: bytes, as: UTF8.self) else {
      return .failure(.unreadableFile("\(quoted(written)) is not UTF-8", at: location))
    }
    do {
      guard let root = try Yams.compose(yaml: source, .basic) else { return .failure(.emptyFile(at: top)) }
      if let problem = NodeBudget.problem(in: root, limit: maximumNodeCount, at: top) { return .failure(problem) }
      return .success(NodeReader.IncludedPart(root: root, source: source, identity: resolved))
    } catch let error as YamlError {
      return .failure(YAMLErrorExplainer(file: path, source: source).diagnostic(for: error))
    } catch {
      return .failure(.yamlSyntax(String(describing: error), at: top))
    }
  }

  private static func firstInvalidUTF8(in data: Data, file: String) -> (Int, SourceLocation) {
    var decoder = UTF8()
    var iterator = data.makeIterator()
    var offset = 0
    var line = 1
    var column = 1
    decoding: while true {
      switch decoder.decode(&iterator) {
      case .scalarValue(let scalar):
        offset += UTF8.width(scalar)
        if scalar == "\n" {
          line += 1
          column = 1
        } else {
          column += 1
        }
      case .emptyInput, .error:
        break decoding
      }
    }
    return (offset, SourceLocation(file: file, line: line, column: column))
  }
}
