public import Foundation

/// When an end step's next actions are due: counted from a saved date, or from the case's first
/// day in its zone.
public enum ActionSchedule {
  /// `step`'s actions with their due dates.
  public static func actions(of step: Step, in state: CaseState, calendar: Calendar) -> [CaseRecord.NextAction] {
    let firstDay = CivilDate(state.header.started, in: calendar)
    return step.actions.map { action in
      var base: CivilDate? = firstDay
      if let from = action.from {
        if case .date(let date)? = state.values[from] { base = date } else { base = nil }
      }
      let due = action.withinDays.flatMap { days in base.map { day in
        var date = day.adding(days: days)
        date.minuteOfDay = nil
        return date
      } }
      return CaseRecord.NextAction(text: action.text, due: due)
    }
  }
}
