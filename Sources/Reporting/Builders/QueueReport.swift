import HTMLReport
import QueueModel
import QueueingTheory
import SimCore

/// The report of `faultline queue`: one row per class and one for all, each with the
/// closed-form prediction under it when asked for, and Little's law as a check.
public struct QueueReport: Sendable {
    /// The queue simulated.
    public var configuration: QueueConfiguration
    /// The estimates across replications.
    public var estimates: QueueEstimates
    /// The closed-form model, when `--analytic` asked for it.
    public var theory: PriorityQueueTheory?
    /// Wall-clock time and threads.
    public var timing: Timing

    /// The report's inputs.
    public init(configuration: QueueConfiguration, estimates: QueueEstimates, theory: PriorityQueueTheory?, timing: Timing) {
        self.configuration = configuration
        self.estimates = estimates
        self.theory = theory
        self.timing = timing
    }

    /// The report.
    public var report: Report {
        let classes = configuration.classShares.count
        return Report(
            command: "queue", title: "FaultLine queue · \(kind)/\(configuration.servers)",
            context: ["\(kind)/\(configuration.servers) non-preemptive priority", "\(classes) class\(classes == 1 ? "" : "es")",
                      "λ = \(String(format: "%g", configuration.arrivalRate)) per time unit", "service \(configuration.service)",
                      "ρ = \(NumberText.fixed(configuration.utilisation, 4))", "seed \(configuration.seed)",
                      "\(NumberText.grouped(Double(estimates.overall.completed))) customers completed",
                      "\(NumberText.grouped(Double(estimates.events))) events", plural(estimates.replications, "replication")],
            sections: [Section(id: "queue", title: "Waits per class", lead: "time units; class 0 is served first",
                               blocks: [.table(table), .text(littleText)])],
            notes: [.studentT] + (theory == nil ? [] : [.queueTheory]),
            document: QueueDocument(configuration: configuration, estimates: estimates, theory: theory.map(TheoryFigures.init)),
            timing: timing)
    }

    var kind: String {
        if case .exponential = configuration.service.parameters { return "M/M" }
        return "M/G"
    }

    var table: Table {
        var rows: [[Cell]] = []
        var emphasised: Set<Int> = []
        if estimates.classes.count > 1 {
            for (k, estimate) in estimates.classes.enumerated() {
                rows.append(simulatedRow("class \(k) (\(NumberText.percent(configuration.classShares[k])))", estimate))
                if let theory { rows.append(theoryRow(theory, classIndex: k, estimate)) }
            }
        }
        emphasised.insert(rows.count)
        rows.append(simulatedRow("all classes", estimates.overall))
        if let theory { rows.append(theoryRow(theory, classIndex: nil, estimates.overall)) }
        return Table(
            csvName: "queue",
            columns: [Column("", csv: "row"), Column("completed"), Column("mean wait", csv: "mean_wait"),
                      Column("P(wait)", csv: "p_wait"), Column("mean sojourn", csv: "mean_sojourn"),
                      Column("wait p50", csv: "wait_p50"), Column("wait p90", csv: "wait_p90"), Column("wait p99", csv: "wait_p99")],
            rows: rows, emphasisedRows: emphasised)
    }

    func simulatedRow(_ label: String, _ e: ClassEstimates) -> [Cell] {
        let cell = { (estimate: Estimate) in Cell.estimate(estimate, .timeUnits, of: estimates.replications) }
        return [.text(label), .count(e.completed), cell(e.meanWait), cell(e.pWait), cell(e.meanSojourn),
                .number(e.waitP50.mean, .timeUnits), .number(e.waitP90.mean, .timeUnits), .number(e.waitP99.mean, .timeUnits)]
    }

    func theoryRow(_ theory: PriorityQueueTheory, classIndex k: Int?, _ e: ClassEstimates) -> [Cell] {
        let wait = k.map { theory.meanWait(ofClass: $0) } ?? theory.meanWait
        let sojourn = k.map { theory.meanSojourn(ofClass: $0) } ?? theory.meanSojourn
        let quantile = { (p: Double) in (k == nil ? theory.waitQuantile(p) : nil).map { Cell.number($0, .timeUnits) } ?? .text("") }
        return [.text(theory.isExact ? "  Erlang C / Cobham" : "  approx. (Allen–Cunneen)"), .text(""),
                predicted(wait, e.meanWait), predicted(theory.waitProbability, e.pWait), predicted(sojourn, e.meanSojourn),
                quantile(0.5), quantile(0.9), quantile(0.99)]
    }

