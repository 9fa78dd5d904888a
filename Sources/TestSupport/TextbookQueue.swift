import Foundation

/// The M/M/c results the validation tests compare simulations with, derived here a second time
/// and independently of `QueueingTheory` (whose code the CLI prints), so that a mistake in the
/// project's formulas cannot hide behind a test that uses them as its oracle.
///
/// Derivations (Kleinrock, *Queueing Systems* vol. 1 §3.5; Cobham 1954):
/// - Erlang C, from the birth–death stationary distribution summed term by term:
///   `p_k ∝ a^k / k!` for k < c and `∝ a^c / c! · ρ^(k−c)` beyond, so
///   `P(wait) = (a^c / c! · 1/(1−ρ)) / (Σ_{k<c} a^k / k! + a^c / c! · 1/(1−ρ))`, `ρ = a / c`.
/// - FCFS mean wait `P(wait) / (cμ − λ)`.
/// - Non-preemptive priorities, one exponential service for all classes: the work found in
///   service is `P(wait) / (cμ)` on average, and class k waits
///   `W_k = P(wait) / (cμ) / ((1 − σ_{k−1})(1 − σ_k))`, `σ_k = Σ_{i≤k} λ_i / (cμ)`.
public struct TextbookQueue: Sendable {
    /// Arrival rate per class, highest priority first (per time unit).
    public let arrivalRates: [Double]
    /// Servers.
    public let servers: Int
    /// Service rate μ of one server (1 / mean service time).
    public let serviceRate: Double

    /// An M/M/c queue with classes; the load must be below 1.
    public init(arrivalRates: [Double], servers: Int, serviceMean: Double) {
        self.arrivalRates = arrivalRates
        self.servers = servers
        serviceRate = 1 / serviceMean
    }

    /// λ, all classes together.
    public var totalRate: Double { arrivalRates.reduce(0, +) }
    /// ρ = λ / (cμ).
    public var utilisation: Double { totalRate / (Double(servers) * serviceRate) }

    /// Erlang C: the probability an arrival waits.
    public var waitProbability: Double {
        let offered = totalRate / serviceRate
        var term = 1.0           // a^k / k!, from k = 0
        var belowC = 0.0
        for k in 0..<servers {
            belowC += term
            term *= offered / Double(k + 1)
        }
        let queued = term / (1 - utilisation)   // term is now a^c / c!
        return queued / (belowC + queued)
    }

    /// Mean wait over all classes (first come, first served gives the same mean).
    public var meanWait: Double { waitProbability / (Double(servers) * serviceRate - totalRate) }

    /// Cobham's mean wait of class `k` (0 = highest priority).
    public func meanWait(ofClass k: Int) -> Double {
        let capacity = Double(servers) * serviceRate
        let higher = arrivalRates[..<k].reduce(0, +) / capacity
        let withOwn = higher + arrivalRates[k] / capacity
        return waitProbability / capacity / ((1 - higher) * (1 - withOwn))
    }
}
