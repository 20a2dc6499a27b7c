import CasebookKit
import Foundation
import Testing

/// The profile from outside: `casebook profile set/show/unset`, its refusals, and the drafts a
/// filled profile gives a whole no-show case (piped, compared with golden files).
@Suite struct ProfileTranscriptTests {
  static let signature = "Ana Costa\\nCosta Physio · +44 20 7946 0000"

  func fillProfile(_ casebook: CasebookProcess) throws {
    for (key, value) in [
      ("name", "Ana Costa"), ("business", "Costa Physio"), ("signature", Self.signature),
      ("booking_link", "https://costa.example/book"),
      ("no_show_policy", "Appointments missed without 24 hours' notice are charged in full."),
    ] {
      let set = try casebook.run(["profile", "set", key, value])
      #expect(set.status == 0, "\(key): \(set.stderr)")
    }
  }

  @Test func `profile set refuses an unknown key and bad values, with the reason, and show lists the fields`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let unknown = try casebook.run(["profile", "set", "emial", "ana@costa.example"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr == "casebook: 'emial' is not a profile field; did you mean 'email'?\n")
    let email = try casebook.run(["profile", "set", "email", "ana.costa.example"])
    #expect(email.status == 1)
    #expect(email.stderr.contains("an email address looks like name@example.com"))
    let link = try casebook.run(["profile", "set", "booking_link", "costa.example/book"])
    #expect(link.status == 1)
    #expect(link.stderr.contains("starts with https://"))
    let zone = try casebook.run(["profile", "set", "time_zone", "Europe/Atlantis"])
    #expect(zone.status == 1)
    #expect(zone.stderr.contains("is not a time zone"))
    try fillProfile(casebook)
    let path = casebook.home + "/config/profile.yaml"
    let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
    #expect(mode == 0o600)
    let json = try casebook.run(["profile", "show", "--json"])
    let fields = try #require(JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
    #expect(fields["signature"] as? String == "Ana Costa\nCosta Physio · +44 20 7946 0000")
    #expect(fields["email"] is NSNull)
    #expect(Set(fields.keys) == Set(Profile.Key.allCases.map(\.rawValue)))
    #expect(try casebook.run(["profile", "unset", "name"]).status == 0)
    let after = try casebook.run(["profile", "show", "--json"])
    #expect(after.stdout.contains("\"name\" : null"))
  }

  @Test func `a no-show follow-up greets by first name, names the appointment, the wait and the day, and is signed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try fillProfile(casebook)
    let first = try casebook.run(
      ["run", "no-show", "--client", "Dana Ruiz"],
      input: "today 10:00\n\nvideo\nhttps://meet.example/dana\nno\nyes\n15m\n", fakeNow: "2026-11-24T10:05:00Z")
    #expect(first.status == 3)
    let second = try casebook.run(["resume"], input: "not-yet\nnot-yet\nno\n", fakeNow: "2026-11-24T10:25:00Z")
    #expect(second.status == 0)
    let transcript = first.stdout + second.stdout
    assertGolden(transcript, named: "no-show-profile.transcript")
    #expect(transcript.contains("Hi Dana,\n\nWe had our 10:00 video call booked for today, Tuesday 24 November"))
    #expect(transcript.contains("I waited 15\nminutes"))
    #expect(transcript.contains("or reply with two or three times that suit you and I'll confirm one.\n\nAna Costa\nCosta Physio · +44 20 7946 0000\n--- end of draft ---"))
    #expect(!transcript.contains("Are you on your way?"))
    assertGolden(casebook.read("2026-11-24-no-show-dana-ruiz", "record.md"), named: "no-show-profile.record.md")
  }
}
