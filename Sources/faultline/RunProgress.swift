import Experiments
import Foundation

/// The progress line `replication 7/20` on stderr, shown only when stderr is a terminal, and
/// the run's wall-clock time.
enum RunProgress {
    /// Runs `body` with a progress callback (nil when stderr is not a terminal) and times it.
    static func timed(
        replications: Int, _ body: ((@Sendable (Int) -> Void)?) -> ExperimentResults
    ) -> (results: ExperimentResults, seconds: Double) {
        let showing = isatty(STDERR_FILENO) == 1
        let clock = ContinuousClock()
        let started = clock.now
        let results = body(showing ? reporter(replications) : nil)
        if showing { show("") }
        return (results, (clock.now - started).seconds)
    }

    /// The callback that shows `replication done/total`.
    private static func reporter(_ total: Int) -> @Sendable (Int) -> Void {
        { (done: Int) in show("replication \(done)/\(total)") }
    }

    /// Rewrites the current stderr line.
    private static func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
}
