import SimCore

/// What `faultline price` found: the prices at the scenario's fault rates and, for sensitivity,
/// at rates × (1 − s) and × (1 + s), each run with the same seed (common random numbers).
/// A plain value, so every renderer (terminal, JSON, CSV, HTML) reads the same figures.
public struct PricingResults: Sendable {
    /// The scenario's name.
    public var scenarioName: String
    /// The seed every case ran with.
    public var seed: UInt64
    /// Replications per case.
    public var replications: Int
    /// Days observed per replication (horizon − warm-up).
    public var windowDays: Double
    /// The relative change of fault rates in the sensitivity cases (0: none run).
    public var sensitivity: Double
    /// The scenario as it is.
    public var base: PricingCase
    /// Fault rates × (1 − s) and × (1 + s); empty when ``sensitivity`` is 0.
    public var sensitivityCases: [PricingCase]
}

/// The prices at one fault-rate factor.
public struct PricingCase: Sendable {
    /// The factor every fault rate was multiplied by (1 for the scenario as it is).
    public var faultFactor: Double
    /// One row per tier with circuits, in catalogue order.
    public var tiers: [TierPrice]
    /// Every circuit together (costs and credits summed, per circuit-month of all circuits).
    public var all: TierPrice
    /// Installs: crew-hours per year.
    public var installCrewHoursPerYear: Estimate
    /// Installs: direct cost per year.
    public var installDirectPerYear: Estimate
    /// Installs: their share of the crews' cost per year, with their progress reports' cost
    /// (excluded from every tier).
    public var installLoadedPerYear: Estimate
    /// Roster cost of staff groups with no work at all, per year (attributed to nobody).
    public var unattributedPerYear: Estimate
    /// Call-out work per year (on-call crews' ticket hours × the crew rate).
    public var callOutPerYear: Estimate
    /// Account managers' monthly-report hours per year × their rate.
    public var accountManagerPerYear: Estimate
    /// Account managers' installation progress-report hours per year × their rate (part of
    /// ``installLoadedPerYear``); nil when no replication had any.
    public var installReportPerYear: Estimate?
    /// Rosters + call-outs + account managers per year: what the loaded costs, installs and
    /// unattributed add up to.
    public var staffPerYear: Estimate
}

/// One tier's cost to serve, credits, protection and price, per circuit-month unless named
/// otherwise. Money figures are means across replications with a 95 % confidence interval.
public struct TierPrice: Sendable {
    /// The tier's key (`all` for every circuit).
    public var key: String
    /// Circuits judged under the tier.
    public var circuits: Int
    /// Today's monthly fee per circuit, weighted by circuits.
    public var fee: Double
    /// Logged tickets per year.
    public var ticketsPerYear: Estimate
    /// Crew-hours per year on the tier's tickets (call-outs included).
    public var crewHoursPerYear: Estimate
    /// Agent-hours per year of work (intake, confirmation, updates, reports) on the tier's tickets.
    public var agentHoursPerYear: Estimate
    /// Remote-fix engineer hours per year on the tier's tickets; nil without `remoteEngineers:`.
    public var remoteEngineerHoursPerYear: Estimate?
    /// Direct cost per circuit-month: the tier's own work hours × the hourly rates.
    public var directCost: Estimate
    /// Fully loaded cost to serve per circuit-month: the tier's share of the year's staff cost.
    public var loadedCost: Estimate
    /// Claimed credits per circuit-month (expected × claim rate): mean, p95, p99 across replications.
    public var credits: ExposureEstimate
    /// Protection cost per circuit-month (the scenario's `costs.protection` by network grade).
    public var protection: Double
    /// Break-even fee per circuit-month: loaded cost + credits + protection, per replication.
    public var breakEven: Estimate
    /// Today's fee − break-even, per circuit-month.
    public var margin: Estimate
    /// Margin / fee (nil when the fee is 0).
    public var marginShare: Estimate?
}

