import Benchmark
import ServiceRules
import TicketLog

/// The rule engine's regression benchmarks: 1,000,000 tickets on 100,000 circuits.
///
/// One iteration handles the whole million; the custom metrics `Tickets per second` and `Rows
/// per second` report the throughput as read by people (targets: evaluation ≥ 2,000,000
/// tickets/s, CSV ingest ≥ 500,000 rows/s). See Benchmarks/README.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark("Evaluate 1M tickets", configuration: configuration(.ticketsPerSecond)) { benchmark, workload in
        let engine = RuleEngine(catalogue: .builtIn)
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let started = clock.now
        let evaluation = engine.evaluate(circuits: workload.circuits, tickets: workload.tickets)
        let elapsed = clock.now - started
        benchmark.stopMeasurement()
        precondition(evaluation.tickets.count == workload.tickets.count, "every generated ticket is valid")
        benchmark.measurement(.ticketsPerSecond, perSecond(workload.tickets.count, elapsed))
        blackHole(evaluation)
    } setup: {
        TicketWorkload(circuits: 100_000, tickets: 1_000_000)
    }

    Benchmark("Ingest 1M-row CSV", configuration: configuration(.rowsPerSecond)) {
        (benchmark: Benchmark, input: IngestInput) throws in
        let reader = TicketLogReader(circuitIDs: input.circuitIDs)
        let clock = ContinuousClock()
        benchmark.startMeasurement()
        let started = clock.now
        let result = try reader.read(bytes: input.csv, path: "tickets.csv")
        let elapsed = clock.now - started
        benchmark.stopMeasurement()
        precondition(result.accepted == input.rows, "every generated row is valid")
        benchmark.measurement(.rowsPerSecond, perSecond(input.rows, elapsed))
        blackHole(result)
    } setup: {
        let workload = TicketWorkload(circuits: 100_000, tickets: 1_000_000)
        return IngestInput(csv: workload.ticketLogCSV(), circuitIDs: Set(workload.circuits.map(\.id)),
                           rows: workload.tickets.count)
    }
}

/// What the ingest benchmark reads: the CSV bytes, the inventory's circuit ids, the row count.
struct IngestInput {
    let csv: [UInt8]
    let circuitIDs: Set<String>
    let rows: Int
}

extension BenchmarkMetric {
    /// Evaluated tickets per second of wall-clock time (higher is better).
    static let ticketsPerSecond = BenchmarkMetric.custom("Tickets per second", polarity: .prefersLarger,
                                                         useScalingFactor: false)
    /// Parsed CSV rows per second of wall-clock time (higher is better).
    static let rowsPerSecond = BenchmarkMetric.custom("Rows per second", polarity: .prefersLarger,
                                                      useScalingFactor: false)
}

/// `count` per second of `elapsed`.
func perSecond(_ count: Int, _ elapsed: Duration) -> Int {
    let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18
    return Int(Double(count) / max(seconds, 1e-9))
}

/// The throughput metric, wall clock (ms), allocations and peak memory; ten iterations.
/// Thresholds for `baseline check`: a run may be up to 10 % worse at the median (15 % at p75)
/// than the baseline before it counts as a regression; a 2-core machine is noisy below that.
func configuration(_ throughput: BenchmarkMetric) -> Benchmark.Configuration {
    let tolerance = BenchmarkThresholds(relative: [.p50: 10, .p75: 15])
    return Benchmark.Configuration(
        metrics: [throughput, .wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .milliseconds,
        maxDuration: .seconds(20),
        maxIterations: 10,
        thresholds: [throughput: tolerance, .wallClock: tolerance, .mallocCountTotal: .init(relative: [.p50: 5])]
    )
}
