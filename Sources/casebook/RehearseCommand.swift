import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Rehearse: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "Rehearse a hard conversation: the plan, the talking points, then Casebook plays the client.",
      discussion: """
        First the conversation plan: the answers the playbook's rehearsal prepares (for ending a \
        relationship, the reason and the contract wording to cite), taken from an earlier case of \
        the same playbook for the same client, from --from or --set, or asked. Every line you type \
        is kept in the case record with the client line it answered.
        """)

    @Argument(help: "A playbook with rehearsal material, such as end-relationship.", completion: ShellCompletions.playbooks)
    var playbook: String

    @Option(help: "The client's name, for the record; the plan is taken from this client's latest case of the playbook.")
    var client: String?

    @Option(help: "Take the plan's answers from this case (its id, the start of one, or its client's name).")
    var from: String?

    @Option(name: .customLong("set"), help: "A plan answer known already, as NAME=VALUE (repeatable).")
    var values: [String] = []

    @Option(help: "Makes the order of the client's replies repeatable.")
    var seed: UInt64?

    @Option(help: "How many client lines to answer (at most the playbook's replies and reactions; 6 by default, or all there are).")
    var turns: Int?

    @Option(help: "The client's persona: calm, angry, bargaining, silent or worried (the seed picks one by default).")
    var persona: String?

    func run() throws {
      let given = try Casebook.assignments(values)
      let launcher = Launcher()
      guard let loaded = launcher.loadPlaybook(playbook) else { throw ExitCode(1) }
      guard let material = loaded.playbook.rehearsal, !material.replies.isEmpty else {
        launcher.console.error("playbook '\(loaded.playbook.id)' has no rehearsal material (a 'rehearsal' section with replies)")
        throw ExitCode(1)
      }
      let available = material.availableTurns
      if let turns, !(1...available).contains(turns) {
        let lines = available == 1 ? "1 client line" : "\(available) client lines"
        launcher.console.error("--turns \(turns): this rehearsal has \(lines) (its replies and reactions); give a number from 1 to \(available)")
        throw ExitCode(1)
      }
      var chosenPersona: ClientPersona?
      if let persona {
        guard let found = ClientPersona(rawValue: persona) else {
          let names = ClientPersona.allCases.map(\.rawValue).joined(separator: ", ")
          launcher.console.error("no persona '\(persona)'; there are: \(names)")
          throw ExitCode(1)
        }
        chosenPersona = found
      }
      let client = clientName(given: given, launcher: launcher)
      var known: [String: String] = [:]
      let source = try earlierCase(of: loaded.playbook, client: client, launcher: launcher)
      if let source { known = source.values }
      known.merge(given) { _, new in new }
      var setup = CaseHeader.RehearsalSetup(
        seed: seed ?? UInt64(launcher.clock.now().timeIntervalSince1970 * 1000), turns: turns ?? min(6, available),
        asksPlan: launcher.console.readsTerminal, planSource: source?.name)
      setup.persona = chosenPersona
      throw ExitCode(
        launcher.startCase(
          playbook: loaded.playbook, snapshot: loaded.snapshot, client: client, mode: .rehearse, history: false,
          carrying: known.isEmpty ? nil : (from: source?.name ?? "--set", values: known), rehearsal: setup))
    }

    /// The client's name: `--client`, else `--set client=NAME`, else asked at a terminal.
    private func clientName(given: [String: String], launcher: Launcher) -> String? {
      if let client = client ?? given["client"] { return client }
      guard launcher.console.readsTerminal else { return nil }
      launcher.console.write("The client's name (Enter to leave it out): ")
      launcher.console.flush()
      let typed = readLine()?.trimmingCharacters(in: .whitespaces) ?? ""
      return typed.isEmpty ? nil : typed
    }

    /// The case whose values fill the plan: `--from`, else the client's latest case of this
    /// playbook (a rehearsal's plan too), if any.
    private func earlierCase(of playbook: Playbook, client: String?, launcher: Launcher) throws -> (name: String, values: [String: String])? {
      let summary: CaseStore.Summary
      if let from {
        summary = try launcher.findCase(from)
      } else {
        guard let client,
          let latest = launcher.store.cases().first(where: {
            $0.header.playbook == playbook.id && $0.header.client == client && $0.header.mode != .practice
          })
        else { return nil }
        summary = latest
      }
      do {
        return (summary.name, try launcher.store.record(of: summary, timeZone: launcher.timeZone).values)
      } catch {
        launcher.console.error("\(error)")
        // Named with --from, the case must be readable; found by itself, it is only a help.
        if from != nil { throw ExitCode(1) }
        launcher.console.error("warning: the plan's answers will be asked instead")
        return nil
      }
    }
  }
}
