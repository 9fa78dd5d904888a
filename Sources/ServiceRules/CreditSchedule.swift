/// A tier's service-credit schedule: a list of terms, summed per circuit-period, then capped.
/// All amounts are shares of the circuit's monthly fee (0.10 = 10 %).
public struct CreditSchedule: Hashable, Sendable {
    /// Terms, each one of the five shapes of docs/rules-semantics.md "Credits".
    public var terms: [CreditTerm]
    /// Cap per circuit-period as a share of the monthly fee (default 1.0 = 100 %).
    public var capShare: Double

    /// A schedule from terms and a cap.
    public init(terms: [CreditTerm], capShare: Double = 1.0) {
        self.terms = terms
        self.capShare = capShare
    }

    /// Share of the fee owed for a period's availability and cumulative outage.
    public func periodShare(availability: Double, outageSeconds: Int64) -> Double {
        terms.reduce(0) { total, term in
            switch term {
            case .availabilityBands(let bands):
                return total + AvailabilityBand.share(for: availability, in: bands)
            case .perStartedHour(let share):
                return total + Double(startedHours(outageSeconds)) * share
            default:
                return total
            }
        }
    }

    /// Share of the fee owed for one outage ticket (duration bands and restoration overrun).
    public func ticketShare(outageSeconds: Int64, overrunSeconds: Int64) -> Double {
        terms.reduce(0) { total, term in
            switch term {
            case .outageDurationBands(let bands):
                return total + DurationBand.share(for: outageSeconds, in: bands)
            case .restorationOverrun(let share):
                return total + Double(startedHours(overrunSeconds)) * share
            default:
                return total
            }
        }
    }

    /// Share of the fee owed per started hour of restoration overrun (all overrun terms).
    public var overrunSharePerStartedHour: Double {
        terms.reduce(0) { total, term in
            if case .restorationOverrun(let share) = term { return total + share }
            return total
        }
    }

    /// Share of the fee owed per repeat-fault violation.
    public var repeatShare: Double {
        terms.reduce(0) { total, term in
            if case .repeatFault(let share) = term { return total + share }
            return total
        }
    }
}

/// Slack for comparing availability fractions, so that an availability exactly at an edge
/// (e.g. 43.2 min down in a 30-day month = 99.9 %) is not lost to rounding.
public let availabilityTolerance = 1e-12

/// Number of started hours in a duration (0 for none, 1 for 1 s … 3600 s).
@inlinable func startedHours(_ seconds: Int64) -> Int64 {
    seconds <= 0 ? 0 : (seconds + 3599) / 3600
}

/// One term of a credit schedule.
public enum CreditTerm: Hashable, Sendable {
    /// Availability in a band → share of the fee (the lowest band reached counts).
    case availabilityBands([AvailabilityBand])
    /// Per outage ticket, its duration's band → share of the fee.
    case outageDurationBands([DurationBand])
    /// Per started hour of cumulative outage in the period → share of the fee.
    case perStartedHour(share: Double)
    /// Per outage ticket that missed its restoration limit, per started hour of overrun → share.
    case restorationOverrun(sharePerStartedHour: Double)
    /// Per repeat-fault violation → share of the fee.
    case repeatFault(share: Double)
}

/// Availability band `[from, below)` (fractions) → share of the fee.
public struct AvailabilityBand: Hashable, Sendable {
    /// Lowest availability of the band (inclusive).
    public var from: Double
    /// Availability the band starts below (exclusive upper edge).
    public var below: Double
    /// Share of the monthly fee credited.
    public var share: Double

    /// A band; bands of a term must be contiguous.
    public init(from: Double, below: Double, share: Double) {
        self.from = from
        self.below = below
        self.share = share
    }

    /// Share for the band holding `availability` (0 when none does).
    public static func share(for availability: Double, in bands: [AvailabilityBand]) -> Double {
        var result = 0.0, lowestEdge = Double.infinity
        for band in bands where availability < band.below - availabilityTolerance
            && availability >= band.from - availabilityTolerance {
            if band.below < lowestEdge { lowestEdge = band.below; result = band.share }
        }
        return result
    }

    /// Bands from "below X → share" pairs, highest edge first, each reaching down to the next.
    public static func descending(_ pairs: [(below: Double, share: Double)]) -> [AvailabilityBand] {
        pairs.enumerated().map { index, pair in
            let from = index + 1 < pairs.count ? pairs[index + 1].below : 0
            return AvailabilityBand(from: from, below: pair.below, share: pair.share)
        }
    }
}

/// Outage-duration band `[from, below)` in seconds (`below` nil = unbounded) → share of the fee.
public struct DurationBand: Hashable, Sendable {
    /// Shortest duration of the band (inclusive), seconds.
    public var fromSeconds: Int64
    /// Duration the band ends before (exclusive), seconds; nil for the open last band.
    public var belowSeconds: Int64?
    /// Share of the monthly fee credited per ticket in this band.
    public var share: Double

    /// A band; bands of a term must be contiguous.
    public init(fromSeconds: Int64, belowSeconds: Int64?, share: Double) {
        self.fromSeconds = fromSeconds
        self.belowSeconds = belowSeconds
        self.share = share
    }

    /// Share for the band holding `seconds` (0 when none does).
    public static func share(for seconds: Int64, in bands: [DurationBand]) -> Double {
        for band in bands where seconds >= band.fromSeconds && seconds < (band.belowSeconds ?? .max) {
            return band.share
        }
        return 0
    }
}
