import ArgumentParser
import CasebookKit
import Foundation

extension Casebook {
  struct Next: ParsableCommand {
    static let configuration = CommandConfiguration(
      abstract: "List the open next actions across all cases, soonest due first.",
      discussion: """
        Examples:
          casebook next                    what is due, soonest first
          casebook next --client dana      one client's
          casebook next --ics > due.ics    for a calendar (VTODO per action)
          casebook done dana#1             tick one off

        A completed case's next actions come from its end step; each has an id, CASE#N, for \
        casebook done. An interrupted case is an action too: finish it; and a damaged one: repair it.
        """)

    @Flag(help: "Print JSON for programs.")
    var json = false

    @Flag(help: "Include the actions already marked done.")
    var all = false

    @Flag(help: "Print the open next actions as iCalendar (RFC 5545), for a calendar to import.")
    var ics = false

    @OptionGroup var filters: CaseFilterOptions

    /// The saved value whose date and time is a new appointment (the bundled playbooks' name).
    static let appointmentValue = "new_time"

    /// One action, with the case it belongs to.
    struct Item: Encodable {
      /// `CASE#N`, for `casebook done`; `nil` for an unfinished case.
      var id: String?
      var text: String
      var due: CivilDate?
      var done: Date?
      var `case`: String
      var client: String?
      var playbook: String
      var started: Date
    }

    func run() throws {
      let launcher = Launcher()
      var items: [Item] = []
      var appointments: [ICalendar.Event] = []
      let filter = filters.filter(timeZone: launcher.timeZone)
      for summary in launcher.store.cases() where filter.admits(summary) {
        let header = summary.header
        func item(_ id: String?, _ text: String, due: CivilDate?, done: Date?) -> Item {
          Item(
            id: id, text: text, due: due, done: done, case: summary.name, client: header.client, playbook: header.playbook,
            started: header.started)
        }
        if summary.damage != nil {
          items.append(item(nil, "Repair the case: casebook cases repair \(summary.name)", due: nil, done: nil))
          continue
        }
        switch summary.status {
        case .completed:
          guard let record = launcher.keptUpRecord(of: summary) else {
            launcher.console.error("warning: case '\(summary.name)' cannot be read; skipped")
            continue
          }
          if let time = record.values[Self.appointmentValue], let start = CivilDate.parse(time, today: .reference),
            start.minuteOfDay != nil
          {
            appointments.append(ICalendar.Event(
              id: "\(summary.name)-\(Self.appointmentValue)",
              summary: ["Appointment", header.client].compactMap { $0 }.joined(separator: ": "), start: start))
          }
          for (index, action) in record.nextActions.enumerated() where all || action.done == nil {
            items.append(item("\(summary.name)#\(index + 1)", action.text, due: action.due, done: action.done))
          }
        case .running, .interrupted:
          guard header.mode != .rehearse else { continue }
          items.append(item(nil, "Finish the case: casebook resume \(summary.name)", due: nil, done: nil))
        }
      }
      // Soonest due first; those without a due date after them; then oldest case first.
      items.sort { lhs, rhs in
        if lhs.due != rhs.due {
          guard let left = lhs.due else { return false }
          guard let right = rhs.due else { return true }
          return left < right
        }
        return (lhs.started, lhs.id ?? lhs.case) < (rhs.started, rhs.id ?? rhs.case)
      }
      if json {
        launcher.console.writeVerbatim(try JSONOutput.encode(items))
        return
      }
      if ics {
        var calendar = ICalendar()
        calendar.toDos = items.filter { $0.done == nil }.map { item in
          ICalendar.ToDo(
            id: item.id ?? item.case, summary: [item.text, item.client].compactMap { $0 }.joined(separator: " · "),
            due: item.due, description: "Casebook case \(item.case) (\(item.playbook))")
        }
        calendar.events = appointments
        launcher.console.writeVerbatim(calendar.text(stamp: launcher.clock.now()))
        return
      }
      guard !items.isEmpty else {
        launcher.console.write("Nothing to do: no open next actions.\n")
        return
      }
      let rows = items.map { item in
        // An unfinished or damaged case: what to do, without the command (the footer gives it).
        let text = item.id == nil ? String(item.text.prefix { $0 != ":" }) : (item.done == nil ? "" : "done: ") + item.text
        return [item.due?.description ?? "no date", text, item.id ?? item.case,
         item.client ?? "-"].map { TextSanitizer.clean($0) }
      }
      let layout = TableLayout(
        columns: [.init("DUE"), .init("ACTION", shortestWidth: 16), .init("ID"), .init("CLIENT", shortestWidth: 8)],
        leadColumn: 2)
      for line in layout.lines(rows, width: launcher.console.tableWidth) {
        launcher.console.writeVerbatim(line + "\n")
      }
      if items.contains(where: { $0.id != nil && $0.done == nil }) {
        launcher.console.write("Mark one done with: casebook done CASE#N\n")
      }
      if items.contains(where: { $0.id == nil && $0.text.hasPrefix("Finish") }) {
        launcher.console.write("Finish one with: casebook resume CASE\n")
      }
      if items.contains(where: { $0.id == nil && $0.text.hasPrefix("Repair") }) {
        launcher.console.write("Repair one with: casebook cases repair CASE\n")
      }
    }
  }
}
