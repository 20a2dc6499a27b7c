import ArgumentParser
import CasebookKit
import Foundation

extension Casebook.Cases {
  struct Repair: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Repair a damaged case: keep every entry its journal still holds, and the original beside it.",
      discussion: """
        Each line of a journal is checked on its own, so the entries before and after a damaged \
        line are kept. The original is kept in the case folder as journal.log.damaged-N; nothing \
        is deleted. The records are then written again.
        """)

    @Argument(help: "The case: its id, the start of one, or its client's name.", completion: ShellCompletions.cases)
    var caseName: String

    func run() throws {
      let launcher = Launcher()
      let summary = try launcher.findCase(caseName)
      let repair: CaseStore.Repair
      do {
        repair = try launcher.store.repair(summary, timeZone: launcher.timeZone)
      } catch {
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
      let name = TextSanitizer.clean(summary.name)
      var lines = ["Repaired \(name): kept \(repair.kept) entr\(repair.kept == 1 ? "y" : "ies")."]
      for damage in repair.dropped {
        lines.append("Dropped line \(damage.line) of \(CaseJournal.fileName): \(damage.problem).")
      }
      if repair.droppedTail { lines.append("Dropped the last line, cut short by a crash.") }
      lines.append("The original is kept as \(TextSanitizer.clean(repair.original)).")
      switch repair.record {
      case .success(let record):
        lines.append("Wrote \(TextSanitizer.clean(summary.folder))/\(CaseStore.recordMarkdownName) (\(record.status.rawValue)).")
      case .failure(let error):
        launcher.console.write(lines.joined(separator: "\n") + "\n")
        launcher.console.error("\(error)")
        throw ExitCode(1)
      }
      launcher.console.write(lines.joined(separator: "\n") + "\n")
    }
  }
}
