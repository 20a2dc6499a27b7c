/// Whether to style output with colour and bold, by the conventions terminal users set once for
/// every tool: `--color` first, then `NO_COLOR`, `CLICOLOR_FORCE`, `TERM=dumb`, `CLICOLOR=0`, and
/// otherwise whether the output is a terminal.
public enum ColorPolicy {
  /// What `--color` asks for.
  public enum Choice: String, CaseIterable, Sendable {
    case auto, always, never
  }

  /// The variable that carries `--color` from the command line to every part of the program.
  public static let variable = "CASEBOOK_COLOR"

  /// Whether output going to a terminal (`isTerminal`) or elsewhere gets styles.
  public static func usesColor(environment: [String: String], isTerminal: Bool) -> Bool {
    switch environment[variable].flatMap(Choice.init(rawValue:)) ?? .auto {
    case .always: return true
    case .never: return false
    case .auto: break
    }
    if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
    if let force = environment["CLICOLOR_FORCE"], !force.isEmpty, force != "0" { return true }
    if environment["TERM"] == "dumb" { return false }
    if environment["CLICOLOR"] == "0" { return false }
    return isTerminal
  }
}
