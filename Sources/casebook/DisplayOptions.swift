import ArgumentParser
import CasebookKit
import Foundation

/// The options every command takes, wherever they stand before a `--`: `--color WHEN`,
/// `--no-pager` and `--accessible`. They are taken off the command line before the rest is read
/// (so that the quick start of `casebook run PLAYBOOK` keeps them) and passed on through the
/// environment, where the console, the pager and the countdown read them like `NO_COLOR`,
/// `ACCESSIBLE` and the rest.
enum DisplayOptions {
  /// The variable `--no-pager` sets.
  static let noPagerVariable = "CASEBOOK_NO_PAGER"

  /// Removes the display options from `arguments` and sets what they say in the environment.
  static func take(from arguments: inout [String]) throws {
    var kept: [String] = []
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      index += 1
      if argument == "--" {
        kept += arguments[(index - 1)...]
        break
      }
      if argument == "--color" || argument.hasPrefix("--color=") {
        var value = String(argument.dropFirst("--color".count))
        if value.hasPrefix("=") {
          value.removeFirst()
        } else if index < arguments.count {
          value = arguments[index]
          index += 1
        }
        guard ColorPolicy.Choice(rawValue: value) != nil else {
          let choices = ColorPolicy.Choice.allCases.map(\.rawValue).joined(separator: ", ")
          throw ValidationError("--color takes one of \(choices); got '\(value)'")
        }
        setenv(ColorPolicy.variable, value, 1)
      } else if argument == "--no-pager" {
        setenv(noPagerVariable, "1", 1)
      } else if argument == "--accessible" {
        setenv("ACCESSIBLE", "1", 1)
      } else {
        kept.append(argument)
      }
    }
    arguments = kept
  }
}

/// The display options as the help and the completion scripts show them. The values never reach
/// here (``DisplayOptions`` takes them off the command line first); this only documents them.
struct DisplayFlags: ParsableArguments {
  @Option(help: ArgumentHelp("When to use colour: auto (a terminal, unless NO_COLOR), always or never.", valueName: "when"))
  var color: String?

  @Flag(help: "Write long output (help, records) directly instead of through $PAGER.")
  var noPager = false

  @Flag(help: "No redraw each second; the wait limit is announced in plain lines (also ACCESSIBLE=1).")
  var accessible = false
}
