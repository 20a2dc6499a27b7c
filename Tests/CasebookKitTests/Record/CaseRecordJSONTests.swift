import CasebookKit
import Foundation
import Testing

@Suite struct CaseRecordJSONTests {
  /// A record.json as the string-typed record wrote it: a next action with and without a due date,
  /// a step of each kind and every history event.
  static let written = """
    {
      "client" : "Kim",
      "drafts" : [

      ],
      "finished" : "2026-11-24T09:05:00Z",
      "format" : 1,
      "history" : [
        {
          "at" : "2026-11-24T09:01:00Z",
          "event" : "answered",
          "step" : "reached",
          "text" : "no"
        },
        {
          "at" : "2026-11-24T09:01:30Z",
          "event" : "answered-from-history",
          "step" : "pattern",
          "text" : "no"
        },
        {
          "at" : "2026-11-24T09:01:00Z",
          "event" : "undone",
          "step" : "reached"
        },
        {
          "at" : "2026-11-24T09:01:00Z",
          "event" : "noted",
          "text" : "called twice"
        },
        {
          "at" : "2026-11-24T09:02:00Z",
          "event" : "left",
          "text" : "quit"
        },
        {
          "at" : "2026-11-24T09:03:00Z",
          "event" : "resumed"
        },
        {
          "at" : "2026-11-24T09:03:00Z",
          "event" : "attempted",
          "step" : "reached",
          "text" : "yes"
        },
        {
          "at" : "2026-11-24T09:03:00Z",
          "event" : "said",
          "text" : "I can come on Friday"
        },
        {
          "at" : "2026-11-24T09:04:00Z",
          "event" : "expired",
          "step" : "reached",
          "text" : "wait_limit"
        },
        {
          "at" : "2026-11-24T09:04:00Z",
          "event" : "skipped",
          "text" : "wait_limit"
        },
        {
          "at" : "2026-11-24T09:05:00Z",
          "event" : "finished",
          "step" : "done"
        },
        {
          "at" : "2026-11-25T08:30:00Z",
          "event" : "action-done",
          "text" : "Send the written confirmation"
        },
        {
          "at" : "2026-11-25T08:31:00Z",
          "event" : "action-reopened",
          "text" : "Send the written confirmation"
        },
        {
          "at" : "2026-11-26T10:00:00Z",
          "event" : "client-renamed",
          "text" : "Kim"
        }
      ],
      "mode" : "live",
      "nextActions" : [
        {
          "due" : "2026-11-25",
          "text" : "Send the written confirmation"
        },
        {
          "done" : "2026-11-25T08:30:00Z",
          "due" : "2026-12-05",
          "text" : "Check they came"
        },
        {
          "text" : "Review the no-show policy"
        }
      ],
      "notes" : [

      ],
      "outcome" : {
        "step" : "done",
        "text" : "Rebooked."
      },
      "playbook" : "rebook",
      "playbookHash" : "b1fac508d0422d82",
      "started" : "2026-11-24T09:00:00Z",
      "status" : "completed",
      "steps" : [
        {
          "at" : "2026-11-24T09:00:00Z",
          "id" : "reach-out",
          "kind" : "say",
          "text" : "Call them."
        },
        {
          "answer" : "yes",
          "at" : "2026-11-24T09:03:00Z",
          "id" : "reached",
          "kind" : "ask",
          "text" : "Did you reach them?"
        },
        {
          "at" : "2026-11-24T09:03:00Z",
          "id" : "route",
          "kind" : "branch",
          "text" : "when reached == yes"
        },
        {
          "at" : "2026-11-24T09:04:00Z",
          "id" : "gone",
          "kind" : "unknown",
          "text" : "A step the playbook no longer has."
        },
        {
          "at" : "2026-11-24T09:05:00Z",
          "id" : "done",
          "kind" : "end",
          "text" : "Rebooked."
        }
      ],
      "timers" : {

      },
      "title" : "Rebook",
      "transcript" : [

      ],
      "values" : {
        "reached" : "yes"
      }
    }

    """

  @Test func `a record read back from record.json is written again byte for byte`() throws {
    let record = try CaseRecord.decode(Data(Self.written.utf8))
    #expect(String(decoding: try record.jsonData(), as: UTF8.self) == Self.written)
  }

  @Test func `record.json's kinds, events and due dates are read as typed values`() throws {
    let record = try CaseRecord.decode(Data(Self.written.utf8))
    #expect(record.steps.map(\.kind) == [.say, .ask, .branch, .unknown, .end])
    #expect(
      record.history.map(\.event) == [
        .answered, .answeredFromHistory, .undone, .noted, .left, .resumed, .attempted, .said, .expired, .skipped,
        .finished, .actionDone, .actionReopened, .clientRenamed,
      ])
    #expect(
      record.nextActions.map(\.due) == [
        CivilDate(year: 2026, month: 11, day: 25), CivilDate(year: 2026, month: 12, day: 5), nil,
      ])
  }

  @Test func `every history event and step kind is one record.json already has`() {
    #expect(Set(HistoryEvent.allCases.map(\.rawValue)) == Set(Self.words(after: "\"event\" : \"")))
    #expect(Set(StepKind.allCases.map(\.rawValue)) == Set(Self.words(after: "\"kind\" : \"")))
  }

  @Test(arguments: ["today", "2026-11-25T14:30", "2026-11-31", "25/11/2026", "2026-11-25 9:05"])
  func `a due date that is not written as the record writes it is not read`(text: String) {
    let json = Data("[\"\(text)\"]".utf8)
    #expect(throws: DecodingError.self) { try JSONDecoder().decode([CivilDate].self, from: json) }
  }

  @Test func `a date with a time is read back with its time`() throws {
    let json = Data(#"["2026-11-25 14:30","2026-11-25"]"#.utf8)
    let dates = try JSONDecoder().decode([CivilDate].self, from: json)
    #expect(
      dates == [
        CivilDate(year: 2026, month: 11, day: 25, minuteOfDay: 870),
        CivilDate(year: 2026, month: 11, day: 25),
      ])
    #expect(
      String(decoding: try JSONEncoder().encode(dates), as: UTF8.self)
        == #"["2026-11-25 14:30","2026-11-25"]"#)
  }

  /// The quoted words following each `prefix` in ``written``.
  static func words(after prefix: String) -> [String] {
    written.components(separatedBy: prefix).dropFirst().compactMap {
      $0.split(separator: "\"").first.map(String.init)
    }
  }
}
