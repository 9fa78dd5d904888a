import Foundation

/// Closed-form (or, for general service, approximate) predictions for a multi-class queue with
/// Poisson arrivals, `c` identical servers, one service-time distribution shared by all classes,
/// and non-preemptive priority (class 0 first, FIFO within a class).
///
/// For exponential service the waits are exact: Erlang C for the probability of waiting and
/// Cobham's formula per class, `W_k = W₀ / ((1 − σ_{k−1})(1 − σ_k))` with `W₀ = C / (c·μ)` and
/// `σ_k = Σ_{i≤k} λ_i / (c·μ)`. For general service the Allen–Cunneen factor `(1 + cs²) / 2` scales
/// `W₀` (exact for c = 1, the Pollaczek–Khinchine case; an approximation for c > 1).
public struct PriorityQueueTheory: Sendable {
    /// Arrival rate of each class, highest priority first, per time unit.
    public let arrivalRates: [Double]
    /// Number of identical servers.
    public let servers: Int
    /// Mean service time, in time units.
    public let serviceMean: Double
    /// Squared coefficient of variation of the service time (1 for exponential).
    public let serviceSCV: Double

    /// Creates the model. Preconditions: at least one class, rates ≥ 0, servers ≥ 1, mean > 0.
    public init(arrivalRates: [Double], servers: Int, serviceMean: Double, serviceSCV: Double = 1) {
        precondition(!arrivalRates.isEmpty && arrivalRates.allSatisfy { $0 >= 0 })
        precondition(servers >= 1 && serviceMean > 0 && serviceSCV >= 0)
        self.arrivalRates = arrivalRates
        self.servers = servers
        self.serviceMean = serviceMean
        self.serviceSCV = serviceSCV
    }

    /// True when the predictions are exact (exponential service, or a single server).
    public var isExact: Bool { serviceSCV == 1 || servers == 1 }

    /// Total arrival rate λ.
    public var totalArrivalRate: Double { arrivalRates.reduce(0, +) }

    /// Offered load a = λ·E[S], in erlangs.
    public var offeredLoad: Double { totalArrivalRate * serviceMean }

    /// Server utilisation ρ = a / c.
    public var utilisation: Double { offeredLoad / Double(servers) }

    /// True when ρ < 1, so that waits are finite.
    public var isStable: Bool { utilisation < 1 }

    /// Probability that an arrival waits (Erlang C); the same for every class, by PASTA.
    public var waitProbability: Double {
        Erlang.waitProbability(servers: servers, offeredLoad: offeredLoad)
    }

    /// Mean residual work `W₀` an arrival must wait for before any server frees, scaled for the
    /// service variability.
    var residualWait: Double {
        let serviceRateAllServers = Double(servers) / serviceMean
        return waitProbability / serviceRateAllServers * (1 + serviceSCV) / 2
    }

    /// Mean wait in queue of class `k` (Cobham); infinite when the class is not stable.
    public func meanWait(ofClass k: Int) -> Double {
        let capacity = Double(servers) / serviceMean
        let higher = arrivalRates[..<k].reduce(0, +) / capacity
        let upToK = higher + arrivalRates[k] / capacity
        guard upToK < 1 else { return .infinity }
        return residualWait / ((1 - higher) * (1 - upToK))
    }

    /// Mean wait in queue over all classes, weighted by arrival rate.
    public var meanWait: Double {
        let total = totalArrivalRate
        guard total > 0 else { return 0 }
        return arrivalRates.indices.reduce(0) { $0 + arrivalRates[$1] * meanWait(ofClass: $1) } / total
    }

    /// Mean sojourn (wait + service) of class `k`.
    public func meanSojourn(ofClass k: Int) -> Double { meanWait(ofClass: k) + serviceMean }

    /// Mean sojourn over all classes.
    public var meanSojourn: Double { meanWait + serviceMean }

    /// Quantile `p` of the wait of a single-class M/M/c queue, from `P(W > t) = C·e^{−(cμ−λ)t}`.
    /// Nil when the answer is not closed-form here (several classes, or non-exponential service).
    public func waitQuantile(_ p: Double) -> Double? {
        guard arrivalRates.count == 1, serviceSCV == 1, isStable, p >= 0, p < 1 else { return nil }
        let tailProbability = 1 - p
        let c = waitProbability
        guard tailProbability < c else { return 0 }
        let decayRate = Double(servers) / serviceMean - totalArrivalRate
        return -log(tailProbability / c) / decayRate
    }
}
