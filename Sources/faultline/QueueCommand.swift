import ArgumentParser
import Reporting
import Foundation
import QueueModel
import QueueingTheory
import SimCore
import SimRandom

/// `faultline queue`: the multi-class M/G/c priority queue, for validation and benchmarking.
struct QueueCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "queue",
        abstract: "Simulate a multi-class M/M/c or M/G/c queue with non-preemptive priority.",
        discussion: """
            FaultLine's validation instrument and the kernel's benchmark. Arrivals are Poisson; \
            each belongs to class k with its share (class 0 is served first, FIFO within a \
            class). The run starts empty and stops when --customers have completed; statistics \
            cover exactly those customers. Times are in time units (rates per time unit).

            With --analytic each figure is printed beside its closed-form prediction: Erlang C \
            for the probability of waiting, Cobham's formula for each class's mean wait (exact \
            for exponential service or one server; an Allen–Cunneen approximation otherwise).

            Files: --json writes the estimates (keys in CHANGELOG.md; --omit-timing leaves the \
            wall-clock time out), --csv writes queue.csv, --html a one-page report.

            Exit codes: 0 done; 2 a bad option (named in a one-line message).

            Examples:
              faultline queue --servers 3 --arrival-rate 2.4 --analytic
              faultline queue --servers 3 --arrival-rate 2.4 \\
                --class-shares 0.25,0.375,0.375 --customers 1000000 \\
                --seed 7 --analytic --json out.json
              faultline queue --servers 10 --arrival-rate 8 \\
                --service "lognormal(mean: 1, sd: 0.5)"
            """
    )

    @Option(help: "Number of identical servers (≥ 1).")
    var servers: Int

    @Option(help: "Total arrival rate, customers per time unit (> 0).")
    var arrivalRate: Double

    @Option(help: "Mean of an exponential service time, in time units (default 1).")
    var serviceMean: Double?

    @Option(help: ArgumentHelp(
        "Service-time distribution instead of exponential, e.g. \"lognormal(mean: 1, sd: 0.5)\".",
        valueName: "distribution"))
    var service: String?

    @Option(help: ArgumentHelp(
        "Comma-separated share of each class, highest priority first; sums to 1.",
        valueName: "shares"))
    var classShares: String = "1"

    @Option(parsing: .unconditional, help: "Completions after which the run stops.",
            transform: wholeNumber("--customers", atLeast: 1))
    var customers: Int = 1_000_000

    @Option(parsing: .unconditional, help: "Master seed of the named random streams.",
            transform: wholeNumber("--seed", atLeast: UInt64(0)))
    var seed: UInt64 = 1

    @Option(help: ArgumentHelp("Random generator.", valueName: "kind"))
    var generator: GeneratorKind = .mt19937

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Independent replications (own random streams each); figures become means ± a 95 % confidence half-width.",
        valueName: "count"), transform: wholeNumber("--replications", atLeast: 1))
    var replications: Int = 1

    @Option(parsing: .unconditional, help: ArgumentHelp(
        "Threads running replications (default: one per core); results do not depend on it.",
        valueName: "count"), transform: wholeNumber("--threads", atLeast: 1))
    var threads: Int?

    @Flag(help: "Print the Erlang C / Cobham prediction beside each simulated figure.")
    var analytic = false

    @Flag(help: "Run even when utilisation ρ ≥ 1 (the queue then grows for the whole run).")
    var allowUnstable = false

    @OptionGroup var outputs: OutputOptions

    func validate() throws {
        if service != nil && serviceMean != nil { throw ValidationError("give either --service or --service-mean, not both") }
    }

    func run() throws {
        let configuration = try makeConfiguration()
        let threadCount = max(1, min(replications, threads ?? ProcessInfo.processInfo.activeProcessorCount))
        let timed = RunProgress.timed {
            Replications.run(replications, threads: threadCount) { r in
                var replication = configuration
                replication.replication = r
                var simulation = QueueSimulation(replication)
                return simulation.run()
            }
        }
        let report = QueueReport(
            configuration: configuration, estimates: QueueEstimates(timed.results),
            theory: analytic ? PriorityQueueTheory(configuration) : nil,
            timing: Timing(wallSeconds: timed.seconds, threads: threadCount)).report
        try outputs.write(report)
        print(TerminalRenderer.render(report))
    }

    /// Turns the options into a validated configuration, or a one-line error naming the option.
    func makeConfiguration() throws -> QueueConfiguration {
        let configuration = QueueConfiguration(
            servers: servers, arrivalRate: arrivalRate, service: try serviceDistribution(),
            classShares: try parseShares(), customers: customers, seed: seed, generator: generator)
        do {
            return try configuration.validated(allowUnstable: allowUnstable)
        } catch {
            throw UserError(error.description)
        }
    }

    private func serviceDistribution() throws -> Distribution {
        do {
            if let service { return try Distribution(parsing: service) }
            let mean = serviceMean ?? 1
            return try Distribution.exponential(mean: mean)
        } catch {
            throw UserError("\(service == nil ? "--service-mean" : "--service"): \(error)")
        }
    }

    private func parseShares() throws -> [Double] {
        try classShares.split(separator: ",", omittingEmptySubsequences: false).map { field in
            let text = field.trimmingCharacters(in: .whitespaces)
            guard let share = Double(text) else {
                throw UserError("--class-shares: «\(text)» is not a number (expected e.g. 0.25,0.375,0.375)")
            }
            return share
        }
    }
}

extension PriorityQueueTheory {
    /// The closed-form model of a queue configuration.
    init(_ configuration: QueueConfiguration) {
        let mean = configuration.service.mean
        self.init(
            arrivalRates: configuration.classArrivalRates, servers: configuration.servers,
            serviceMean: mean, serviceSCV: configuration.service.variance / (mean * mean))
    }
}

extension Duration {
    /// The duration in seconds, as a floating-point number.
    var seconds: Double {
        let (whole, attoseconds) = components
        return Double(whole) + Double(attoseconds) * 1e-18
    }
}