    /// A prediction, marked ✓ or ✗ by whether the simulated interval contains it.
    func predicted(_ value: Double, _ estimate: Estimate) -> Cell {
        let mark = estimate.contains(value).map { $0 ? " ✓" : " ✗" } ?? ""
        return .text((value.isFinite ? NumberText.fixed(value, Unit.timeUnits.decimals) : "∞") + mark)
    }

    var littleText: String {
        let utilisation = CellText.text(.estimate(estimates.utilisation, .ratio, of: estimates.replications))
        var text = "Utilisation \(utilisation)"
        if let theory { text += " (theory \(NumberText.fixed(theory.utilisation, 4)))" }
        let gap = "\(NumberText.fixed(estimates.littleLawGap * 100, 3)) %"
        guard estimates.replications == 1 else { return text + " · Little's law holds in every replication (largest gap \(gap))" }
        let predicted = estimates.observedArrivalRate.mean * estimates.overall.meanSojourn.mean
        return text + " · Little's law: L = \(NumberText.fixed(estimates.meanInSystem.mean, 4)) vs λ̂·W = "
            + "\(NumberText.fixed(predicted, 4)) (gap \(gap))"
    }
}

/// The closed-form predictions in the queue's JSON (`analytic`); an unstable class's infinite
/// wait is null.
struct TheoryFigures: Encodable, Sendable {
    var method: String
    var utilisation: Double?
    var pWait: Double?
    var meanWait: Double?
    var meanSojourn: Double?
    var classMeanWait: [Double?]
    var waitP50: Double?
    var waitP90: Double?
    var waitP99: Double?

    private enum Key: String, CodingKey {
        case method, utilisation, pWait, meanWait, meanSojourn, classMeanWait, waitP50, waitP90, waitP99
    }

    /// Every key written; a missing or infinite figure as null.
    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(method, forKey: .method)
        try container.encode(utilisation, forKey: .utilisation)
        try container.encode(pWait, forKey: .pWait)
        try container.encode(meanWait, forKey: .meanWait)
        try container.encode(meanSojourn, forKey: .meanSojourn)
        try container.encode(classMeanWait, forKey: .classMeanWait)
        try container.encode(waitP50, forKey: .waitP50)
        try container.encode(waitP90, forKey: .waitP90)
        try container.encode(waitP99, forKey: .waitP99)
    }

    init(_ theory: PriorityQueueTheory) {
        let finite = { (value: Double) in value.isFinite ? value : nil }
        method = theory.isExact ? "Erlang C / Cobham (exact)" : "Allen–Cunneen approximation"
        utilisation = finite(theory.utilisation)
        pWait = finite(theory.waitProbability)
        meanWait = finite(theory.meanWait)
        meanSojourn = finite(theory.meanSojourn)
        classMeanWait = theory.arrivalRates.indices.map { finite(theory.meanWait(ofClass: $0)) }
        waitP50 = theory.waitQuantile(0.5).flatMap(finite)
        waitP90 = theory.waitQuantile(0.9).flatMap(finite)
        waitP99 = theory.waitQuantile(0.99).flatMap(finite)
    }
}

/// The JSON document of `queue`: `model`, the estimates' own keys and `analytic`.
struct QueueDocument: Encodable, Sendable {
    var configuration: QueueConfiguration
    var estimates: QueueEstimates
    var theory: TheoryFigures?

    private enum Key: String, CodingKey { case model, analytic }
    private enum ModelKey: String, CodingKey { case servers, arrivalRate, service, classShares, customers, seed, generator }

    func encode(to encoder: any Encoder) throws {
        try estimates.encode(to: encoder)
        var container = encoder.container(keyedBy: Key.self)
        var model = container.nestedContainer(keyedBy: ModelKey.self, forKey: .model)
        try model.encode(configuration.servers, forKey: .servers)
        try model.encode(configuration.arrivalRate, forKey: .arrivalRate)
        try model.encode(configuration.service.description, forKey: .service)
        try model.encode(configuration.classShares, forKey: .classShares)
        try model.encode(configuration.customers, forKey: .customers)
        try model.encode(String(configuration.seed), forKey: .seed)
        try model.encode(configuration.generator.rawValue, forKey: .generator)
        try container.encodeIfPresent(theory, forKey: .analytic)
    }
}
