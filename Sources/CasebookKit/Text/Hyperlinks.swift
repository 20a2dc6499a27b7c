import Foundation

/// OSC 8 hyperlinks for the paths Casebook prints (records, drafts), on terminals known to show
/// them as links; elsewhere the escape would be noise, so the path is printed as it is.
public struct Hyperlinks: Sendable {
  /// Whether paths become links.
  public let isEnabled: Bool

  /// Links on standard output when it is a terminal that ``terminalSupports(_:)``.
  public init(environment: [String: String], isTerminal: Bool) {
    isEnabled = isTerminal && Self.terminalSupports(environment)
  }

  /// Terminals that document OSC 8: iTerm2, WezTerm, VS Code, Ghostty, kitty, Windows Terminal,
  /// Konsole 21.04 and later, and VTE terminals (GNOME Terminal, Tilix) from 0.50. Inside tmux or
  /// screen, which may not pass it on, none.
  public static func terminalSupports(_ environment: [String: String]) -> Bool {
    let term = environment["TERM"] ?? ""
    if term == "dumb" || term.hasPrefix("screen") || term.hasPrefix("tmux") || environment["TMUX"] != nil { return false }
    if ["iTerm.app", "WezTerm", "vscode", "ghostty"].contains(environment["TERM_PROGRAM"] ?? "") { return true }
    if term == "xterm-kitty" || term == "xterm-ghostty" || environment["WT_SESSION"] != nil { return true }
    if let konsole = environment["KONSOLE_VERSION"].flatMap(Int.init), konsole >= 210_400 { return true }
    if let vte = environment["VTE_VERSION"].flatMap(Int.init), vte >= 5000 { return true }
    return false
  }

  /// `text` with each occurrence of `path` made a link to the file.
  public func linking(_ path: String, in text: String) -> String {
    guard isEnabled, !path.isEmpty, text.contains(path) else { return text }
    let url = URL(fileURLWithPath: path).absoluteString
    return text.replacingOccurrences(of: path, with: "\u{1B}]8;;\(url)\u{1B}\\\(path)\u{1B}]8;;\u{1B}\\")
  }
}
