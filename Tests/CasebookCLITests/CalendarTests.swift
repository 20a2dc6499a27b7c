import Foundation
import Testing

/// `casebook next --ics`, read back by a maintained iCalendar parser (Python's `icalendar`).
@Suite struct CalendarTests {
  /// What Python's `icalendar` reads from `text`: one line per item, `KIND|UID|DUE or DTSTART|SUMMARY`.
  func parsed(_ text: String) throws -> [String] {
    let script = """
      import sys, icalendar
      cal = icalendar.Calendar.from_ical(sys.stdin.buffer.read())
      for item in cal.walk():
          if item.name == "VTODO":
              due = item.get("DUE")
              print("VTODO|%s|%s|%s" % (item["UID"], due.dt.isoformat() if due else "-", item["SUMMARY"]))
          elif item.name == "VEVENT":
              print("VEVENT|%s|%s|%s" % (item["UID"], item["DTSTART"].dt.isoformat(), item["SUMMARY"]))
      """
    let read = try ProgramRun("/usr/bin/env", ["python3", "-c", script], input: text)
    #expect(read.status == 0, "\(read.stderr)")
    return read.stdout.split(separator: "\n").map(String.init)
  }

  @Test func `next --ics parses, with one to-do per open action and its due day, and the new appointment`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Kim; Lee, \"K\""], input: "2026-12-05 10:30\n")
    let first = try casebook.run(["next", "--ics"])
    #expect(first.status == 0)
    #expect(first.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
    #expect(first.stdout.utf8.split(separator: 10).allSatisfy { $0.count <= 76 })
    let items = try parsed(first.stdout)
    let id = "2026-11-24-rebook-kim-lee-k"
    #expect(items == [
      "VTODO|\(id)#1@casebook|2026-11-25|Send the written confirmation · Kim; Lee, \"K\"",
      "VTODO|\(id)#2@casebook|2026-12-05|Check they came · Kim; Lee, \"K\"",
      "VTODO|\(id)#3@casebook|-|Review the no-show policy · Kim; Lee, \"K\"",
      "VEVENT|\(id)-new_time@casebook|2026-12-05T10:30:00|Appointment: Kim; Lee, \"K\"",
    ])
    // A later export names the same items: a calendar updates them instead of adding more.
    _ = try casebook.run(["done", "\(id)#1"])
    let second = try parsed(try casebook.run(["next", "--ics"], fakeNow: "2026-11-25T09:00:00Z").stdout)
    #expect(second == Array(items.dropFirst()))
  }
}
