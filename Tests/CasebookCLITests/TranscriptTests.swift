import CasebookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Whole runs of the built binary driven through a pipe, compared with golden files: the exact
/// output, and the record the run leaves.
@Suite struct TranscriptTests {
  @Test func `a completed no-show case prints its whole dialogue and writes its record`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let input = ["", "", "maybe", "2", "yes", "20m", ":copy 1", ":where", ":note left a voicemail at 9:02", ":back", "20", "arrived", ""]
      .joined(separator: "\n")
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana Ruiz"], input: input)
    assertGolden(outcome.stdout, named: "no-show-completed.transcript")
    #expect(outcome.stdout.contains("fill in before sending: [casebook profile set name …]"))
    #expect(outcome.stderr == "")
    #expect(outcome.status == 0)
    #expect(casebook.caseFolders() == ["2026-11-24-no-show-dana-ruiz"])
    assertGolden(casebook.read("2026-11-24-no-show-dana-ruiz", "record.json"), named: "no-show-completed.record.json")
    assertGolden(casebook.read("2026-11-24-no-show-dana-ruiz", "record.md"), named: "no-show-completed.record.md")
  }

  @Test func `input that ends early keeps the case, and resume finishes it`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let path = fixture("small.yaml")
    let first = try casebook.run(["run", path], input: "no\n15m\n")
    #expect(first.status == 3)
    #expect(first.stdout.hasSuffix("Case kept as interrupted. Resume it with: casebook resume 2026-11-24-small\n"))
    #expect(try casebook.record("2026-11-24-small")["status"] as? String == "interrupted")

    let second = try casebook.run(["resume"], input: "2026-12-01 10:00\n", fakeNow: "2026-11-24T09:30:00Z")
    assertGolden(second.stdout, named: "small-resumed.transcript")
    #expect(second.status == 0)
    assertGolden(casebook.read("2026-11-24-small", "record.json"), named: "small-resumed.record.json")
  }

  @Test func `a broken playbook is refused with every diagnostic and exit status 1`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let broken = "\(casebook.home)-broken.yaml"
    try """
      id: broken
      title: Broken
      start: first
      steps:
        - id: first
          say: Go.
          next: secnd
        - id: second
          ask: Ready?
          choices:
            - answer: yes
              next: first
        - id: third
          end: Done.
          next: first
      """.write(toFile: broken, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: broken) }
    let outcome = try casebook.run(["run", broken])
    #expect(outcome.status == 1)
    #expect(outcome.stdout == "")
    assertGolden(outcome.stderr.replacingOccurrences(of: "$CASEBOOK_HOME-broken.yaml", with: "broken.yaml"), named: "broken-run.stderr")
    #expect(casebook.caseFolders() == [])
  }

  @Test func `list shows each playbook's id and title`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["list"])
    #expect(outcome.status == 0)
    #expect(outcome.stdout.split(separator: "\n").contains { $0.hasPrefix("no-show ") })
  }

  @Test func `the user's own playbooks are listed and run by id`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try FileManager.default.createDirectory(atPath: "\(casebook.home)/playbooks", withIntermediateDirectories: true)
    try FileManager.default.copyItem(atPath: fixture("small.yaml"), toPath: "\(casebook.home)/playbooks/small.yaml")
    let list = try casebook.run(["list"])
    #expect(list.stdout.split(separator: "\n").contains { $0.hasPrefix("small ") && $0.hasSuffix("A small playbook  [yours]") })
    let run = try casebook.run(["run", "small", "--client", "Ann"], input: "yes\nlater\n")
    #expect(run.status == 0)
    #expect(try casebook.answers("2026-11-24-small-ann") == ["yes", "later"])
  }

  @Test func `home lists the playbooks and starts the chosen one; a broken one shows its errors when chosen`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // One of the user's own, listed from its header, with a step that leads nowhere.
    try FileManager.default.createDirectory(atPath: "\(casebook.home)/playbooks", withIntermediateDirectories: true)
    let broken = try String(contentsOfFile: fixture("small.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "id: small", with: "id: broken-one").replacingOccurrences(of: "next: reschedule", with: "next: reschedul")
    try broken.write(toFile: "\(casebook.home)/playbooks/broken-one.yaml", atomically: true, encoding: .utf8)
    let outcome = try casebook.run([], input: "nope\nbroken-one\nno-show\nLee\n\n\n")
    #expect(outcome.stdout.contains("  7 broken-one           A small playbook"))
    #expect(outcome.stdout.contains("'nope' is not a playbook here."))
    #expect(outcome.stderr.contains("'next' names step 'reschedul', which does not exist [dangling-next]"))
    #expect(outcome.stdout.contains("That playbook cannot run until its errors are fixed (casebook check). Choose\n  another."))
    #expect(outcome.stdout.contains("Did you get through to them?"))
    #expect(outcome.status == 3)
    #expect(casebook.caseFolders() == ["2026-11-24-no-show-lee"])
    // Leaving after only the broken one was chosen is a failure.
    #expect(try casebook.run([], input: "broken-one\n").status == 1)
  }

  @Test func `files are 0600 and folders 0700 even under umask 000`() throws {
    var casebook = CasebookProcess()
    casebook.environment["CASEBOOK_NO_HISTORY"] = nil
    defer { casebook.removeHome() }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", "umask 000; exec \"$0\" run \"$1\" --client 'Zoë/../x' < /dev/null", CasebookProcess.binary, fixture("small.yaml")]
    process.environment = casebook.baseEnvironment()
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 3)
    let folders = casebook.caseFolders()
    #expect(folders == ["2026-11-24-small-zoe-x"])
    func mode(_ path: String) throws -> Int {
      try #require(FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int)
    }
    #expect(try mode(casebook.home) == 0o700)
    #expect(try mode("\(casebook.home)/cases") == 0o700)
    let folder = "\(casebook.home)/cases/\(folders.first ?? "")"
    #expect(try mode(folder) == 0o700)
    for file in ["journal.log", "record.json", "record.md"] {
      #expect(try mode("\(folder)/\(file)") == 0o600, "\(file)")
    }
    #expect(try casebook.record(folders.first ?? "")["client"] as? String == "Zoë/../x")
  }

  @Test func `two clients whose names fold alike never share a folder`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Dana Ruiz"], input: "")
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "dana  ruiz!"], input: "")
    #expect(casebook.caseFolders() == ["2026-11-24-small-dana-ruiz", "2026-11-24-small-dana-ruiz-2"])
  }

  @Test func `nothing is written through a planted symbolic link`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let target = casebook.home + "-target"
    try "ORIGINAL".write(toFile: target, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: target) }
    let first = try casebook.run(["run", fixture("small.yaml")], input: "no\n")
    #expect(first.status == 3)
    let folder = "\(casebook.home)/cases/2026-11-24-small"
    for name in ["record.json", "record.md", ".record.json.tmp-1"] {
      try? FileManager.default.removeItem(atPath: "\(folder)/\(name)")
      try FileManager.default.createSymbolicLink(atPath: "\(folder)/\(name)", withDestinationPath: target)
    }
    // A link where a new case folder would go is passed over, not followed.
    try FileManager.default.createSymbolicLink(atPath: "\(casebook.home)/cases/2026-11-24-small-ann", withDestinationPath: NSTemporaryDirectory())
    let resumed = try casebook.run(["resume"], input: "15m\n2026-12-01\n")
    #expect(resumed.status == 0)
    let other = try casebook.run(["run", fixture("small.yaml"), "--client", "Ann"], input: "")
    #expect(other.status == 3)
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "ORIGINAL")
    let attributes = try FileManager.default.attributesOfItem(atPath: "\(folder)/record.json")
    #expect(attributes[.type] as? FileAttributeType == .typeRegular)
    #expect(casebook.caseFolders().contains("2026-11-24-small-ann-2"))
  }

  @Test func `check exits 0 or 1 on broken files, never a crash`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let folder = casebook.home + "-mutants"
    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    let source = try [UInt8](Data(contentsOf: URL(fileURLWithPath: fixture("small.yaml"))))
    var statuses: Set<Int32> = []
    for index in 0..<60 {
      var bytes = source
      let position = (index * 7919) % bytes.count
      if index.isMultiple(of: 2) { bytes = Array(bytes.prefix(position)) } else { bytes[position] ^= 0xA5 }
      let path = "\(folder)/m\(index).yaml"
      _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
      let outcome = try casebook.run(["check", path])
      #expect([0, 1].contains(outcome.status), "\(path): \(outcome.stderr)")
      #expect(!outcome.stderr.contains("Fatal error"))
      statuses.insert(outcome.status)
    }
    #expect(statuses.contains(1))
    #expect(try casebook.run(["check", fixture("small.yaml")]).status == 0)
    let all = try casebook.run(["check", folder])
    #expect(all.status == 1)
  }

  @Test func `a branch and conditional choices, whole run`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["run", fixture("conditions.yaml"), "--client", "Lee"], input: "no\n45m\nstart\n1\n")
    assertGolden(outcome.stdout, named: "conditions.transcript")
    #expect(outcome.status == 0)
    assertGolden(casebook.read("2026-11-24-conditions-lee", "record.json"), named: "conditions.record.json")
  }

  @Test func `drafts are shown filled and kept in the record as filled`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["run", fixture("drafts.yaml"), "--client", "Dana Ruiz"], input: "20\n")
    assertGolden(outcome.stdout, named: "drafts.transcript")
    #expect(outcome.status == 0)
    let drafts = try casebook.record("2026-11-24-follow-up-dana-ruiz")["drafts"] as? [[String: Any]] ?? []
    #expect(drafts.map { $0["kind"] as? String } == ["email", "text"])
    #expect((drafts.first?["text"] as? String)?.contains("I waited 20 minutes for you today") == true)
  }

  @Test func `next lists open actions across cases, soonest due first; done ticks one off`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Kim"], input: "2026-12-05\n")
    _ = try casebook.run(["run", fixture("actions.yaml"), "--client", "Lee"], input: "2026-11-27\n")
    _ = try casebook.run(["run", fixture("small.yaml"), "--client", "Ann"], input: "")
    let next = try casebook.run(["next"])
    #expect(next.status == 0)
    #expect(next.stdout == """
      DUE         ACTION                         ID                       CLIENT
      2026-11-25  Send the written confirmation  2026-11-24-rebook-kim#1  Kim
      2026-11-25  Send the written confirmation  2026-11-24-rebook-lee#1  Lee
      2026-11-27  Check they came                2026-11-24-rebook-lee#2  Lee
      2026-12-05  Check they came                2026-11-24-rebook-kim#2  Kim
      no date     Review the no-show policy      2026-11-24-rebook-kim#3  Kim
      no date     Review the no-show policy      2026-11-24-rebook-lee#3  Lee
      no date     Finish the case                2026-11-24-small-ann     Ann
      Mark one done with: casebook done CASE#N
      Finish one with: casebook resume CASE

      """)
    var cases = try casebook.run(["cases"])
    #expect(cases.stdout.contains("2026-11-25"))
    let staleRecord = casebook.read("2026-11-24-rebook-lee", "record.json")

    let done = try casebook.run(["done", "2026-11-24-rebook-lee#1"], fakeNow: "2026-11-25T08:30:00Z")
    #expect(done.status == 0, "\(done.stderr)")
    #expect(done.stdout == "Done: Send the written confirmation\n")
    #expect(try casebook.run(["done", "2026-11-24-rebook-lee#1"]).stdout == "Already done: Send the written confirmation\n")
    let after = try casebook.run(["next"])
    #expect(!after.stdout.contains("rebook-lee#1"))
    #expect(after.stdout.contains("rebook-kim#1"))
    #expect(try casebook.run(["next", "--all"]).stdout.contains("2026-11-25  done: Send the written confirmation  2026-11-24-rebook-lee#1  Lee"))
    // The journal keeps it, and both records show it.
    let markdown = casebook.read("2026-11-24-rebook-lee", "record.md")
    #expect(markdown.contains("- [x] Send the written confirmation (by 2026-11-25) — done 2026-11-25 08:30"), "\(markdown)")
    let actions = try #require(try casebook.record("2026-11-24-rebook-lee")["nextActions"] as? [[String: Any]])
    #expect(actions.first?["done"] as? String == "2026-11-25T08:30:00Z")
    #expect(try casebook.run(["cases", "rebuild", "2026-11-24-rebook-lee"]).status == 0)
    #expect(casebook.read("2026-11-24-rebook-lee", "record.md") == markdown)
    cases = try casebook.run(["cases"])
    #expect(cases.stdout.split(separator: "\n").contains { $0.contains("rebook-lee") && $0.contains("2026-11-27") })

    // A record.json older than its journal (a crash between the two) is not trusted: the journal wins.
    let recordPath = "\(casebook.home)/cases/2026-11-24-rebook-lee/record.json"
    try staleRecord.write(toFile: recordPath, atomically: false, encoding: .utf8)
    // Long before the journal was written, whatever the test's clock says (faketime shifts stat too).
    let longAgo = Date(timeIntervalSince1970: 1_000_000_000)
    try FileManager.default.setAttributes([.modificationDate: longAgo], ofItemAtPath: recordPath)
    #expect(!(try casebook.run(["next"]).stdout.contains("rebook-lee#1")))

    let reopened = try casebook.run(["done", "2026-11-24-rebook-lee#1", "--undo"])
    #expect(reopened.stdout == "Open again: Send the written confirmation\n")
    #expect(try casebook.run(["next"]).stdout.contains("rebook-lee#1"))

    let unfinished = try casebook.run(["done", "2026-11-24-small-ann#1"])
    #expect(unfinished.status == 1)
    #expect(unfinished.stderr.contains("is not complete yet"))
    let beyond = try casebook.run(["done", "2026-11-24-rebook-lee#4"])
    #expect(beyond.status == 1)
    #expect(beyond.stderr.contains("has 3 next actions; there is no number 4"))
    #expect(try casebook.run(["done", "2026-11-24-rebook-lee"]).status == 64)
  }

  @Test func `inputs are asked once at the start, and --client answers the client's name`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let asked = try casebook.run(["run", fixture("inputs.yaml")], input: "Dana Ruiz\n2026-11-24 09:00\n3\n")
    #expect(asked.status == 0)
    #expect(asked.stdout.contains("? What is the client's name?"))
    #expect(asked.stdout.contains("Hi Dana Ruiz, about Tuesday 24 November at 09:00: thanks for letting us know."))
    #expect(casebook.caseFolders() == ["2026-11-24-intake-dana-ruiz"])
    #expect(try casebook.record("2026-11-24-intake-dana-ruiz")["client"] as? String == "Dana Ruiz")

    let given = try casebook.run(["run", fixture("inputs.yaml"), "--client", "Lee"], input: "2026-11-24\n1\n")
    #expect(given.status == 0)
    #expect(!given.stdout.contains("What is the client's name?"))
    #expect(try casebook.answers("2026-11-24-intake-lee") == ["Lee", "2026-11-24", "1"])

    // Resuming replays the inputs too.
    let left = try casebook.run(["run", fixture("inputs.yaml")], input: "Ann\n")
    #expect(left.status == 3)
    let resumed = try casebook.run(["resume", "2026-11-24-intake-ann"], input: "2026-11-24\n2\n")
    #expect(resumed.status == 0)
    #expect(resumed.stdout.contains("Hi Ann, about Tuesday 24 November: thanks for letting us know."))
  }

  @Test func `--lang and the locale choose a translation, and resume keeps it`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let polish = try casebook.run(["run", fixture("translated.yaml"), "--lang", "pl", "--client", "Ola"], input: "1\n")
    #expect(polish.status == 0)
    #expect(polish.stdout.contains("? Czy udało się połączyć?\n  1 yes  Rozmawialiśmy"))
    #expect(polish.stdout.contains("Dzień dobry Ola, umówimy nowy termin?"))
    #expect(polish.stderr.contains("translation 'fr' has no text"))

    casebook.environment["LANG"] = "pl_PL.UTF-8"
    let left = try casebook.run(["run", fixture("translated.yaml"), "--client", "Jan"], input: "")
    #expect(left.stdout.contains("Zadzwoń teraz do klienta."))
    casebook.environment["LANG"] = "C.UTF-8"
    let resumed = try casebook.run(["resume", "2026-11-24-translated-jan"], input: "no\n")
    #expect(resumed.status == 0)
    #expect(resumed.stdout.contains("Poproś o nowy termin."))

    let missing = try casebook.run(["run", fixture("translated.yaml"), "--lang", "de"], input: "yes\n")
    #expect(missing.stderr.contains("has no 'de' translation; showing the original"))
    #expect(missing.stdout.contains("Did you reach them?"))
  }

  @Test func `an end step hands over to another playbook, carrying the case's values`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    casebook.environment["CASEBOOK_PLAYBOOKS"] = URL(fileURLWithPath: fixture("handover/pattern.yaml")).deletingLastPathComponent().path
    let outcome = try casebook.run(["run", "pattern", "--client", "Kim"], input: "6\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("Handing over to 'wrap-up', with this case's values."))
    #expect(outcome.stdout.contains("Dear Kim, after 6 missed appointments we will end our work together."))
    #expect(casebook.caseFolders() == ["2026-11-24-pattern-kim", "2026-11-24-wrap-up-kim"])
    let second = try casebook.record("2026-11-24-wrap-up-kim")
    #expect(second["carriedFrom"] as? String == "2026-11-24-pattern-kim")
    #expect((second["values"] as? [String: String])?["misses"] == "6")
    let first = try casebook.record("2026-11-24-pattern-kim")
    #expect((first["outcome"] as? [String: Any])?["handover"] as? String == "wrap-up")

    // A handover to a playbook that does not exist is refused before the run, as check reports it.
    let broken = casebook.home + "-broken.yaml"
    try String(contentsOfFile: fixture("handover/pattern.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "handover: wrap-up", with: "handover: wrap-uo")
      .write(toFile: broken, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: broken) }
    let refused = try casebook.run(["run", broken])
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("hands over to playbook 'wrap-uo', which is neither bundled nor yours [missing-handover]"))
    #expect(refused.stderr.contains("note: did you mean 'wrap-up'?"))
    #expect(try casebook.run(["check", broken]).stderr == refused.stderr)
  }

  @Test func `a playbook that uses every construct, whole run`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // The fake clock moves a minute a reading, so a 2m wait limit has run out by the second "no".
    let input = ["2026-11-24 09:00", "no", "2m", "no", "no", "1 3", "video", "2026-11-27 10:00"].joined(separator: "\n") + "\n"
    let outcome = try casebook.run(["run", fixture("showcase/late-client.yaml"), "--client", "Dana Ruiz"], input: input)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    assertGolden(outcome.stdout, named: "showcase.transcript")
    assertGolden(outcome.stderr, named: "showcase.stderr")
    assertGolden(casebook.read("2026-11-24-late-client-dana-ruiz", "record.json"), named: "showcase.record.json")
  }

  @Test func `a case keeps its playbook's parts, and resumes from that copy when the original is gone`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // A copy of the showcase playbook and its part, in a folder that is then removed.
    let folder = casebook.home + "-books"
    try FileManager.default.createDirectory(atPath: folder + "/parts", withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: folder) }
    try FileManager.default.copyItem(atPath: fixture("showcase/late-client.yaml"), toPath: folder + "/late-client.yaml")
    try FileManager.default.copyItem(atPath: fixture("showcase/parts/propose.yaml"), toPath: folder + "/parts/propose.yaml")
    let first = try casebook.run(["run", folder + "/late-client.yaml", "--client", "Dana Ruiz"], input: "2026-11-24 09:00\nno\n")
    #expect(first.status == 3, "\(first.stderr)")
    let kept = "\(casebook.home)/cases/2026-11-24-late-client-dana-ruiz"
    #expect(casebook.read("2026-11-24-late-client-dana-ruiz", "parts/propose.yaml") == (try String(contentsOfFile: folder + "/parts/propose.yaml", encoding: .utf8)))
    let mode = try FileManager.default.attributesOfItem(atPath: kept + "/parts")[.posixPermissions] as? Int
    #expect(mode == 0o700)
    try FileManager.default.removeItem(atPath: folder)
    let input = ["2m", "no", "no", "1 3", "video", "2026-11-27 10:00"].joined(separator: "\n") + "\n"
    let resumed = try casebook.run(["resume", "2026-11-24-late-client-dana-ruiz"], input: input)
    #expect(resumed.status == 0, "\(resumed.stdout)\(resumed.stderr)")
    #expect(resumed.stdout.contains("Case record:"))
  }

  @Test func `the quick start of run (no argument parser) behaves exactly as the parsed command`() throws {
    let input = "no\n20m\n2026-12-02 09:30\n"
    var outputs: [String] = []
    for arguments in [
      ["run", fixture("small.yaml"), "--client", "Ana"],  // the quick start
      ["run", fixture("small.yaml"), "--client=Ana", "--mode", "live"],  // the argument parser
    ] {
      let casebook = CasebookProcess()
      defer { casebook.removeHome() }
      let outcome = try casebook.run(arguments, input: input)
      #expect(outcome.status == 0, "\(arguments): \(outcome.stderr)")
      outputs.append(outcome.stdout + casebook.read("2026-11-24-small-ana", "record.json"))
    }
    #expect(outputs[0] == outputs[1])
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // Whatever the quick start does not know goes to the parser: help, and mistakes.
    #expect(try casebook.run(["run", "--help"]).stdout.contains("USAGE: casebook run"))
    let missing = try casebook.run(["run", fixture("small.yaml"), "--client"])
    #expect(missing.status == 64)
    #expect(missing.stderr.contains("Missing value for '--client <client>'"))
    let unknown = try casebook.run(["run", "no-such-playbook"])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no playbook named 'no-such-playbook'"))
  }

  @Test func `the annotated example in docs/playbook-format.md is the tested fixture`() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let docs = try String(contentsOf: root.appendingPathComponent("docs/playbook-format.md"), encoding: .utf8)
    let example = try String(contentsOfFile: fixture("showcase/late-client.yaml"), encoding: .utf8)
    let part = try String(contentsOfFile: fixture("showcase/parts/propose.yaml"), encoding: .utf8)
    #expect(docs.contains("```yaml\n" + example + "```"))
    #expect(docs.contains("# parts/propose.yaml\n" + part + "```"))
  }

  @Test func `check speaks JSON and SARIF for editors and CI`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let broken = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .appendingPathComponent("CasebookKitTests/Fixtures/invalid/dangling-next.yaml").path
    let json = try casebook.run(["check", broken, "--format", "json"])
    #expect(json.status == 1)
    let items = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
    #expect(items.map { $0["code"] as? String } == ["dangling-next"])
    #expect(items.first?["line"] as? Int == 7)
    #expect(items.first?["column"] as? Int == 11)
    #expect(items.first?["notes"] as? [String] == [
      "did you mean 'wait-limit'?",
      "this hides 1 step reachable only through it ('wait-limit'); it is not reported as unreachable",
    ])
    #expect(items.allSatisfy { Set($0.keys) == ["file", "line", "column", "code", "severity", "message", "notes"] })

    let sarif = try casebook.run(["check", broken, "--format", "sarif"])
    #expect(sarif.status == 1)
    let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let run = try #require((log["runs"] as? [[String: Any]])?.first)
    let results = try #require(run["results"] as? [[String: Any]])
    #expect(results.map { $0["ruleId"] as? String } == ["dangling-next"])
    #expect(try casebook.run(["check", fixture("small.yaml"), "--format", "json"]).stdout == "[\n\n]\n")
  }

  @Test func `casebook test runs scripted walks and shows a diff for each failed expectation`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let passing = try casebook.run(["test", fixture("showcase/late-client.tests.yaml")])
    #expect(passing.status == 0, "\(passing.stdout)\(passing.stderr)")
    #expect(passing.stdout.hasSuffix("2 passed, 0 failed\n"))
    let failing = try casebook.run(["test", fixture("showcase/failing.tests.yaml")])
    #expect(failing.status == 1)
    #expect(failing.stdout.contains("""
        FAIL  expects the wrong end
      """))
    #expect(failing.stdout.contains("        - end: rebooked\n        + end: meet\n"))
    #expect(failing.stdout.contains("        - wait_limit: 20m\n        + wait_limit: 15m\n"))
    #expect(failing.stdout.hasSuffix("0 passed, 1 failed\n"))
  }

  @Test func `explore walks every path and reports the ends and what was never visited`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["test", "--explore", fixture("conditions.yaml")])
    #expect(outcome.status == 0)
    // A sample duration of 15m never makes 'wait_limit > 30m' true: explore says so.
    #expect(outcome.stdout == """
      conditions: 4 walks, every path
        end done: 4
        steps never visited: too-long

      """)
  }

  @Test func `--set reads tomorrow from the case's own day, in the user's zone`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let utc = try casebook.run(["run", fixture("inputs.yaml"), "--set", "appointment=tomorrow", "--client", "Di"], input: "3\n")
    #expect(utc.status == 0, "\(utc.stderr)")
    #expect(!utc.stdout.contains("When was the appointment?"))
    #expect(try casebook.record("2026-11-24-intake-di")["values"] as? [String: String]
      == ["client": "Di", "appointment": "2026-11-25", "notice_hours": "3"])
    // 20:00 UTC is 10:00 the next morning at UTC+14: the case's day, and so its tomorrow, move on.
    casebook.environment["TZ"] = "Pacific/Kiritimati"
    let ahead = try casebook.run(
      ["run", fixture("inputs.yaml"), "--set", "appointment=tomorrow 16:00", "--client", "Ed"], input: "3\n",
      fakeNow: "2026-11-24T20:00:00Z")
    #expect(ahead.status == 0, "\(ahead.stderr)")
    #expect(try casebook.record("2026-11-25-intake-ed")["values"] as? [String: String]
      == ["client": "Ed", "appointment": "2026-11-26 16:00", "notice_hours": "3"])
  }

  @Test func `practice runs on the scenario's time: the no-answer wait limit runs out on its word`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["practice", "no-show", "--scenario", "no-answer"], input: "\n\nno\nyes\n15m\nnot-yet\nno\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    #expect(outcome.stdout.contains("In practice, time passes as the scenario\nsays; :skip lets it run out now."))
    #expect(outcome.stdout.contains("Time passes in this scenario. Wait limit of 15m reached"))
    #expect(!outcome.stdout.contains("The limit is not up yet"))
    #expect(outcome.stdout.contains("Practice 'no-answer': right first time"))
  }

  @Test func `--start-at begins mid-playbook with the values given by --set`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(
      ["run", fixture("small.yaml"), "--start-at", "new-time", "--set", "wait_limit=20m", "--client", "Bo"],
      input: "2026-12-01\n")
    #expect(outcome.status == 0)
    #expect(!outcome.stdout.contains("Did you reach them?"))
    let record = try casebook.record("2026-11-24-small-bo")
    #expect(record["values"] as? [String: String] == ["wait_limit": "20m", "new_time": "2026-12-01"])
    // Resuming a case begun mid-way replays from the same step.
    let left = try casebook.run(["run", fixture("small.yaml"), "--start-at", "new-time", "--client", "Cy"], input: "")
    #expect(left.status == 3)
    #expect(try casebook.run(["resume", "2026-11-24-small-cy"], input: "2026-12-02\n").status == 0)
    #expect(try casebook.answers("2026-11-24-small-cy") == ["2026-12-02"])
    let wrong = try casebook.run(["run", fixture("small.yaml"), "--start-at", "new-tim"])
    #expect(wrong.status == 1)
    #expect(wrong.stderr.contains("has no step 'new-tim'; did you mean 'new-time'?"))
  }

  @Test func `every bundled playbook's own tests pass`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["test"])
    #expect(outcome.status == 0, "\(outcome.stdout)\(outcome.stderr)")
    #expect(outcome.stdout.hasSuffix(" 0 failed\n"))
    let bundled = URL(fileURLWithPath: fixture("small.yaml")).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("playbooks")
    let playbooks = PlaybookCatalog.files(in: bundled.path).map { ($0 as NSString).lastPathComponent }
    let tests = PlaybookCatalog.files(in: bundled.appendingPathComponent("tests").path).map { ($0 as NSString).lastPathComponent }
    #expect(Set(playbooks.map { $0.replacingOccurrences(of: ".yaml", with: ".tests.yaml") }) == Set(tests))
  }

  @Test func `one path of each bundled playbook, piped, against its golden transcript`() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    let folder = root.appendingPathComponent("playbooks").path
    for file in PlaybookCatalog.files(in: folder) {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook, "\(file)")
      let (suite, _) = PlaybookTestRunner.load(path: "\(folder)/tests/\(playbook.id).tests.yaml")
      let test = try #require(suite?.tests.first, "\(playbook.id) has no tests")
      // The walk the playbook's first test describes, typed as piped input (the client comes from --client).
      let typed = PlaybookTestRunner.run(test, on: playbook).typed
      let casebook = CasebookProcess()
      defer { casebook.removeHome() }
      var arguments = ["run", playbook.id]
      if let client = test.client { arguments += ["--client", client] }
      let outcome = try casebook.run(arguments, input: typed.map { $0 + "\n" }.joined())
      #expect(outcome.status == 0, "\(playbook.id): \(outcome.stderr)")
      assertGolden(outcome.stdout, named: "bundled/\(playbook.id).transcript")
    }
  }

  @Test func `practice judges a checklist, a date and a text, and the score counts each judged question`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // Sam: abuse must be ticked; first a tick that leaves it out, then a date outside the tolerance.
    let typed = [
      "time", "abuse time", "notice", "2027-02-01", "2026-12-31", "the December newsletter",
      "I can't meet the demands, and the way we communicate does not work.", "clause 9, 30 days' written notice",
    ]
    let outcome = try casebook.run(
      ["practice", "end-relationship", "--scenario", "abusive-client"], input: typed.map { $0 + "\n" }.joined())
    #expect(outcome.status == 0, "\(outcome.stderr)")
    assertGolden(outcome.stdout, named: "practice-checklist.transcript")
    #expect(outcome.stdout.contains("Shouting and name-calling are abuse"))
    // With abuse, the ending is a short email, in writing only: no channel or reaction to judge.
    #expect(outcome.stdout.contains("Practice 'abusive-client': right first time 4 of 6."))
    let practice = try #require(try casebook.record("2026-11-24-end-relationship-sam")["practice"] as? [String: Any])
    #expect(practice["right"] as? Int == 4)
    #expect(practice["total"] as? Int == 6)
  }

  @Test func `practice gives feedback on a wrong turn, a second chance, and a score`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let outcome = try casebook.run(["practice", fixture("practice.yaml")], input: "yes\nno\n15m\n2026-12-31\n")
    #expect(outcome.status == 0, "\(outcome.stderr)")
    assertGolden(outcome.stdout, named: "practice.transcript")
    assertGolden(casebook.read("2026-11-24-practice-demo-dana", "record.json"), named: "practice.record.json")
    assertGolden(casebook.read("2026-11-24-practice-demo-dana", "record.md"), named: "practice.record.md")
    let record = try casebook.record("2026-11-24-practice-demo-dana")
    #expect(record["mode"] as? String == "practice")
    let practice = try #require(record["practice"] as? [String: Any])
    #expect(practice["scenario"] as? String == "unreachable")
    #expect(practice["right"] as? Int == 2)
    #expect(practice["total"] as? Int == 3)
    let history = (record["history"] as? [[String: Any]] ?? []).compactMap { $0["event"] as? String }
    #expect(history.first == "attempted")
    let done = try String(contentsOfFile: "\(casebook.home)/practice-done", encoding: .utf8)
    #expect(done == "practice-demo/unreachable\n")
  }

  @Test func `the wait limit lives in the case: a resume shows the time left, or takes the expiry branch once it has passed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let first = try casebook.run(["run", fixture("timer.yaml")], input: "15m\n")
    #expect(first.status == 3)
    #expect(first.stdout.contains("Wait limit started: 15m, until 09:16."))
    // Five minutes after it began: the limit is still running.
    let soon = try casebook.run(["resume", "2026-11-24-wait"], input: "", fakeNow: "2026-11-24T09:06:00Z")
    #expect(soon.stdout.contains("Wait limit: 10m left, until 09:16."), "\(soon.stdout)")
    #expect(soon.status == 3)
    // An hour later: it ran out while the case was away, and the expiry branch is taken.
    let late = try casebook.run(["resume", "2026-11-24-wait"], input: "", fakeNow: "2026-11-24T10:00:00Z")
    #expect(late.status == 0, "\(late.stdout)\(late.stderr)")
    #expect(late.stdout.contains("! Wait limit of 15m reached"))
    #expect(late.stdout.contains("= Send the follow-up."))
    let history = try #require(try casebook.record("2026-11-24-wait")["history"] as? [[String: Any]])
    #expect(history.contains { $0["event"] as? String == "expired" && $0["step"] as? String == "arrived" })
  }

  @Test func `a seeded rehearsal: the plan, the client's replies, hints, every line kept, and a review`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // Piped lines are the conversation; the plan's answer comes with --set (at a terminal it is asked).
    let input = [":hint", "I hear you. I will finish the current project first, and hand everything over by 31 December 2026."]
      .joined(separator: "\n") + "\n"
    let outcome = try casebook.run(
      ["rehearse", fixture("practice.yaml"), "--seed", "7", "--client", "Ola", "--set", "last_day=2026-12-31"], input: input)
    #expect(outcome.status == 0, "\(outcome.stderr)")
    assertGolden(outcome.stdout, named: "rehearsal.transcript")
    assertGolden(casebook.read("2026-11-24-practice-demo-ola", "record.json"), named: "rehearsal.record.json")
    assertGolden(casebook.read("2026-11-24-practice-demo-ola", "record.md"), named: "rehearsal.record.md")
    let record = try casebook.record("2026-11-24-practice-demo-ola")
    #expect(record["mode"] as? String == "rehearse")
    #expect((record["values"] as? [String: String])?["last_day"] == "2026-12-31")
    let transcript = try #require(record["transcript"] as? [[String: Any]])
    #expect(transcript.map { $0["you"] as? String } == ["I hear you. I will finish the current project first, and hand everything over by 31 December 2026."])
    #expect(transcript.first?["client"] as? String == "You can't just leave us like this.")
  }

  @Test func `the bundled end-relationship client answers what was said: the same seed, a different first line, a different conversation`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // Jo's case first: the reason, the contract wording and the end date are answered there.
    let playbook = try #require(PlaybookLoader.load(path: bundledPlaybook("end-relationship")).playbook)
    let (suite, _) = PlaybookTestRunner.load(path: bundledPlaybook("tests/end-relationship.tests"))
    let test = try #require(suite?.tests.first { $0.client == "Jo" })
    let typed = PlaybookTestRunner.run(test, on: playbook).typed
    let run = try casebook.run(["run", "end-relationship", "--client", "Jo"], input: typed.map { $0 + "\n" }.joined())
    #expect(run.status == 0, "\(run.stderr)")

    let rest = [
      "I understand this is hard to hear. After several months the project is not moving, and I can't give you the results you need.",
      "Until then I will finish the Q4 report, to the same standard as always.",
      "I'll send you a transition plan in writing today, with the files and access I will hand over.",
      "It is in clause 12 of our contract: it ends at the end of the term.",
      "Our last day together is 31 December.",
      "Thank you for the work we have done together, Jo.",
    ]
    let citing = "Jo, I've decided to end our working relationship. Under clause 12 of our contract it ends at the end of the term."
    let notCiting = "Jo, I've decided to end our working relationship, and I want to explain why."
    let arguments = ["rehearse", "end-relationship", "--seed", "42", "--client", "Jo", "--persona", "angry"]
    let first = try casebook.run(arguments, input: ([citing] + rest).map { $0 + "\n" }.joined())
    let second = try casebook.run(arguments, input: ([notCiting] + rest).map { $0 + "\n" }.joined())
    assertGolden(first.stdout + "\n---- the same seed, a first line that does not cite the contract ----\n\n" + second.stdout,
      named: "rehearsal-end-relationship.transcript")
    #expect(first.stdout.contains("The plan's answers come from case 2026-11-24-end-relationship-jo."))
    let clientLines = { (text: String) in text.split(separator: "\n").filter { $0.hasPrefix("Client") } }
    #expect(clientLines(first.stdout) != clientLines(second.stdout))
    #expect(!first.stdout.contains("Where does it say you can do that?"))
    #expect(second.stdout.contains("\nClient (doubtful): Where does it say you can do that?\n"))
    let again = try casebook.run(arguments, input: ([notCiting] + rest).map { $0 + "\n" }.joined())
    #expect(clientLines(again.stdout) == clientLines(second.stdout))
    let record = try casebook.record("2026-11-24-end-relationship-jo-2")
    #expect((record["steps"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["reason", "clause", "end-date", "deliverables"])
    let review = try #require(record["review"] as? [String: Any])
    #expect((review["planCited"] as? [String])?.contains("Last day of work") == true)
    #expect((review["pointsReached"] as? [String])?.contains("The transition plan") == true)
  }

  @Test func `rehearse --set fills the plan, an unknown --from is refused, and a rehearsal cannot be resumed`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let missing = try casebook.run(["rehearse", fixture("practice.yaml"), "--from", "2026-11-24-nobody"], input: "")
    #expect(missing.status == 1)
    #expect(missing.stderr.contains("no case named '2026-11-24-nobody'"))
    let tooMany = try casebook.run(["rehearse", "end-relationship", "--turns", "40", "--client", "Al"], input: "")
    #expect(tooMany.status == 1)
    #expect(tooMany.stderr.contains("--turns 40: this rehearsal has 16 client lines (its replies and reactions); give a number from 1 to 16"))
    // The client's name may come with --set client=NAME; the record then names them.
    let named = try casebook.run(
      ["rehearse", fixture("practice.yaml"), "--set", "client=Bo", "--set", "last_day=2026-12-31", "--seed", "1"], input: "Fine.\n")
    #expect(named.status == 0, "\(named.stderr)")
    #expect(try casebook.record("2026-11-24-practice-demo-bo")["client"] as? String == "Bo")
    let left = try casebook.run(
      ["rehearse", fixture("practice.yaml"), "--set", "last_day=2026-12-31", "--client", "Al", "--seed", "1"], input: ":quit\n")
    #expect(left.status == 3)
    #expect(left.stdout.contains("  Last day of work: 2026-12-31"))
    #expect(!left.stdout.contains("On what date"))
    // Without it, piped lines still go to the conversation, and the plan says what is missing.
    let unprepared = try casebook.run(["rehearse", fixture("practice.yaml"), "--seed", "1"], input: "We will finish the current project first.\n")
    #expect(unprepared.status == 0)
    #expect(unprepared.stdout.contains("Part of the plan is not prepared: give it with --set last_day=…, or --from CASE."))
    #expect(unprepared.stdout.contains("  Last day of work: (not prepared)"))
    #expect(unprepared.stdout.contains("you> We will finish the current project first."))
    let resume = try casebook.run(["resume", "2026-11-24-practice-demo-al"], input: "")
    #expect(resume.status == 1)
    #expect(resume.stderr.contains("is a rehearsal, which cannot be resumed"))
  }

  @Test func `run --mode practice and --mode rehearse are the practice and rehearse commands`() throws {
    let casebook = CasebookProcess()
    defer { casebook.removeHome() }
    let practice = try casebook.run(["run", fixture("practice.yaml"), "--mode", "practice"], input: "no\n15m\n2026-12-31\n")
    #expect(practice.status == 0)
    #expect(practice.stdout.contains("Practice 'unreachable': right first time 3 of 3."))
    let rehearse = try casebook.run(["run", fixture("practice.yaml"), "--mode", "rehearse", "--client", "Al"], input: "2026-12-31\nFine.\n")
    #expect(rehearse.status == 0)
    #expect(rehearse.stdout.contains("Client (angry): You can't just leave us like this."))
  }

  @Test func `a piped run's editor reads nothing: the lines after :edit stay answers`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // An "editor" that, like vi, reads what it is given on standard input.
    try casebook.useEditor("while read line; do echo \"$line\" >> \"$1\"; done")
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nno\nyes\n20m\n:edit\n")
    #expect(outcome.stdout.contains("> :edit\nThe draft is unchanged.\n"), "\(outcome.stdout)")
    #expect(outcome.stdout.contains("Wait limit started: 20m"))
    #expect(!casebook.read("2026-11-24-no-show-dana", "draft-leave-message-2-text.txt").contains("yes"))
  }

  @Test func `a draft the editor leaves as it was is not an edit`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    try casebook.useEditor("true")
    let outcome = try casebook.run(["run", "no-show", "--client", "Dana"], input: "\n\nno\nyes\n15m\n:edit\n")
    #expect(outcome.stdout.contains("> :edit\nThe draft is unchanged.\n> "), "\(outcome.stdout)")
    #expect(!outcome.stdout.contains("Kept your edited"))
  }

  @Test func `copy writes a draft to a file (the latest, or one by number or kind), and edit keeps the edited text`() throws {
    var casebook = CasebookProcess()
    defer { casebook.removeHome() }
    // An "editor" that rewrites the draft's first line, as a person would.
    try casebook.useEditor("sed -i 's/^Hi Dana Ruiz,/Dear Dana,/' \"$1\"")
    let yaml = try String(contentsOfFile: fixture("drafts.yaml"), encoding: .utf8)
      .replacingOccurrences(of: "    next: done\n  - id: done", with: "    next: check\n  - id: check\n    ask: Sent?\n    why: So the record says.\n    choices:\n      - answer: sent\n        next: done\n      - answer: later\n        next: done\n  - id: done")
    let path = casebook.home + "-drafts.yaml"
    try yaml.write(toFile: path, atomically: true, encoding: .utf8)
    defer { try? FileManager.default.removeItem(atPath: path) }
    let input = ["20m", ":copy", ":copy 1", ":copy email", ":copy letter", ":edit 2", ":copy 2", "sent"].joined(separator: "\n") + "\n"
    let outcome = try casebook.run(["run", path, "--client", "Dana Ruiz"], input: input)
    #expect(outcome.status == 0, "\(outcome.stderr)")

    let folder = "$CASEBOOK_HOME/cases/2026-11-24-follow-up-dana-ruiz"
    #expect(outcome.stdout.contains("--- email draft 1 of 2, ready to copy (:copy 1) ---"))
    // Piped, with no clipboard tool: only saved, and the message says so (a path on a line of its own).
    #expect(outcome.stdout.contains("> :copy\nSaved in\n\(folder)/draft-send-2-text.txt\n"))
    #expect(outcome.stdout.contains("> :copy 1\nSaved in\n\(folder)/draft-send-1-email.txt\n"))
    #expect(outcome.stdout.contains("! No draft 'letter' here. Type :copy with a number or a kind: 1 (email), 2\n  (text)."))
    #expect(!outcome.stdout.contains("\u{1B}]52"))
    #expect(outcome.stdout.contains("Kept your edited text draft."))
    // The edited text is what is copied from then on.
    #expect(casebook.read("2026-11-24-follow-up-dana-ruiz", "draft-send-2-text.txt").hasPrefix("Dear Dana, sorry"))
    #expect(casebook.read("2026-11-24-follow-up-dana-ruiz", "draft-send-1-email.txt").hasPrefix("Subject: Missed appointment"))
    let drafts = try casebook.record("2026-11-24-follow-up-dana-ruiz")["drafts"] as? [[String: Any]] ?? []
    #expect(drafts.map { $0["kind"] as? String } == ["email", "text", "text"])
    #expect(drafts.map { $0["number"] as? Int } == [1, 2, 2])
    #expect((drafts.last?["text"] as? String)?.hasPrefix("Dear Dana, sorry") == true)
  }

  @Test(.enabled(if: HeavyTests.isEnabled, HeavyTests.reason))
  func `every path of every bundled playbook, typed through a pipe, reaches an end`() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    var runs = 0
    for file in PlaybookCatalog.files(in: root.appendingPathComponent("playbooks").path) {
      let playbook = try #require(PlaybookLoader.load(path: file).playbook)
      // Every path, or (where paths explode) walks that together visit every step and answer.
      let report = PlaybookExplorer.explore(playbook, limit: 20_000)
      #expect(!report.typedWalks.isEmpty)
      for walk in report.typedWalks {
        let casebook = CasebookProcess()
        defer { casebook.removeHome() }
        // Hand-overs start another playbook; this walk stops where this playbook ends.
        let outcome = try casebook.run(["run", playbook.id, "--client", "Sample Client"], input: walk.map { $0 + "\n" }.joined())
        #expect([0, 3].contains(outcome.status), "\(playbook.id) \(walk): \(outcome.stderr)")
        #expect(outcome.stdout.contains("\n= "), "\(playbook.id): no end reached for \(walk)")
        #expect(!outcome.stdout.contains("is not an answer here"), "\(playbook.id): \(walk)")
        runs += 1
      }
    }
    print("piped walks: \(runs)")
  }
}
