import Foundation
import ServiceRules
import TicketLog

/// The throughput of judging a corpus (reading both files and the rule engine's evaluation),
/// against the floor its `bench.json` sets: `{"minimumTicketsPerSecond": N}`.
public struct CorpusBench: Sendable, Hashable {
    /// Tickets read per second of the best run.
    public var ticketsPerSecond: Double
    /// The floor from `bench.json`.
    public var floor: Double
    /// Runs timed.
    public var runs: Int

    /// True when the best run reached the floor.
    public var passed: Bool { ticketsPerSecond >= floor }

    /// Times `runs` judgements of `corpus` by `rules` and keeps the best.
    /// - Throws: `CorpusError` for a missing or malformed `bench.json`; `TicketLogError` when
    ///   a file cannot be read.
    public static func measure(_ corpus: RuleCorpus, rules: RuleVersions, runs: Int = 3) throws -> CorpusBench {
        let floor = try readFloor(corpus.benchPath)
        var best = Duration.seconds(Int64.max)
        var tickets = 0
        for _ in 0..<max(1, runs) {
            let clock = ContinuousClock()
            let start = clock.now
            tickets = try corpus.judge(by: rules).tickets.rowsRead
            best = min(best, clock.now - start)
        }
        let seconds = max(Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18, 1e-9)
        return CorpusBench(ticketsPerSecond: Double(tickets) / seconds, floor: floor, runs: max(1, runs))
    }

    /// The floor in `bench.json`.
    static func readFloor(_ path: String) throws(CorpusError) -> Double {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .malformedBench(file: path, problem: "missing: --bench needs {\"minimumTicketsPerSecond\": N} here")
        }
        let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        guard let floor = (object?["minimumTicketsPerSecond"] as? NSNumber)?.doubleValue, floor.isFinite, floor >= 0 else {
            throw .malformedBench(file: path, problem: "expected {\"minimumTicketsPerSecond\": N} with N ≥ 0")
        }
        return floor
    }
}
