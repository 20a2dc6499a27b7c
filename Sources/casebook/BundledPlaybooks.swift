import Foundation

/// Finds the playbooks that ship with Casebook, from any working directory.
enum BundledPlaybooks {
  /// `$CASEBOOK_PLAYBOOKS`; else a `playbooks` folder beside or above the executable (the source
  /// tree for a `swift build` binary), or `share/casebook/playbooks` of an installed prefix; else the
  /// source tree this binary was built from.
  static func folder(environment: [String: String]) -> String? {
    if let explicit = environment["CASEBOOK_PLAYBOOKS"], !explicit.isEmpty { return explicit }
    var directory = (executablePath() as NSString).deletingLastPathComponent
    for _ in 0..<8 where !directory.isEmpty && directory != "/" {
      for candidate in ["\(directory)/playbooks", "\(directory)/share/casebook/playbooks"]
      where FileManager.default.fileExists(atPath: "\(candidate)/no-show.yaml") {
        return candidate
      }
      directory = (directory as NSString).deletingLastPathComponent
    }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("playbooks").path
    return FileManager.default.fileExists(atPath: source) ? source : nil
  }

  private static func executablePath() -> String {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
  }
}
