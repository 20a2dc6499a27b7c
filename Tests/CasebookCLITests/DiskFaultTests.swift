import CasebookKit
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// A real full disk and a real read-only file system, on a 64 KiB tmpfs mounted for the test.
@Suite(.serialized) struct DiskFaultTests {
  /// A tmpfs of 64 KiB, mounted if this machine allows it.
  final class SmallDisk {
    let path: String

    init?() {
      path = NSTemporaryDirectory() + "casebook-disk-\(UUID().uuidString.prefix(8))"
      try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      guard Self.sh("mount -t tmpfs -o size=64k,mode=0700 casebook-test '\(path)'") == 0 else {
        print("skipping: this machine does not allow mounting a tmpfs (needs root)")
        try? FileManager.default.removeItem(atPath: path)
        return nil
      }
    }

    deinit {
      _ = Self.sh("umount '\(path)'")
      try? FileManager.default.removeItem(atPath: path)
    }

    @discardableResult
    static func sh(_ command: String) -> Int32 {
      system("\(command) >/dev/null 2>&1")
    }

    func fill() { Self.sh("dd if=/dev/zero of='\(path)/filler' bs=1k count=1000") }
    func free() { Self.sh("rm -f '\(path)/filler'") }
    func setReadOnly(_ readOnly: Bool) { Self.sh("mount -o remount,\(readOnly ? "ro" : "rw") '\(path)'") }
  }

  static let canMount: Bool = SmallDisk() != nil

  @Test(.enabled(if: canMount)) func `a full disk is one clear line, the entry waits in memory, and :save writes it`() throws {
    let disk = try #require(SmallDisk())
    var casebook = CasebookProcess()
    casebook.environment["CASEBOOK_HOME"] = disk.path + "/home"
    let (process, input, output, collector, errors) = try casebook.startWithErrors(["run", fixture("small.yaml"), "--client", "Kim"])
    defer {
      output.fileHandleForReading.readabilityHandler = nil
      if process.isRunning { process.terminate() }
    }
    #expect(collector.waitFor("Did you reach them?"))
    input.fileHandleForWriting.write(Data("no\n".utf8))
    #expect(collector.waitFor("How long will you wait?"))
    let journal = "\(disk.path)/home/cases/2026-11-24-small-kim/\(CaseJournal.fileName)"
    let before = try #require(FileManager.default.contents(atPath: journal))

    // tmpfs grows a file a page at a time: notes are added until one needs a page there is not.
    disk.fill()
    let note = ":note " + String(repeating: "x", count: 1000) + "\n"
    var notesSent = 0
    while notesSent < 8 && !errors.text.contains("No space left on device") {
      input.fileHandleForWriting.write(Data(note.utf8))
      notesSent += 1
      _ = errors.waitFor("No space left on device", seconds: 2)
    }
    #expect(errors.text.contains("could not save the answer to the case journal"), "stderr: \(errors.text)")
    #expect(errors.text.contains("No space left on device; free some disk space"))
    #expect(collector.waitFor("[unsaved] > "))
    // Nothing already on disk was damaged.
    #expect(FileManager.default.contents(atPath: journal)?.starts(with: before) == true)

    disk.free()
    input.fileHandleForWriting.write(Data(":save\n".utf8))
    #expect(collector.waitFor("Saved."))
    input.fileHandleForWriting.write(Data("15m\n2026-12-01 10:00\n".utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "stderr: \(errors.text)")
    let reading = try #require(JournalReading(path: journal))
    #expect(reading.answers == ["no", "15m", "2026-12-01 10:00"])
    #expect(reading.events.count { $0 == "noted" } == notesSent)
    #expect(!reading.droppedTail)
  }

  @Test(.enabled(if: canMount)) func `a read-only file system is one clear line and changes nothing`() throws {
    let disk = try #require(SmallDisk())
    var casebook = CasebookProcess()
    casebook.environment["CASEBOOK_HOME"] = disk.path + "/home"
    let first = try casebook.run(["run", fixture("small.yaml"), "--client", "Kim"], input: "no\n")
    #expect(first.status == 3)
    let journal = "\(disk.path)/home/cases/2026-11-24-small-kim/\(CaseJournal.fileName)"
    let before = try #require(FileManager.default.contents(atPath: journal))

    disk.setReadOnly(true)
    let refused = try casebook.run(["resume"], input: "15m\n")
    #expect(refused.status == 1)
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    #expect(refused.stderr.contains("Read-only file system; the file system is read-only"))
    let fresh = try casebook.run(["run", fixture("small.yaml")], input: "no\n")
    #expect(fresh.status == 1)
    #expect(fresh.stderr.contains("Read-only file system"))
    #expect(FileManager.default.contents(atPath: journal) == before)

    disk.setReadOnly(false)
    let resumed = try casebook.run(["resume"], input: "15m\n2026-12-01 10:00\n")
    #expect(resumed.status == 0, "\(resumed.stderr)")
    #expect(JournalReading(path: journal)?.answers == ["no", "15m", "2026-12-01 10:00"])
  }

  @Test(.enabled(if: canMount)) func `a full disk at the last answer says what is kept and what to run, not try again`() throws {
    let disk = try #require(SmallDisk())
    var casebook = CasebookProcess()
    casebook.environment["CASEBOOK_HOME"] = disk.path + "/home"
    let (process, input, output, collector, errors) = try casebook.startWithErrors(["run", fixture("small.yaml"), "--client", "Kim"])
    defer { output.fileHandleForReading.readabilityHandler = nil }
    #expect(collector.waitFor("Did you reach them?"))
    input.fileHandleForWriting.write(Data("no\n15m\n".utf8))
    #expect(collector.waitFor("When is the new appointment?"))
    disk.fill()
    input.fileHandleForWriting.write(Data("2026-12-01 10:00\n".utf8))
    try input.fileHandleForWriting.close()
    process.waitUntilExit()
    #expect(process.terminationStatus == 1)
    #expect(errors.text.contains("No space left on device"), "\(errors.text)")
    #expect(!errors.text.contains("try again"), "\(errors.text)")
    #expect(
      errors.text.contains("write the record with: casebook cases rebuild 2026-11-24-small-kim")
        || errors.text.contains("go on with: casebook resume 2026-11-24-small-kim"), "\(errors.text)")

    disk.free()
    let listed = try casebook.run(["cases"])
    #expect(listed.stdout.contains("completed"), "\(listed.stdout)")
    let record = try JSONSerialization.jsonObject(
      with: Data(contentsOf: URL(fileURLWithPath: "\(disk.path)/home/cases/2026-11-24-small-kim/record.json"))) as? [String: Any]
    #expect(record?["status"] as? String == "completed")
  }
}
