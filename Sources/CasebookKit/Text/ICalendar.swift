public import Foundation

/// Open next actions and appointments as an iCalendar file (RFC 5545): a `VTODO` per action, with
/// `DUE` when it has a due day, and a `VEVENT` per new appointment time. Each item's `UID` comes
/// from its case and place, so importing the file again updates the items instead of doubling them.
public struct ICalendar: Sendable {
  /// Something to do.
  public struct ToDo: Sendable {
    /// Stable across runs: the case and the action's number (`CASE#N`), or the case.
    public var id: String
    public var summary: String
    public var due: CivilDate?
    public var description: String?

    /// A to-do.
    public init(id: String, summary: String, due: CivilDate?, description: String? = nil) {
      self.id = id
      self.summary = summary
      self.due = due
      self.description = description
    }
  }

  /// An appointment at a local time (floating: the calendar's own zone).
  public struct Event: Sendable {
    /// Stable across runs: the case and the value's name.
    public var id: String
    public var summary: String
    public var start: CivilDate
    /// How long it is blocked for, in minutes.
    public var minutes: Int

    /// An appointment.
    public init(id: String, summary: String, start: CivilDate, minutes: Int = 60) {
      self.id = id
      self.summary = summary
      self.start = start
      self.minutes = minutes
    }
  }

  public var toDos: [ToDo] = []
  public var events: [Event] = []

  /// An empty calendar.
  public init() {}

  /// The file's text, lines ending CRLF and folded at 75 octets; `now` is every item's `DTSTAMP`.
  public func text(stamp now: Date) -> String {
    let utc = Calendar.gregorian(in: TimeZone(secondsFromGMT: 0) ?? .gmt)
    let stampDate = CivilDate(dateAndTime: now, in: utc)
    let seconds = utc.component(.second, from: now)
    let stamp = Self.dateTime(stampDate) + seconds.zeroPadded(2) + "Z"
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Casebook//casebook next --ics//EN", "CALSCALE:GREGORIAN"]
    for toDo in toDos {
      lines += ["BEGIN:VTODO", "UID:\(Self.uid(toDo.id))", "DTSTAMP:\(stamp)", "SUMMARY:\(Self.escape(toDo.summary))"]
      if let due = toDo.due { lines.append("DUE;VALUE=DATE:\(Self.date(due))") }
      if let description = toDo.description { lines.append("DESCRIPTION:\(Self.escape(description))") }
      lines += ["STATUS:NEEDS-ACTION", "END:VTODO"]
    }
    for event in events {
      lines += [
        "BEGIN:VEVENT", "UID:\(Self.uid(event.id))", "DTSTAMP:\(stamp)", "DTSTART:\(Self.dateTime(event.start))00",
        "DURATION:PT\(event.minutes)M", "SUMMARY:\(Self.escape(event.summary))", "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return lines.map(Self.fold).joined(separator: "\r\n") + "\r\n"
  }

  static func uid(_ id: String) -> String {
    let safe = id.unicodeScalars.map { scalar in
      CharacterSet.alphanumerics.contains(scalar) && scalar.isASCII || "-_#.".unicodeScalars.contains(scalar) ? String(scalar) : "_"
    }.joined()
    return "\(safe)@casebook"
  }

  static func date(_ day: CivilDate) -> String {
    day.year.zeroPadded(4) + day.month.zeroPadded(2) + day.day.zeroPadded(2)
  }

  /// `20261126T1000`: seconds are added by the caller.
  static func dateTime(_ day: CivilDate) -> String {
    let minutes = day.minuteOfDay ?? 0
    return date(day) + "T" + (minutes / 60).zeroPadded(2) + (minutes % 60).zeroPadded(2)
  }

  /// Text as a TEXT value: backslash, semicolon, comma and line breaks escaped, other control
  /// characters left out.
  static func escape(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      default:
        if scalar.properties.generalCategory == .control || scalar.properties.generalCategory == .format
          || scalar == "\u{2028}" || scalar == "\u{2029}"
        {
          continue
        }
        out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// A content line folded at 75 octets, never inside a character.
  static func fold(_ line: String) -> String {
    var parts: [String] = []
    var current = ""
    var octets = 0
    for character in line {
      let size = String(character).utf8.count
      let limit = parts.isEmpty ? 75 : 74
      if octets + size > limit {
        parts.append(current)
        current = ""
        octets = 0
      }
      current.append(character)
      octets += size
    }
    parts.append(current)
    return parts.joined(separator: "\r\n ")
  }
}
