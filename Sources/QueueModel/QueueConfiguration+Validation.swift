/// Why a queue configuration cannot run. Each case names the option a user would fix.
public enum QueueConfigurationError: Error, Equatable, Sendable, CustomStringConvertible {
    case noServers(Int)
    case badArrivalRate(Double)
    case noCustomers(Int)
    case emptyClassShares
    case badClassShare(index: Int, value: Double)
    case sharesDoNotSumToOne(sum: Double)
    case unstable(utilisation: Double)

    /// The command-line option the problem belongs to.
    public var option: String {
        switch self {
        case .noServers: "--servers"
        case .badArrivalRate: "--arrival-rate"
        case .noCustomers: "--customers"
        case .emptyClassShares, .badClassShare, .sharesDoNotSumToOne: "--class-shares"
        case .unstable: "--arrival-rate"
        }
    }

    public var description: String {
        switch self {
        case .noServers(let n):
            "\(option) must be at least 1, got \(n)"
        case .badArrivalRate(let rate):
            "\(option) must be a positive, finite number of customers per time unit, got \(rate)"
        case .noCustomers(let n):
            "\(option) must be at least 1, got \(n)"
        case .emptyClassShares:
            "\(option) needs at least one share"
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

extension QueueConfiguration {
    /// Checks every parameter; an unstable queue (ρ ≥ 1) is refused unless `allowUnstable`.
    public func validated(allowUnstable: Bool = false) throws(QueueConfigurationError) -> Self {
        guard servers >= 1 else { throw .noServers(servers) }
        guard arrivalRate.isFinite, arrivalRate > 0 else { throw .badArrivalRate(arrivalRate) }
        guard customers >= 1 else { throw .noCustomers(customers) }
        try validateShares()
        if !allowUnstable && !(utilisation < 1) { throw .unstable(utilisation: utilisation) }
        return self
    }

    private func validateShares() throws(QueueConfigurationError) {
        guard !classShares.isEmpty else { throw .emptyClassShares }
        for (index, share) in classShares.enumerated() where !(share.isFinite && share > 0) {
            throw .badClassShare(index: index, value: share)
        }
        let sum = classShares.reduce(0, +)
        guard abs(sum - 1) <= 1e-6 else { throw .sharesDoNotSumToOne(sum: sum) }
    }
}
