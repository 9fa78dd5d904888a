import SimCore

/// What one class (or all classes together) experienced, over the customers that completed.
/// Times are in time units.
public struct ClassStatistics: Sendable, Equatable {
    /// Customers of this class that completed service.
    public var completed: Int
    /// Mean wait in queue before service started.
    public var meanWait: Double
    /// Fraction of customers whose wait was greater than zero.
    public var pWait: Double
    /// Mean time in the system (wait + service).
    public var meanSojourn: Double
    /// Median wait.
    public var waitP50: Double
    /// 90th percentile of the wait.
    public var waitP90: Double
    /// 99th percentile of the wait.
    public var waitP99: Double
}

/// The outcome of one run of the priority queue.
public struct QueueResult: Sendable, Equatable {
    /// All classes together.
    public var overall: ClassStatistics
    /// Each class, highest priority first.
    public var classes: [ClassStatistics]
    /// Time-average fraction of servers busy over the run.
    public var utilisation: Double
    /// Time-average number of customers in the system (waiting or in service), L.
    public var meanInSystem: Double
    /// Observed arrival rate over the run, arrivals per time unit.
    public var observedArrivalRate: Double
    /// Simulated time at the last completion, in time units.
    public var simulatedTime: Double
    /// Events the kernel processed.
    public var events: Int

    /// Little's law, L = λ·W, as the relative gap between L and λ̂·W (0 when it holds exactly).
    public var littleLawGap: Double {
        let predicted = observedArrivalRate * overall.meanSojourn
        return abs(meanInSystem - predicted) / max(predicted, 1e-12)
    }
}
