import SimCore

/// A figure estimated from one or more replications: the mean over the replications and, from
/// two replications on, the half-width of its 95 % confidence interval (Student t).
public struct Estimate: Sendable, Equatable {
    /// Mean over the replications (the value itself for one replication).
    public var mean: Double
    /// Half-width of the 95 % confidence interval; nil for a single replication.
    public var halfWidth: Double?

    /// Estimates from one value per replication.
    public init(_ values: [Double]) {
        precondition(!values.isEmpty, "an estimate needs at least one replication")
        if values.count == 1 {
            mean = values[0]
            halfWidth = nil
        } else {
            let interval = ConfidenceInterval(replicationMeans: values, level: 0.95)
            mean = interval.mean
            halfWidth = interval.halfWidth
        }
    }

    /// True when `value` lies inside the confidence interval (nil for a single replication).
    public func contains(_ value: Double) -> Bool? {
        halfWidth.map { abs(value - mean) <= $0 }
    }
}

/// What one class (or all classes) experienced, estimated over the replications.
public struct ClassEstimates: Sendable, Equatable {
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
        meanWait = Estimate(runs.map(\.meanWait))
        pWait = Estimate(runs.map(\.pWait))
        meanSojourn = Estimate(runs.map(\.meanSojourn))
        waitP50 = Estimate(runs.map(\.waitP50))
        waitP90 = Estimate(runs.map(\.waitP90))
        waitP99 = Estimate(runs.map(\.waitP99))
    }
}

/// The results of independent replications of one queue, summarised per figure.
public struct QueueEstimates: Sendable, Equatable {
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
        utilisation = Estimate(runs.map(\.utilisation))
        meanInSystem = Estimate(runs.map(\.meanInSystem))
        observedArrivalRate = Estimate(runs.map(\.observedArrivalRate))
        simulatedTime = Estimate(runs.map(\.simulatedTime))
        littleLawGap = runs.map(\.littleLawGap).max()!
        events = runs.reduce(0) { $0 + $1.events }
    }
}
