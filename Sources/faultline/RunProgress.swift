import Foundation

/// The progress line on stderr (`replication 7/20`, `run 7/60`), shown only when stderr is a
/// terminal, and the wall-clock time of the work it follows.
enum RunProgress {
    /// Whether progress is shown: only when stderr is a terminal.
    static var showing: Bool { isatty(STDERR_FILENO) == 1 }

    /// Runs `body` with a callback showing `label done/total` (nil when stderr is not a
    /// terminal), clears the line afterwards, and times it.
    static func timed<Result>(
        _ label: String, total: Int, _ body: ((@Sendable (Int) -> Void)?) -> Result
    ) -> (results: Result, seconds: Double) {
        var progress: (@Sendable (Int) -> Void)?
        if showing { progress = { @Sendable done in show("\(label) \(done)/\(total)") } }
        return timed { body(progress) }
    }

    /// Runs `body`, clears the progress line when it was shown, and times it.
    static func timed<Result>(_ body: () throws -> Result) rethrows -> (results: Result, seconds: Double) {
        let clock = ContinuousClock()
        let started = clock.now
        defer { if showing { show("") } }
        let results = try body()
        return (results, (clock.now - started).seconds)
    }

    /// A callback showing each line it is given, or nil when stderr is not a terminal.
    static var lines: (@Sendable (String) -> Void)? {
        guard showing else { return nil }
        return { @Sendable line in show(line) }
    }

    /// Rewrites the current stderr line.
    static func show(_ text: String) {
        FileHandle.standardError.write(Data("\r\u{1B}[K\(text)".utf8))
    }
}
