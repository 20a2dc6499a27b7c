import ArgumentParser
import CasebookKit
import Foundation

/// What the shells' completion scripts offer for Casebook's arguments, computed by the installed
/// binary when Tab is pressed (the argument parser's `---completion` call). Read-only: completing
/// never writes a case or settles a half-created one.
enum ShellCompletions {
  /// Playbook ids, the bundled ones and the user's own; a word that looks like a path completes
  /// to the YAML files and folders it names.
  static let playbooks = CompletionKind.custom { _, _, prefix in
    if prefix.contains("/") || prefix.hasPrefix(".") || prefix.hasPrefix("~") { return paths(prefix) }
    let ids = Launcher.forReading().catalog.entries().map(\.id)
    return ids.filter { $0.hasPrefix(prefix) }
  }

  /// Case ids and the clients' names, which find a case just as well.
  static let cases = CompletionKind.custom { _, _, prefix in
    caseWords().filter { CaseLookup.matchKey($0).hasPrefix(CaseLookup.matchKey(prefix)) }
  }

  /// `CASE#N` action ids, for the cases that have open actions: the case part completes to a case
  /// id and `#` (a client's name or a word of it, as `done` takes it, completes to itself and `#`),
  /// then the numbers of the actions its record lists as not done.
  static let actions = CompletionKind.custom { _, _, prefix in
    let store = Launcher.forReading().store
    let summaries = caseNames(in: store).compactMap(store.summary(named:))
    func openActions(_ summary: CaseStore.Summary) -> [Int] {
      guard let data = FileManager.default.contents(atPath: "\(summary.folder)/\(CaseStore.recordJSONName)"),
        let record = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let actions = record["nextActions"] as? [[String: Any]]
      else { return [] }
      return actions.indices.filter { actions[$0]["done"] == nil }.map { $0 + 1 }
    }
    guard let hash = prefix.firstIndex(of: "#") else {
      var words = summaries.filter { $0.name.hasPrefix(prefix) && !openActions($0).isEmpty }.map { $0.name + "#" }
      if words.isEmpty, case .found(let summary) = CaseLookup.match(prefix, among: summaries), !openActions(summary).isEmpty {
        words = [prefix + "#"]
      }
      return words
    }
    let typed = String(prefix[..<hash])
    guard case .found(let summary) = CaseLookup.match(typed, among: summaries) else { return [] }
    return openActions(summary).map { "\(typed)#\($0)" }.filter { $0.hasPrefix(prefix) }
  }

  /// The names of the clients of the cases kept, for `--client`.
  static let clients = CompletionKind.custom { _, _, prefix in
    let store = Launcher.forReading().store
    return clientNames(in: store).filter { CaseLookup.matchKey($0).hasPrefix(CaseLookup.matchKey(prefix)) }
  }

  private static func caseWords() -> [String] {
    let store = Launcher.forReading().store
    return caseNames(in: store) + clientNames(in: store)
  }

  /// Each client's name once (as first written), most recent case first.
  private static func clientNames(in store: CaseStore) -> [String] {
    var clients: [String] = []
    var seen: Set<String> = []
    for name in caseNames(in: store) {
      guard let client = store.summary(named: name)?.header.client.map(TextSanitizer.singleLine), !client.isEmpty
      else { continue }
      if seen.insert(CaseLookup.matchKey(client)).inserted { clients.append(client) }
    }
    return clients
  }

  /// The case folders' names, newest first by name (ids begin with the date).
  private static func caseNames(in store: CaseStore) -> [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: store.casesFolder)) ?? []
    return names.filter { !$0.hasPrefix(".") }.sorted(by: >)
  }

  private static func paths(_ prefix: String) -> [String] {
    let expanded = prefix.hasPrefix("~") ? NSString(string: prefix).expandingTildeInPath : prefix
    let folder = expanded.hasSuffix("/") ? expanded : (expanded as NSString).deletingLastPathComponent
    let start = expanded.hasSuffix("/") ? "" : (expanded as NSString).lastPathComponent
    let listed = (try? FileManager.default.contentsOfDirectory(atPath: folder.isEmpty ? "." : folder)) ?? []
    let typedFolder = prefix.hasSuffix("/") ? prefix : String(prefix.dropLast(start.count))
    return listed.filter { $0.hasPrefix(start) && !$0.hasPrefix(".") }.sorted().compactMap { entry in
      var isFolder: ObjCBool = false
      _ = FileManager.default.fileExists(atPath: (folder.isEmpty ? "." : folder) + "/" + entry, isDirectory: &isFolder)
      if isFolder.boolValue { return typedFolder + entry + "/" }
      return entry.hasSuffix(".yaml") || entry.hasSuffix(".yml") ? typedFolder + entry : nil
    }
  }
}
