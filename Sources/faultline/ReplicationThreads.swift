import Foundation

/// The threads to run `replications` replications on: `--threads` when given, else one per
/// core, never more than there are replications. Results never depend on it.
/// - Throws: `UserError` naming `--replications` or `--threads` when either is below 1.
func replicationThreads(replications: Int, requested threads: Int?) throws -> Int {
    guard replications >= 1 else { throw UserError("--replications must be at least 1, got \(replications)") }
    if let threads, threads < 1 { throw UserError("--threads must be at least 1, got \(threads)") }
    return min(replications, threads ?? ProcessInfo.processInfo.activeProcessorCount)
}
