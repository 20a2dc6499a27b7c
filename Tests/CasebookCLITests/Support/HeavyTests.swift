import Foundation
import Testing

/// The heavy sweeps (a kill at every system call, every path typed through a pipe) run only when
/// `CASEBOOK_HEAVY_TESTS=1`, as CI's first run sets it; plain `swift test` stays quick.
enum HeavyTests {
  static let isEnabled = ProcessInfo.processInfo.environment["CASEBOOK_HEAVY_TESTS"] == "1"
  static let reason: Comment = "a heavy sweep: set CASEBOOK_HEAVY_TESTS=1 to run it"
}