extension TierPrice {
    /// Aggregates one tier's replication values (yearly money, window counts) to per circuit-month.
    init(_ tier: PricingPlan.TierInventory, _ values: [TierYear], remoteEngineers: Bool = false) {
        let fee = tier.averageFee
        key = tier.key
        circuits = tier.circuits
        self.fee = fee
        protection = tier.protectionPerCircuitMonth
        let circuitMonthsPerYear = Double(max(1, tier.circuits)) * 12
        let estimate = { (value: (TierYear) -> Double) in Estimate(values.map(value))! }
        ticketsPerYear = estimate(\.tickets)
        crewHoursPerYear = estimate(\.crewHours)
        agentHoursPerYear = estimate(\.agentHours)
        remoteEngineerHoursPerYear = remoteEngineers ? estimate(\.remoteEngineerHours) : nil
        directCost = estimate { $0.direct / circuitMonthsPerYear }
        loadedCost = estimate { $0.loaded / circuitMonthsPerYear }
        credits = ExposureEstimate(values.map { $0.credits / circuitMonthsPerYear })
        let breakEvens = values.map { ($0.loaded + $0.credits) / circuitMonthsPerYear + tier.protectionPerCircuitMonth }
        breakEven = Estimate(breakEvens)!
        margin = Estimate(breakEvens.map { fee - $0 })!
        marginShare = fee > 0 ? Estimate(breakEvens.map { (fee - $0) / fee }) : nil
    }
}

/// One tier's figures of one replication, per year.
struct TierYear {
    var tickets = 0.0, crewHours = 0.0, agentHours = 0.0, remoteEngineerHours = 0.0
    var direct = 0.0, loaded = 0.0, credits = 0.0

    static func + (lhs: TierYear, rhs: TierYear) -> TierYear {
        TierYear(tickets: lhs.tickets + rhs.tickets, crewHours: lhs.crewHours + rhs.crewHours,
                 agentHours: lhs.agentHours + rhs.agentHours, remoteEngineerHours: lhs.remoteEngineerHours + rhs.remoteEngineerHours,
                 direct: lhs.direct + rhs.direct, loaded: lhs.loaded + rhs.loaded, credits: lhs.credits + rhs.credits)
    }
}

extension PricingCase {
    /// Aggregates the replications of one case (in replication order).
    init(faultFactor: Double, plan: PricingPlan, _ replications: [(figures: PricingFigures, costs: PricingCosts)]) {
        self.faultFactor = faultFactor
        let years = replications.map { Self.tierYears($0.figures, $0.costs) }
        let engineers = plan.hasRemoteEngineers
        tiers = plan.tiers.enumerated().map { index, tier in
            TierPrice(tier, years.map { $0[index] }, remoteEngineers: engineers)
        }
        let everything = PricingPlan.TierInventory(
            key: "all", circuits: plan.tiers.reduce(0) { $0 + $1.circuits },
            feesPerMonth: plan.tiers.reduce(0) { $0 + $1.feesPerMonth },
            protectionPerMonth: plan.tiers.reduce(0) { $0 + $1.protectionPerMonth })
        all = TierPrice(everything, years.map { $0.reduce(TierYear(), +) }, remoteEngineers: engineers)
        let estimate = { (value: ((figures: PricingFigures, costs: PricingCosts)) -> Double) in
            Estimate(replications.map(value))!
        }
        installCrewHoursPerYear = estimate { $0.figures.installHours.reduce(0, +) * $0.figures.yearsPerWindow }
        installDirectPerYear = estimate(\.costs.installDirectPerYear)
        installLoadedPerYear = estimate(\.costs.installLoadedPerYear)
        unattributedPerYear = estimate(\.costs.unattributedPerYear)
        callOutPerYear = estimate(\.costs.callOutPerYear)
        accountManagerPerYear = estimate(\.costs.accountManagerPerYear)
        installReportPerYear = replications.contains { $0.costs.installReportPerYear > 0 } ? estimate(\.costs.installReportPerYear) : nil
        staffPerYear = estimate(\.costs.staffPerYear)
    }

    /// One replication's per-tier yearly figures.
    private static func tierYears(_ figures: PricingFigures, _ costs: PricingCosts) -> [TierYear] {
        let years = figures.yearsPerWindow
        return figures.tickets.indices.map { tier in
            TierYear(tickets: Double(figures.tickets[tier]) * years, crewHours: figures.crewHours[tier].reduce(0, +) * years,
                     agentHours: figures.agentHours[tier] * years, remoteEngineerHours: figures.remoteEngineerHours[tier] * years,
                     direct: costs.directPerYear[tier],
                     loaded: costs.loadedPerYear[tier], credits: figures.claimedCredits[tier] * years)
        }
    }
}
