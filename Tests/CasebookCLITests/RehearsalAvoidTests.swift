import Foundation
import Testing

/// The phrases to avoid of the bundled rehearsals, as people really say them.
@Suite(.serialized)
struct RehearsalAvoidTests {
  @Test func `an apology, blame dressed as a reason and a promise outside the plan are each named with their line`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let lines = ["I really apologise for this decision.", "It is because you are a difficult client.", "I promise a full refund."]
    let outcome = try casebook.run(
      ["rehearse", "end-relationship", "--seed", "8", "--client", "Dana Ruiz", "--set", "reason=Our ways of working no longer fit"],
      input: lines.map { $0 + "\n" }.joined())
    let review = try #require(outcome.stdout.components(separatedBy: "Phrases to avoid, said:").last)
    #expect(review.contains("! Apology for the decision\n      line 1: \"I really apologise for this decision.\""), "\(outcome.stdout)")
    #expect(review.contains("! Blame\n      line 2:"), "\(outcome.stdout)")
    #expect(review.contains("! A promise the plan does not hold\n      line 3:"), "\(outcome.stdout)")
  }

  @Test func `blaming a colleague by name is caught in a team-mistake rehearsal`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(
      ["rehearse", "team-mistake", "--seed", "4", "--client", "Sam Lee", "--set", "what=x"],
      input: "Honestly it was Priya in accounts who messed it up, not me.\nWe will fix it.\n")
    #expect(outcome.stdout.contains("! Blaming a colleague\n      line 1:"), "\(outcome.stdout)")
  }
}
