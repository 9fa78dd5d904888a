import Fitting
import ServiceRules

/// A duration the log identifies, taken from two checkpoints of each ticket.
public enum FittedStage: String, CaseIterable, Sendable, Encodable {
    /// `reported_at − fault_start`: detection by proactive monitoring, the customer or the account manager.
    case detection
    /// `repaired_at − accepted_at` of on-site jobs: call-out, travel and work on site (remote
    /// fixes apart: ``RemoteWork``).
    case fieldWork
    /// `confirmed_at − repaired_at`: restoration confirmation at the monitoring centre.
    case confirmation

    /// The checkpoints the duration runs between, as the log names them.
    public var span: String {
        switch self {
        case .detection: "fault_start → reported_at"
        case .fieldWork: "accepted_at → repaired_at"
        case .confirmation: "repaired_at → confirmed_at"
        }
    }

    /// The sample in minutes: exact values, and censoring times for tickets the log's end cut off.
    ///
    /// A duration of 0 s (the log's resolution is whole seconds) is taken as half a second.
    /// `less` gives minutes to take off each ticket's value (the base's travel), never more than
    /// three quarters of it: a job quicker than the mean travel keeps a quarter of its length, so
    /// the few such values spread out instead of piling up at one floor value.
    func sample(_ tickets: [TicketRecord], windowEnd: WallTime,
                less: (TicketRecord) -> Double = { _ in 0 }) -> (exact: [Double], censored: [Double]) {
        var exact: [Double] = [], censored: [Double] = []
        for ticket in tickets {
            guard let (from, to, open) = checkpoints(ticket, windowEnd: windowEnd), to >= from else { continue }
            let seconds = max(0.5, Double(to.seconds - from.seconds))
            let minutes = max(seconds / 4, seconds - less(ticket) * 60) / 60
            if open { censored.append(minutes) } else { exact.append(minutes) }
        }
        return (exact, censored)
    }

    /// The ticket's duration in minutes when the log saw it end, else nil.
    func minutes(_ ticket: TicketRecord, windowEnd: WallTime) -> Double? {
        guard let (from, to, open) = checkpoints(ticket, windowEnd: windowEnd), to >= from, !open else { return nil }
        return max(0.5, Double(to.seconds - from.seconds)) / 60
    }

    /// The two checkpoints and whether the second one had not happened when the log ended.
    private func checkpoints(_ ticket: TicketRecord, windowEnd: WallTime) -> (WallTime, WallTime, Bool)? {
        let asOf = ticket.openAsOf
        switch self {
        case .detection:
            // A simulated log writes a fault not yet reported with `reported_at` at its end.
            return (ticket.faultStart, ticket.reportedAt, asOf != nil && ticket.reportedAt == asOf)
        case .fieldWork:
            guard let accepted = ticket.acceptedAt else { return nil }
            return (accepted, ticket.repairedAt, asOf != nil)
        case .confirmation:
            guard asOf == nil else { return nil }
            if let confirmed = ticket.confirmedAt { return (ticket.repairedAt, confirmed, false) }
            return ticket.repairedAt < windowEnd ? (ticket.repairedAt, windowEnd, true) : nil
        }
    }
}

/// One stage's fit: every candidate family by maximum likelihood, the choice, the law written
/// to the scenario, or why nothing was fitted.
public struct DurationFit: Sendable, Encodable {
    /// The stage.
    public let stage: FittedStage
    /// Uncensored observations.
    public let exact: Int
    /// Censored observations (tickets still open at the end of the log).
    public let censored: Int
    /// The comparison of the families (nil when nothing could be fitted).
    public let comparison: FitComparison?
    /// The fit written to the scenario: the chosen one, or the best the scenario format can
    /// express when the chosen one is log-logistic.
    public let written: DistributionFit?
    /// Why the stage is not fitted (the base scenario's value stays), or nil.
    public let fallback: String?
    /// Why goodness of fit was not computed, or nil.
    public let goodnessOfFitNote: String?
    /// The uncensored sample's shape, for the report's charts.
    public let shape: SampleShape
    /// Which tickets the sample takes, when not all of them (the ones that did not queue).
    public let selection: String?

