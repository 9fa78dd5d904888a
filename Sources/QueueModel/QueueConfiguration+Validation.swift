/// Why a queue configuration cannot run. Each case names the option a user would fix.
public enum QueueConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case noServers(Int)
    case tooManyServers(Int)
    case badArrivalRate(Double)
    case noCustomers(Int)
    case runTooLong(timeUnits: Double)
    case emptyClassShares
    case tooManyClasses(Int)
    case badClassShare(index: Int, value: Double)
    case sharesDoNotSumToOne(sum: Double)
    case badServiceMean(Double)
    case negativeService(smallest: Double)
    case unstable(utilisation: Double)

    /// The command-line option the problem belongs to.
    public var option: String {
        switch self {
        case .noServers, .tooManyServers: "--servers"
        case .badArrivalRate: "--arrival-rate"
        case .noCustomers, .runTooLong: "--customers"
        case .emptyClassShares, .tooManyClasses, .badClassShare, .sharesDoNotSumToOne: "--class-shares"
        case .badServiceMean, .negativeService: "--service"
        case .unstable: "--arrival-rate"
        }
    }

    public var description: String {
        switch self {
        case .noServers(let n):
            "\(option) must be at least 1, got \(n)"
        case .tooManyServers(let n):
            "\(option) must be at most \(QueueLimits.servers.upperBound), got \(n)"
        case .badArrivalRate(let rate):
            "\(option) must be between \(plain(1 / QueueLimits.meanTime.upperBound)) and \(plain(1 / QueueLimits.meanTime.lowerBound)) "
                + "customers per time unit (a mean gap the clock can hold and resolve), got \(rate)"
        case .noCustomers(let n):
            "\(option) must be at least 1, got \(n)"
        case .runTooLong(let span):
            "\(option): the run would last about \(plain(span.rounded())) time units, more than the \(plain(QueueLimits.longestRun)) "
                + "the clock holds; lower --customers or raise --arrival-rate"
        case .emptyClassShares:
            "\(option) needs at least one share"
        case .tooManyClasses(let n):
            "\(option) may give at most \(QueueLimits.classes) classes, got \(n)"
        case .badServiceMean(let mean):
            "\(option): the mean service time must be between \(plain(QueueLimits.meanTime.lowerBound)) and "
                + "\(plain(QueueLimits.meanTime.upperBound)) time units (finite, and long enough for the clock's "
                + "millisecond ticks), got \(mean)"
        case .negativeService(let smallest):
            "\(option): service times must not be negative, but the distribution reaches \(smallest)"
        case .badClassShare(let index, let value):
            "\(option): share \(index + 1) must be a positive, finite fraction, got \(value)"
        case .sharesDoNotSumToOne(let sum):
            "\(option) must sum to 1, got \(sum)"
        case .unstable(let rho):
            "utilisation ρ = λ·E[S]/c = \(rho) ≥ 1: the queue grows without bound; "
                + "lower \(option), add --servers, or pass --allow-unstable"
        }
    }
}

/// What a queue run can hold. One time unit is 60 000 clock ticks of 1 ms (Int64), so a mean
/// gap or service below 0.001 units (60 ticks) would be rounded by more than 1 %, and a run must
/// end well inside the clock's range (≈ 1.5e11 units) even with the longest exponential gaps.
public enum QueueLimits {
    /// Mean interarrival and mean service times accepted, in time units.
    public static let meanTime = 0.001...1e9
    /// Expected length of a run, customers ÷ arrival rate, in time units.
    public static let longestRun = 1e10
    /// Servers accepted (Erlang C for `--analytic` sums over them).
    public static let servers = 1...100_000
    /// Priority classes accepted.
    public static let classes = 100
}

/// A bound or figure without a needless `.0` (`1000`, not `1000.0`).
private func plain(_ value: Double) -> String {
    value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
}

extension QueueConfiguration {
    /// Checks every parameter; an unstable queue (ρ ≥ 1) is refused unless `allowUnstable`.
    public func validated(allowUnstable: Bool = false) throws(QueueConfigurationError) -> Self {
        guard servers >= 1 else { throw .noServers(servers) }
        guard servers <= QueueLimits.servers.upperBound else { throw .tooManyServers(servers) }
        guard arrivalRate.isFinite, arrivalRate > 0, QueueLimits.meanTime.contains(1 / arrivalRate) else {
            throw .badArrivalRate(arrivalRate)
        }
        guard customers >= 1 else { throw .noCustomers(customers) }
        let span = Double(customers) / arrivalRate
        guard span <= QueueLimits.longestRun else { throw .runTooLong(timeUnits: span) }
        try validateService()
        try validateShares()
        if !allowUnstable && !(utilisation < 1) { throw .unstable(utilisation: utilisation) }
        return self
    }

    /// A service time must be non-negative, with a finite mean the clock can resolve (a mean of
    /// infinity, e.g. Pareto with shape ≤ 1, would let one customer hold a server for ever).
    private func validateService() throws(QueueConfigurationError) {
        guard service.smallestValue >= 0 else { throw .negativeService(smallest: service.smallestValue) }
        guard QueueLimits.meanTime.contains(service.mean) else { throw .badServiceMean(service.mean) }
    }

    private func validateShares() throws(QueueConfigurationError) {
        guard !classShares.isEmpty else { throw .emptyClassShares }
        guard classShares.count <= QueueLimits.classes else { throw .tooManyClasses(classShares.count) }
        for (index, share) in classShares.enumerated() where !(share.isFinite && share > 0) {
            throw .badClassShare(index: index, value: share)
        }
        let sum = classShares.reduce(0, +)
        guard abs(sum - 1) <= 1e-6 else { throw .sharesDoNotSumToOne(sum: sum) }
    }
}
