import ServiceRules
import SimRandom

/// Fault arrivals: for each circuit and segment a non-homogeneous Poisson process with rate
/// `perCircuitYear / 525,600` per minute × the profile's factor × the storm multiplier.
public struct FaultModel: Sendable, Equatable {
    /// Rates by product key, for every product in the inventory (a `default` row already applied).
    public var rates: [String: SegmentRates]
    /// Hour-of-week and month factors (flat unless given).
    public var profile: RateProfile
    /// Storm episodes that multiply every fault rate; nil for none.
    public var storms: StormEpisodes?
}

/// Expected faults per circuit per 365-day year on each segment of a circuit's path.
public struct SegmentRates: Sendable, Hashable {
    /// Faults per circuit-year by segment; a segment not listed has rate 0.
    public var perCircuitYear: [NetworkSegment: Double]

    /// A rate table.
    public init(perCircuitYear: [NetworkSegment: Double]) {
        self.perCircuitYear = perCircuitYear
    }

    /// The rate on one segment (0 when not listed).
    public func rate(on segment: NetworkSegment) -> Double { perCircuitYear[segment] ?? 0 }

    /// The rate over all segments.
    public var total: Double { perCircuitYear.values.reduce(0, +) }
}
