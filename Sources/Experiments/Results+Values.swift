import Scenario
import ServiceRules
import SimCore

// Results from given figures rather than from simulated replications: what report builders
// are tested on (fixed values, no simulation).

extension ComparisonResults {
    /// A comparison's results from its facts and variants.
    public init(baseName: String, seed: UInt64, replications: Int, period: PeriodKind, windowDays: Double,
                pairing: StreamPairing, variants: [VariantComparison]) {
        self.baseName = baseName
        self.seed = seed
        self.replications = replications
        self.period = period
        self.windowDays = windowDays
        self.pairing = pairing
        self.variants = variants
    }
}

extension VariantComparison {
    /// A variant's comparison from its metrics.
    public init(name: String, scenarioName: String, seed: UInt64, metrics: [MetricComparison]) {
        self.name = name
        self.scenarioName = scenarioName
        self.seed = seed
        self.metrics = metrics
    }
}

extension StaffCost {
    /// A staff cost from its roster lines, measured call-out lines and their summed cost per
    /// year (nil without call-outs); the total is the roster's plus that sum.
    public init(roster: StaffCostPlan, callouts: [Callout], calloutCostPerYear: Estimate?, isCosted: Bool = true) {
        self.roster = roster
        self.callouts = callouts
        totalPerYear = (calloutCostPerYear ?? Estimate([0])!).shifted(by: roster.totalPerYear)
        self.isCosted = isCosted
    }
}

extension StaffCost.Callout {
    /// A call-out line: `callouts.REGION`, its crew-hours per year and the crew-hour rate.
    public init(region: String, hoursPerYear: Estimate, ratePerHour: Double) {
        self.init(group: "callouts.\(region)", hoursPerYear: hoursPerYear, ratePerHour: ratePerHour)
    }
}

extension PricingCase {
    /// A case from its tiers and the staff cost no tier carries; every per-year line is
    /// `perYear[name]` (`installCrewHours`, `installDirect`, `installLoaded`, `unattributed`,
    /// `callOuts`, `accountManagers`, `staff`), zero when absent; `installReports` nil when absent.
    public init(faultFactor: Double, tiers: [TierPrice], all: TierPrice, perYear: [String: Estimate]) {
        let line = { (name: String) in perYear[name] ?? Estimate([0])! }
        self.faultFactor = faultFactor
        self.tiers = tiers
        self.all = all
        installCrewHoursPerYear = line("installCrewHours")
        installDirectPerYear = line("installDirect")
        installLoadedPerYear = line("installLoaded")
        unattributedPerYear = line("unattributed")
        callOutPerYear = line("callOuts")
        accountManagerPerYear = line("accountManagers")
        installReportPerYear = perYear["installReports"]
        staffPerYear = line("staff")
    }
}

extension TierPrice {
    /// A tier's prices from its fee and protection per circuit-month and its yearly loaded
    /// cost, claimed credits and direct cost in each replication (tickets and hours zero).
    public init(key: String, circuits: Int, fee: Double, protection: Double, loadedPerYear: [Double],
                creditsPerYear: [Double], directPerYear: [Double]) {
        let inventory = PricingPlan.TierInventory(key: key, circuits: circuits, feesPerMonth: fee * Double(circuits),
                                                  protectionPerMonth: protection * Double(circuits))
        self.init(inventory, loadedPerYear.indices.map { index in
            var year = TierYear()
            year.loaded = loadedPerYear[index]
            year.credits = creditsPerYear[index]
            year.direct = directPerYear[index]
            return year
        })
    }
}
