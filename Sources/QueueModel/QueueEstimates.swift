import SimCore

/// What one class (or all classes) experienced, estimated over the replications.
public struct ClassEstimates: Sendable, Equatable, Encodable {
    /// Customers of this class that completed, over all replications.
    public var completed: Int
    public var meanWait: Estimate
    public var pWait: Estimate
    public var meanSojourn: Estimate
    public var waitP50: Estimate
    public var waitP90: Estimate
    public var waitP99: Estimate

    init(_ runs: [ClassStatistics]) {
        completed = runs.reduce(0) { $0 + $1.completed }
        meanWait = Estimate.of(runs.map(\.meanWait))
        pWait = Estimate.of(runs.map(\.pWait))
        meanSojourn = Estimate.of(runs.map(\.meanSojourn))
        waitP50 = Estimate.of(runs.map(\.waitP50))
        waitP90 = Estimate.of(runs.map(\.waitP90))
        waitP99 = Estimate.of(runs.map(\.waitP99))
    }
}

/// The results of independent replications of one queue, summarised per figure.
public struct QueueEstimates: Sendable, Equatable, Encodable {
    /// How many replications the figures summarise.
    public var replications: Int
    public var overall: ClassEstimates
    /// Each class, highest priority first.
    public var classes: [ClassEstimates]
    public var utilisation: Estimate
    public var meanInSystem: Estimate
    public var observedArrivalRate: Estimate
    public var simulatedTime: Estimate
    /// The largest Little's-law gap among the replications (each run must satisfy L = λ·W).
    public var littleLawGap: Double
    /// Events processed, over all replications.
    public var events: Int

    /// Summarises replication results (in replication order; at least one).
    public init(_ runs: [QueueResult]) {
        precondition(!runs.isEmpty, "at least one replication")
        replications = runs.count
        overall = ClassEstimates(runs.map(\.overall))
        classes = runs[0].classes.indices.map { k in ClassEstimates(runs.map { $0.classes[k] }) }
        utilisation = Estimate.of(runs.map(\.utilisation))
        meanInSystem = Estimate.of(runs.map(\.meanInSystem))
        observedArrivalRate = Estimate.of(runs.map(\.observedArrivalRate))
        simulatedTime = Estimate.of(runs.map(\.simulatedTime))
        littleLawGap = runs.map(\.littleLawGap).max()!
        events = runs.reduce(0) { $0 + $1.events }
    }
}

extension Estimate {
    /// The estimate of a figure that every replication has.
    static func of(_ values: [Double]) -> Estimate { Estimate(values)! }
}
