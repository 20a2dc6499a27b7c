import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Done: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Mark a next action done, as casebook next lists it (CASE#N).",
      discussion: """
        Examples:
          casebook done 2026-11-24-no-show-dana#1   by the id casebook next shows
          casebook done dana#1                      the case part shortens like any case name
          casebook done dana#1 --undo               open it again

        The case's journal keeps when it was done, and its record shows it ticked.
        """)

    @Argument(
      help: "The action's id from casebook next (2026-11-24-no-show-dana#1, or shortened: dana#1).",
      completion: ShellCompletions.actions)
    var action: String

    @Flag(help: "Open the action again.")
    var undo = false

    func run() throws {
      let launcher = Launcher()
      guard let hash = action.lastIndex(of: "#"), let number = Int(action[action.index(after: hash)...]), number > 0 else {
        throw ValidationError("an action is named CASE#N, as casebook next lists it; got '\(action)'")
      }
      let summary = try launcher.findCase(String(action[..<hash]))
      do {
        let (marked, changed) = try launcher.store.markAction(
          number, of: summary, done: !undo, at: launcher.clock.now(), timeZone: launcher.timeZone)
        let text = TextSanitizer.clean(marked.text)
        switch (undo, changed) {
        case (false, true): launcher.console.write("Done: \(text)\n")
        case (false, false): launcher.console.write("Already done: \(text)\n")
        case (true, true): launcher.console.write("Open again: \(text)\n")
        case (true, false): launcher.console.write("Not marked done: \(text)\n")
        }
      } catch {
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
    }
  }
}
