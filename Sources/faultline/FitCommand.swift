import ArgumentParser
import Calibration
import Foundation
import Reporting
import Scenario
import ServiceRules
import TicketLog

/// `faultline fit`: a scenario calibrated from a ticket log, and the back-test (docs/fit.md).
struct FitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fit",
        abstract: "Fit a scenario to a ticket log (fault rates, profile, storms, durations) and back-test it.",
        discussion: """
            Reads the inventory and the ticket log exactly as `evaluate` does (same rejections, \
            same counts; the base scenario's rules), fits fault rates per class (exact Poisson \
            intervals, sparse classes pooled toward their product), the hour-of-week and month \
            profile, storms (only when the daily counts are over-dispersed), the outage share by \
            network grade and the durations of detection, field work and confirmation (maximum \
            likelihood over exponential, lognormal, gamma, Weibull, log-logistic and lognormal \
            mixtures; AIC; bootstrap goodness of fit; open tickets censored). --write-scenario \
            writes a scenario that extends --base (default: the built-in baseline, written \
            beside it as baseline.yaml) with a comment on every fitted value. --backtest \
            simulates that scenario over the log's window and sets each per-tier figure of \
            `evaluate` against the simulation's 95 % prediction interval. Method and mapping: \
            docs/fit.md.

            Exit codes: 0 fitted (and, with --backtest, every figure agrees); 1 some rows \
            rejected (listed) or some back-test figure disagrees (named, with the stage most \
            likely responsible); 2 a file cannot be read, the log cannot be fitted or an option \
            is bad (nothing is written).

            Examples:
              faultline fit --inventory examples/circuits.csv --tickets examples/tickets.csv
              faultline fit --inventory circuits.csv --tickets tickets.csv --base scenarios/baseline.yaml \\
                --write-scenario fitted.yaml --backtest --html fit.html
            """
    )

    @Option(help: ArgumentHelp("Inventory CSV, one circuit per row.", valueName: "circuits.csv"))
    var inventory: String

    @Option(help: ArgumentHelp("Ticket log CSV, one ticket per row.", valueName: "tickets.csv"))
    var tickets: String

    @Option(help: ArgumentHelp("The scenario the fitted one extends (staffing, rosters, rules; default: the built-in baseline).",
                               valueName: "scenario.yaml"))
    var base: String?

    @Option(help: ArgumentHelp("Write the fitted scenario to this file.", valueName: "fitted.yaml"))
    var writeScenario: String?

    @Option(help: ArgumentHelp("Circuit attributes that split fault rates into classes: product, tier, region, grade (default: product,tier).",
                               valueName: "list"),
            transform: classDimensions)
    var by: [ClassDimension] = [.product, .tier]

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Seed of the bootstrap and of the back-test's replications (default: 1 and the base's).", valueName: "seed"),
            transform: wholeNumber("--seed", atLeast: UInt64(0)))
    var seed: UInt64?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Bootstrap samples for the goodness-of-fit p-values (0 skips them; default: 199).", valueName: "count"),
            transform: wholeNumber("--bootstrap", atLeast: 0))
    var bootstrap = 199

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Threads for the bootstrap and the back-test (default: one per core); results do not depend on it.",
                               valueName: "count"),
            transform: wholeNumber("--threads", atLeast: 1))
    var threads: Int?

    @Flag(help: "Simulate the fitted scenario over the log's window and compare with the log.")
    var backtest = false

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Replications of the back-test (default: 40).", valueName: "count"),
            transform: wholeNumber("--replications", atLeast: 2))
    var replications = 40

    @OptionGroup var periodOptions: PeriodOptions

    @OptionGroup var outputs: OutputOptions

    func run() throws {
        let started = Date()
        let baseScenario = try base.map(loadScenarioFile) ?? Scenario.builtInBaseline
        let outcome: EvaluationOutcome
        do {
            outcome = try EvaluationOutcome.judge(inventoryPath: inventory, ticketsPath: tickets, catalogue: baseScenario.catalogue,
                                                  period: periodOptions.period)
        } catch {
            throw UserError(error.description)
        }
        let calibration = try fit(outcome, base: baseScenario)
        var files = ReportFiles()
        let place = try FittedScenarioPlace(base: base, output: writeScenario)
        let writer = ScenarioWriter(calibration: calibration, base: baseScenario, extendsPath: place.extendsPath,
                                    circuits: outcome.inventory.records, logName: (tickets as NSString).lastPathComponent)
        let text = writer.text()
        try place.add(text, to: &files)
        let check = backtest ? try runBacktest(text, place: place, observed: outcome.evaluation) : nil
        var report = FitReport(outcome: outcome, calibration: calibration, writer: writer, scenarioFile: writeScenario, backtest: check).report
        report.timing = Timing(wallSeconds: Date().timeIntervalSince(started), threads: replicationThreads(replications: 1_000, requested: threads))
        try outputs.add(report, to: &files)
        try files.write()
        print(TerminalRenderer.render(report))
        if !outcome.rejected.isEmpty || !(check?.disagreements.isEmpty ?? true) { throw ExitCode(1) }
    }

    private func fit(_ outcome: EvaluationOutcome, base: Scenario) throws -> Calibration {
        var options = CalibrationOptions()
        options.dimensions = by
        options.bootstrapSamples = bootstrap
        options.seed = seed ?? 1
        options.threads = threads
        do {
            return try Calibration.fit(circuits: outcome.inventory.records, tickets: outcome.tickets.records,
                                       base: base, options: options)
        } catch {
            throw UserError("\(tickets): \(error.description)")
        }
    }

    /// Reads the fitted text back through the scenario reader and simulates it.
    private func runBacktest(_ text: String, place: FittedScenarioPlace, observed: Evaluation) throws -> Backtest {
        var scenario = try place.resolve(text)
        if let seed { scenario.seed = seed }
        return Backtest.run(scenario: scenario, observed: observed, replications: replications,
                            period: periodOptions.period, threads: replicationThreads(replications: replications, requested: threads))
    }
}

/// `--by product,tier`: names from ``ClassDimension``, refused with the known ones.
@Sendable
func classDimensions(_ text: String) throws -> [ClassDimension] {
    let names = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
    var dimensions: [ClassDimension] = []
    for name in names {
        guard let dimension = ClassDimension(rawValue: name) else {
            throw ValidationError("unknown class attribute `\(name)`; expected a comma-separated list of product, tier, region, grade")
        }
        if !dimensions.contains(dimension) { dimensions.append(dimension) }
    }
    guard !dimensions.isEmpty else { throw ValidationError("expected at least one of product, tier, region, grade") }
    return dimensions
}
