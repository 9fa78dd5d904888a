import Foundation

/// The threads to run `replications` replications on: `threads` when given, else one per core,
/// never more than there are replications and never fewer than one. Results never depend on it.
func replicationThreads(replications: Int, requested threads: Int?) -> Int {
    max(1, min(replications, threads ?? ProcessInfo.processInfo.activeProcessorCount))
}
