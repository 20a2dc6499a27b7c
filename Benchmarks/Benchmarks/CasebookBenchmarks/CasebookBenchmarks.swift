import Benchmark
import CasebookKit
import Foundation
import Yams

#if canImport(Glibc)
  import Glibc
#endif

/// A playbook of `count` steps: a chain of questions, each with two answers, ending in one end.
func generatedPlaybook(steps count: Int) -> String {
  var yaml = "id: generated\ntitle: Generated playbook\nstart: step-0\nsteps:\n"
  for index in 0..<(count - 1) {
    let next = index + 1 == count - 1 ? "done" : "step-\(index + 1)"
    yaml += """
        - id: step-\(index)
          ask: Question number \(index), did the client answer?
          why: Each step says why it matters, as the bundled playbooks do.
          choices:
            - answer: yes
              label: They answered
              next: \(next)
            - answer: no
              next: \(next)

      """
  }
  yaml += "  - id: done\n    end: Write down what was decided.\n"
  return yaml
}

let benchmarks: @Sendable () -> Void = {
  Benchmark.defaultConfiguration = .init(
    metrics: [.wallClock, .instructions, .mallocCountTotal, .peakMemoryResident],
    maxDuration: .seconds(3), maxIterations: 1_000)

  for size in [100, 1_000, 10_000] {
    let data = Data(generatedPlaybook(steps: size).utf8)
    let text = String(decoding: data, as: UTF8.self)
    Benchmark("Load and check a \(size)-step playbook", configuration: .init(maxIterations: size >= 10_000 ? 10 : 100)) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(PlaybookLoader.load(data: data, file: "generated.yaml"))
      }
    }
    Benchmark("Yams compose (basic resolver) of the same \(size)-step file", configuration: .init(maxIterations: size >= 10_000 ? 10 : 100)) { benchmark in
      for _ in benchmark.scaledIterations {
        blackHole(try Yams.compose(yaml: text, .basic))
      }
    }
  }

  let small = Data(generatedPlaybook(steps: 10).utf8)
  if let playbook = PlaybookLoader.load(data: small, file: "small.yaml").playbook {
    let header = CaseHeader(
      playbook: "generated", title: "Generated", playbookFile: "/dev/null", playbookHash: "0", client: "Kim",
      mode: .live, started: Date(timeIntervalSince1970: 1_795_000_000))
    Benchmark("One engine step (an answer, then :back)") { benchmark in
      var engine = CaseEngine(playbook: playbook, header: header, timeZone: TimeZone(identifier: "UTC")!)
      _ = engine.begin()
      let now = Date(timeIntervalSince1970: 1_795_000_100)
      for _ in benchmark.scaledIterations {
        blackHole(engine.handle(.input("yes"), at: now))
        blackHole(engine.handle(.input(":back"), at: now))
      }
    }
  }

  let template = """
    Hi {{client}},

    I waited {{wait_limit}} for our appointment today{{#new_time}}; shall we meet on {{new_time}}{{/new_time}}?
    Reply with two times that suit you and I will confirm one.
    """
  let values = ["client": "Dana Ruiz", "wait_limit": "15m", "new_time": "2026-12-01 10:00"]
  Benchmark("Fill a draft template") { benchmark in
    for _ in benchmark.scaledIterations {
      blackHole(DraftRenderer.fill(template, with: values))
    }
  }

  // The journal's cost per answered step, against a bare write + fsync of the same bytes.
  let entry = JournalEntry.answered(step: "wait-limit", answer: "15m", at: Date(timeIntervalSince1970: 1_795_000_000))
  let line = (try? JournalCodec.encode(entry)) ?? []
  let folder = FileManager.default.currentDirectoryPath + "/.benchmark-scratch"
  try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
  Benchmark("Journal append with fsync (\(line.count) bytes)", configuration: .init(metrics: [.wallClock, .syscalls, .instructions])) { benchmark in
    let path = "\(folder)/journal-\(UUID().uuidString)"
    defer { unlink(path) }
    guard let journal = try? CaseJournal.create(at: path) else { return }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      try? journal.append(entry)
    }
    benchmark.stopMeasurement()
  }
  Benchmark("Bare write + fsync of the same bytes", configuration: .init(metrics: [.wallClock, .syscalls, .instructions])) { benchmark in
    let path = "\(folder)/bare-\(UUID().uuidString)"
    defer { unlink(path) }
    let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
    defer { close(descriptor) }
    benchmark.startMeasurement()
    for _ in benchmark.scaledIterations {
      _ = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
      _ = fsync(descriptor)
    }
    benchmark.stopMeasurement()
  }
}
