import SimCore

/// One group's figures across replications.
public struct GroupResult: Sendable {
    /// The group's key.
    public var key: String
    /// Tickets per replication (over the window).
    public var tickets: Estimate
    /// Outage tickets per replication.
    public var outageTickets: Estimate
    /// Share of tickets meeting each checkpoint (mean of the replications' shares; nil when the
    /// check never applied).
    public var dispatch: Estimate?, accept: Estimate?, restoration: Estimate?, confirmation: Estimate?
    /// Share of tickets whose fault report was sent in time (tiers that promise one).
    public var faultReport: Estimate?
    /// Restoration time percentiles in minutes (calendar time, outage tickets of every
    /// replication, from the merged histogram); nil without outage tickets.
    public var restorationP50: Double?, restorationP90: Double?, restorationP99: Double?
    /// Restoration times in seconds (calendar time) of every replication's outage tickets, merged:
    /// the distribution the percentiles come from, for charts.
    public var restorationSeconds: Histogram
    /// Share of circuit-periods meeting the availability target.
    public var availabilityMet: Estimate?
    /// Repeat-fault violations per year.
    public var repeatViolationsPerYear: Estimate
    /// Credit liability per year.
    public var creditsPerYear: ExposureEstimate
    /// Expected credit per year (negotiable tiers × payProbability).
    public var expectedCreditsPerYear: ExposureEstimate
    /// Expected credit × claim rate per year: the penalty exposure to budget.
    public var claimedCreditsPerYear: ExposureEstimate

    /// Groups present in any replication, in order of first appearance (replication 0's first);
    /// `restorationSeconds` holds each group's restoration times merged over the replications.
    static func all(_ replications: [(groups: [GroupFigures], windowSeconds: Int64)],
                    restorationSeconds: [String: Histogram]) -> [GroupResult] {
        var keys: [String] = []
        for (groups, _) in replications { for group in groups where !keys.contains(group.key) { keys.append(group.key) } }
        return keys.map { key in
            GroupResult(key: key, replications.map { groups, window in
                (groups.first { $0.key == key } ?? GroupFigures(key: key), window)
            }, restorationSeconds: restorationSeconds[key] ?? Histogram(highestTrackableValue: 0))
        }
    }

    /// Aggregates one group's figures, one per replication, and its merged restoration times.
    init(key: String, _ figures: [(group: GroupFigures, windowSeconds: Int64)], restorationSeconds: Histogram) {
        self.key = key
        let groups = figures.map(\.group)
        tickets = Estimate(groups.map { Double($0.tickets) })!
        outageTickets = Estimate(groups.map { Double($0.outageTickets) })!
        dispatch = Estimate(groups.compactMap(\.dispatch.fraction))
        accept = Estimate(groups.compactMap(\.accept.fraction))
        restoration = Estimate(groups.compactMap(\.restoration.fraction))
        confirmation = Estimate(groups.compactMap(\.confirmation.fraction))
        faultReport = Estimate(groups.compactMap(\.faultReport.fraction))
        availabilityMet = Estimate(groups.compactMap { $0.circuitPeriods == 0 ? nil : Double($0.availabilityMet) / Double($0.circuitPeriods) })
        let years = figures.map { Double($0.windowSeconds) / ExperimentResults.secondsPerYear }
        let perYear = { (value: (GroupFigures) -> Double) in zip(groups, years).map { value($0) / $1 } }
        repeatViolationsPerYear = Estimate(perYear { Double($0.repeatViolations) })!
        creditsPerYear = ExposureEstimate(perYear(\.credits))
        expectedCreditsPerYear = ExposureEstimate(perYear(\.expectedCredits))
        claimedCreditsPerYear = ExposureEstimate(perYear(\.claimedCredits))
        self.restorationSeconds = restorationSeconds
        (restorationP50, restorationP90, restorationP99) = Self.percentiles(restorationSeconds)
    }

    /// p50, p90, p99 in minutes of the merged histogram.
    private static func percentiles(_ merged: Histogram) -> (Double?, Double?, Double?) {
        guard !merged.isEmpty else { return (nil, nil, nil) }
        let minutes = { (p: Double) in Double(merged.quantile(p)) / 60 }
        return (minutes(0.5), minutes(0.9), minutes(0.99))
    }
}
