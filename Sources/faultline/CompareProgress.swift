import Experiments
import Foundation

/// The progress line `run 7/60` on stderr while `compare` runs (every replication of every
/// scenario counts as one run), shown only when stderr is a terminal, and the wall-clock time.
enum CompareProgress {
    /// Runs `body` with a progress callback (nil when stderr is not a terminal) and times it.
    static func timed(
        runs: Int, _ body: ((@Sendable (Int) -> Void)?) -> ComparisonResults
    ) -> (results: ComparisonResults, seconds: Double) {
        let showing = isatty(STDERR_FILENO) == 1
        let clock = ContinuousClock()
        let started = clock.now
        let results = body(showing ? reporter(runs) : nil)
        if showing { show("") }
        return (results, (clock.now - started).seconds)
    }

    /// The callback that shows `run done/total`.
    private static func reporter(_ total: Int) -> @Sendable (Int) -> Void {
        { (done: Int) in show("run \(done)/\(total)") }
    }

    /// Rewrites the current stderr line.
    private static func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
}
