import Foundation

/// What a case's draft templates read: the saved values written for people, the client's name
/// whole and first, the playbook's title and the user's profile as `me`.
extension CaseEngine {
  /// The names every template may use besides the saved ones.
  static let draftNames = ["client", "client_first", "title", "today", "me"]

  /// The user's profile as the case began.
  var profile: Profile { Profile(stored: state.header.profile ?? [:]) }

  /// Writes the case's values in the draft's language (the translation's, else the profile's) and
  /// the case's zone.
  var valueWriter: ValueWriter {
    ValueWriter(
      language: state.header.language ?? profile[.language], timeZone: calendar.timeZone,
      year: calendar.component(.year, from: state.header.started))
  }

  /// The values for filling this case's drafts at `now` (`today` is its day).
  func draftValues(at now: Date) -> [String: Any] {
    let writer = valueWriter
    let forPeople = state.header.valuesForPeople == true
    var values: [String: Any] = state.values.mapValues { value -> Any in
      forPeople ? DraftValue(value: value, writer: writer) : value.description
    }
    // A skipped answer's empty text reads as no value, so that its sections stay closed.
    for (name, value) in state.values where value == .text("") { values[name] = nil }
    let client = TextSanitizer.singleLine(state.header.client ?? "")
    values["client"] = client
    values["client_first"] = client.split(separator: " ").first.map(String.init) ?? client
    values["title"] = playbook.title
    values["today"] = DraftValue(value: .date(CivilDate(state.timerTime(now), in: calendar)), writer: writer)
    values["me"] = profile.templateValues
    return values
  }
}
