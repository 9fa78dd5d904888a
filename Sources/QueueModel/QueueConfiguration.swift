import SimRandom

/// A multi-class M/G/c queue with non-preemptive priority: FaultLine's validation instrument and
/// the kernel's benchmark against other simulators.
///
/// Time is measured in abstract **time units**; the kernel represents one unit as one minute
/// (60,000 ticks of one millisecond), so rates are "per time unit" and service times are in
/// time units. Class 0 has the highest priority; within a class service is first come, first
/// served. The run starts empty and stops when `customers` customers have completed.
public struct QueueConfiguration: Sendable, Equatable {
    /// Number of identical servers, ≥ 1.
    public var servers: Int
    /// Total Poisson arrival rate, customers per time unit.
    public var arrivalRate: Double
    /// Service-time distribution, in time units, shared by all classes.
    public var service: Distribution
    /// Share of arrivals in each class, highest priority first; sums to 1.
    public var classShares: [Double]
    /// Completions after which the run stops; statistics cover exactly these customers.
    public var customers: Int
    /// Master seed of the named random streams.
    public var seed: UInt64
    /// Replication index (selects independent streams for the same seed).
    public var replication: Int
    /// The GSL generator behind every stream.
    public var generator: GeneratorKind

    /// Creates a configuration; call `validated()` before running one built from user input.
    public init(
        servers: Int, arrivalRate: Double, service: Distribution, classShares: [Double] = [1],
        customers: Int, seed: UInt64, replication: Int = 0, generator: GeneratorKind = .mt19937
    ) {
        self.servers = servers
        self.arrivalRate = arrivalRate
        self.service = service
        self.classShares = classShares
        self.customers = customers
        self.seed = seed
        self.replication = replication
        self.generator = generator
    }

    /// Offered load per server, ρ = λ·E[S] / c.
    public var utilisation: Double { arrivalRate * service.mean / Double(servers) }

    /// Arrival rate of each class, highest priority first.
    public var classArrivalRates: [Double] { classShares.map { $0 * arrivalRate } }
}
