import Foundation

/// Where the line-editing history is kept: state, not data, so under `$XDG_STATE_HOME`.
///
/// `$CASEBOOK_HOME/history` when `CASEBOOK_HOME` is set (that folder then holds everything), else
/// `$XDG_STATE_HOME/casebook/history`, else `~/.local/state/casebook/history`. A history left in
/// the data folder by an earlier version is moved there once, on first use.
public enum HistoryFile {
  /// The history file's path for this environment.
  public static func path(environment: [String: String]) -> String {
    if let home = environment["CASEBOOK_HOME"], !home.isEmpty { return home + "/history" }
    return stateFolder(environment: environment) + "/history"
  }

  /// Makes the history's folder (0700) and moves an earlier version's history from `dataHome`
  /// into it; returns the path to read and append, or `nil` when the folder cannot be made.
  public static func prepare(environment: [String: String], dataHome: String) -> String? {
    let path = path(environment: environment)
    let folder = (path as NSString).deletingLastPathComponent
    do {
      try POSIX.makeDirectories(folder, trusting: folder)
    } catch {
      return nil
    }
    let earlier = dataHome + "/history"
    if earlier != path, access(path, F_OK) != 0, access(earlier, F_OK) == 0 {
      if rename(earlier, path) != 0, let bytes = try? POSIX.readFile(earlier),
        FileManager.default.createFile(atPath: path, contents: Data(bytes), attributes: [.posixPermissions: 0o600])
      {
        unlink(earlier)
      }
    }
    return path
  }

  private static func stateFolder(environment: [String: String]) -> String {
    if let state = environment["XDG_STATE_HOME"], state.hasPrefix("/") { return state + "/casebook" }
    let user = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
    return user + "/.local/state/casebook"
  }
}
