import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Collects a pipe's output as it arrives, for tests that answer questions as they appear.
final class OutputCollector: @unchecked Sendable {
  private let lock = NSLock()
  private var data = Data()

  init(_ pipe: Pipe) {
    pipe.fileHandleForReading.readabilityHandler = { [weak self] handle in
      let chunk = handle.availableData
      guard let self else { return }
      self.lock.withLock { self.data.append(chunk) }
    }
  }

  var text: String { lock.withLock { String(decoding: data, as: UTF8.self) } }

  /// Waits until the output contains `needle`, polling to a deadline.
  func waitFor(_ needle: String, seconds: Double = 20) -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
      if text.contains(needle) { return true }
      usleep(20_000)
    }
    return false
  }
}

extension CasebookProcess {
  /// Starts `casebook ARGS` with pipes that stay open, to answer as the questions appear.
  func start(_ arguments: [String]) throws -> (Process, Pipe, Pipe, OutputCollector) {
    let (process, input, output, collector, _) = try startWithErrors(arguments)
    return (process, input, output, collector)
  }

  /// Like ``start(_:)``, also collecting standard error.
  func startWithErrors(_ arguments: [String]) throws -> (Process, Pipe, Pipe, OutputCollector, OutputCollector) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.arguments = arguments
    process.environment = baseEnvironment()
    let input = Pipe()
    let output = Pipe()
    let errors = Pipe()
    process.standardInput = input
    process.standardOutput = output
    process.standardError = errors
    let collector = OutputCollector(output)
    let errorCollector = OutputCollector(errors)
    try process.run()
    return (process, input, output, collector, errorCollector)
  }
}