    /// Fits the stage's sample from `tickets`.
    init(stage: StageSample, bootstrapSamples: Int, bootstrapLimit: Int, seed: UInt64, threads: Int?) {
        self.stage = stage.stage
        selection = stage.selection
        exact = stage.exact.count
        censored = stage.censored.count
        shape = SampleShape(sortedExact: stage.exact)
        let runBootstrap = bootstrapSamples > 0 && stage.exact.count <= bootstrapLimit && stage.censored.isEmpty
        goodnessOfFitNote = bootstrapSamples == 0 ? "not computed (--bootstrap 0)"
            : !stage.censored.isEmpty ? "not computed: the sample is censored (a Kaplan–Meier-based test would be needed)"
            : stage.exact.count > bootstrapLimit ? "not computed: \(stage.exact.count) values, above the bootstrap's limit of \(bootstrapLimit) (at that size any parametric family is rejected)"
            : nil
        do {
            let sample = try Observations(exact: stage.exact, censoredAbove: stage.censored)
            let comparison = try FitComparison.compare(sample, bootstrapSamples: runBootstrap ? bootstrapSamples : 0,
                                                        seed: seed, threads: threads)
            self.comparison = comparison
            written = Self.writable(comparison)
            fallback = written == nil ? "no fitted family can be written in the scenario format" : nil
        } catch {
            comparison = nil
            written = nil
            fallback = error.message
        }
    }

    /// The chosen fit if the scenario format can express it, else the writable candidate with the lowest AIC.
    static func writable(_ comparison: FitComparison) -> DistributionFit? {
        if comparison.chosen.family.isWritableToScenario, comparison.chosen.scenarioText != nil { return comparison.chosen }
        return comparison.candidates.first { $0.family.isWritableToScenario && $0.scenarioText != nil }
    }

    /// The runner-up: the best candidate other than the chosen one.
    public var runnerUp: DistributionFit? {
        comparison?.candidates.first { $0.family != comparison?.chosen.family }
    }
}

/// A stage's observations, gathered once.
struct StageSample {
    let stage: FittedStage
    let exact: [Double]
    let censored: [Double]
    /// Which tickets were taken, when not all.
    let selection: String?

    init(_ stage: FittedStage, tickets: [TicketRecord], windowEnd: WallTime, selection: String? = nil,
         less: (TicketRecord) -> Double = { _ in 0 }) {
        self.stage = stage
        self.selection = selection
        let sample = stage.sample(tickets, windowEnd: windowEnd, less: less)
        exact = sample.exact.sorted()
        censored = sample.censored
    }
}

/// A sample summarised for charts: a histogram up to its 99th percentile and its percentiles
/// 1…99 (the Q–Q plot's sample side). Uncensored values only.
public struct SampleShape: Sendable, Encodable {
    /// Bins of equal width from 0 to the 99th percentile (values above fall in no bin).
    public let bins: [Bin]
    /// Percentiles 1, 2, …, 99 of the exact values (empty without values).
    public let percentiles: [Double]

    /// One histogram bin: [lower, upper) and the density there (count ÷ (n × width)).
    public struct Bin: Sendable, Encodable {
        public let lower: Double, upper: Double, density: Double
    }

    /// Bins in a histogram.
    public static let binCount = 40

    init(sortedExact values: [Double]) {
        guard let last = values.last, last > 0 else { bins = []; percentiles = []; return }
        let quantile = { (p: Double) in values[min(values.count - 1, Int((p * Double(values.count - 1)).rounded()))] }
        percentiles = (1...99).map { quantile(Double($0) / 100) }
        let top = max(quantile(0.99), Double.leastNonzeroMagnitude), width = top / Double(Self.binCount)
        var counts = [Int](repeating: 0, count: Self.binCount)
        for value in values where value < top { counts[min(Self.binCount - 1, Int(value / width))] += 1 }
        let n = Double(values.count)
        bins = counts.enumerated().map { Bin(lower: Double($0) * width, upper: Double($0 + 1) * width, density: Double($1) / (n * width)) }
    }
}
