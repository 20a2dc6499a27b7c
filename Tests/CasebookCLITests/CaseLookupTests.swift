import Foundation
import Testing

/// Commands that take a case find it by its id, the start of one, or its client's name, through
/// the built binary.
@Suite struct CaseLookupTests {
  @Test func `cases show finds a case by its client's name and by the start of its id`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "yes\nlater\n")
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Kim"], input: "2026-12-05\n")
    let full = try casebook.run(["cases", "show", "2026-11-24-small-dana-ruiz"])
    #expect(full.status == 0, "\(full.stderr)")
    #expect(full.stdout.contains("Dana Ruiz"))
    for typed in ["dana", "DANA  ruiz", "Ruiz", "2026-11-24-sm"] {
      let shown = try casebook.run(["cases", "show", typed])
      #expect(shown.status == 0, "\(typed): \(shown.stderr)")
      #expect(shown.stdout == full.stdout, "\(typed)")
    }
    let rebuilt = try casebook.run(["cases", "rebuild", "kim"])
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    // Wrapped to 80 columns, where the temporary home is long.
    #expect(
      rebuilt.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        == "Rebuilt $CASEBOOK_HOME/cases/2026-11-24-rebook-kim/record.md (completed)")
  }

  @Test func `several matches are listed, one a line, and nothing is picked`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "yes\nlater\n")
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "")
    let expected = """
      casebook: 2 cases match 'dana'; name one of them:
        2026-11-24-small-dana-ruiz-2  Dana Ruiz  small  interrupted
        2026-11-24-small-dana-ruiz  Dana Ruiz  small  completed

      """
    for command in [["cases", "show", "dana"], ["cases", "delete", "dana", "--yes"], ["resume", "dana"]] {
      let outcome = try casebook.run(command)
      #expect(outcome.status == 1, "\(command)")
      #expect(outcome.stdout == "", "\(command)")
      #expect(outcome.stderr == expected, "\(command)")
    }
    let prefix = try casebook.run(["cases", "show", "2026-11-24-small-d"])
    #expect(prefix.status == 1)
    #expect(prefix.stderr.hasPrefix("casebook: 2 cases match '2026-11-24-small-d'; name one of them:\n"))
    #expect(casebook.caseFolders() == ["2026-11-24-small-dana-ruiz", "2026-11-24-small-dana-ruiz-2"])
    // The full id still picks the one that is also the start of the other.
    #expect(try casebook.run(["cases", "show", "2026-11-24-small-dana-ruiz"]).status == 0)
  }

  @Test func `no match says where the cases are listed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "")
    let missing = try casebook.run(["cases", "export", "lee", "--to", casebook.home + "/out"])
    #expect(missing.status == 1)
    #expect(missing.stderr == "casebook: no case named 'lee' under '$CASEBOOK_HOME/cases' (casebook cases lists them)\n")
  }

  @Test func `resume takes a client's name`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Ann"], input: "")
    let resumed = try casebook.run(["resume", "ann"], input: "yes\nlater\n")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(resumed.stdout.hasPrefix("Resuming case 2026-11-24-small-ann\n"))
    #expect(try casebook.answers("2026-11-24-small-ann") == ["yes", "later"])
  }

  @Test func `done takes a shortened case in CASE#N`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Kim"], input: "2026-12-05\n")
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Lee"], input: "2026-11-27\n")
    let done = try casebook.run(["done", "2026-11-24-rebook-l#1"])
    #expect(done.status == 0, "\(done.stderr)")
    #expect(done.stdout == "Done: Send the written confirmation\n")
    #expect(try casebook.run(["done", "kim#2"]).stdout == "Done: Check they came\n")
    let next = try casebook.run(["next"])
    #expect(!next.stdout.contains("rebook-lee#1"))
    #expect(!next.stdout.contains("rebook-kim#2"))
    #expect(next.stdout.contains("rebook-kim#1"))
    let several = try casebook.run(["done", "2026-11-24-rebook#1"])
    #expect(several.status == 1)
    #expect(several.stderr.hasPrefix("casebook: 2 cases match '2026-11-24-rebook'; name one of them:\n"))
  }

  @Test func `client names in other scripts are spelled in ASCII in the folder name and kept in the record`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    for client in ["Łucja Żółć-Wójcik", "李小龍"] {
      _ = try casebook.run(["run", fixture("small.yaml"), "--client", client], input: "yes\nlater\n")
    }
    #expect(casebook.caseFolders() == ["2026-11-24-small-li-xiao-long", "2026-11-24-small-lucja-zolc-wojcik"])
    #expect(try casebook.record("2026-11-24-small-lucja-zolc-wojcik")["client"] as? String == "Łucja Żółć-Wójcik")
    #expect(try casebook.record("2026-11-24-small-li-xiao-long")["client"] as? String == "李小龍")
    let byName = try casebook.run(["cases", "show", "李小龍"])
    #expect(byName.status == 0, "\(byName.stderr)")
    #expect(byName.stdout.contains("李小龍"))
    #expect(try casebook.run(["cases", "show", "lucja zolc-wojcik"]).status == 0)
  }
}
