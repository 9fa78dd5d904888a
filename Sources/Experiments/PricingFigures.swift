import RepairModel
import Scenario
import ServiceRules
import SimCore

/// One replication's work and credits, per tier and region: what pricing is computed from.
/// Hours are over the observed window (horizon − warm-up), not yet scaled to a year.
public struct PricingFigures: Sendable, Codable {
    /// The replication index.
    public var replication: Int
    /// Seconds observed (horizon − warm-up).
    public var windowSeconds: Int64
    /// Per tier of the plan (same order): tickets in the log.
    public var tickets: [Int]
    /// Per tier, per region: crew-hours of the tier's logged tickets (acceptance to repair,
    /// call-out delay included for on-call crews).
    public var crewHours: [[Double]]
    /// Per region: the hours on-call crews were called out, as the model measured them (paid as
    /// crew hours on top of the standby allowance) — the same hours `StaffCost` counts.
    public var callOutHours: [Double]
    /// Per tier: agent-hours of work (intake, confirmation, updates, reports) on its logged tickets.
    public var agentHours: [Double]
    /// Per tier: remote-fix engineer hours on its logged tickets (acceptance to repair; all 0
    /// without `remoteEngineers:`).
    public var remoteEngineerHours: [Double]
    /// Per tier: credits customers are expected to claim over the window (expected × claim rate).
    public var claimedCredits: [Double]
    /// Per region: crew-hours on installation orders in the window.
    public var installHours: [Double]
    /// Per region: crew-hours in the window on tickets not in the log (see `RegionStaff`).
    public var unloggedTicketHours: [Double]
    /// Per region: busy crew-hours the model measured (time-weighted, over the window).
    public var busyCrewHours: [Double]
    /// Busy agent-hours the model measured over the window.
    public var busyAgentHours: Double
    /// Account-manager hours of monthly SLA circuit reports in the window (0 when agents write
    /// them, or there are none) — the hours `StaffCost` counts as `accountManagers.monthlyReports`.
    public var accountManagerHours: Double
    /// Installation progress reports in the window: account-manager hours (the hours `StaffCost`
    /// counts as `accountManagers.installReports`) and agent-hours (`by: agent`).
    public var installReportHours: InstallReportHours

    /// Splits an outcome's logged tickets by the plan's tiers; credits from the rule engine's
    /// per-tier figures (`ReplicationFigures`, tier breakdown).
    public init(_ outcome: ReplicationOutcome, credits: ReplicationFigures, plan: PricingPlan) {
        var work = TicketWork(plan: plan)
        for detail in outcome.details { work.add(detail) }
        self.init(outcome, work: work, credits: credits, plan: plan)
    }

    /// The figures of an outcome whose logged tickets were split into `work` as they were read.
    init(_ outcome: ReplicationOutcome, work: TicketWork, credits: ReplicationFigures, plan: PricingPlan) {
        replication = outcome.replication
        windowSeconds = credits.windowSeconds
        tickets = work.tickets
        crewHours = work.crewHours
        agentHours = work.agentHours
        remoteEngineerHours = work.remoteEngineerHours
        let groups = credits.groups[.tier] ?? []
        claimedCredits = plan.tiers.map { tier in groups.first { $0.key == tier.key }?.claimedCredits ?? 0 }
        installHours = outcome.staff.crews.map(\.installHours)
        callOutHours = outcome.staff.crews.map(\.calloutHours)
        unloggedTicketHours = outcome.staff.crews.map(\.unloggedTicketHours)
        busyCrewHours = outcome.staff.crews.map { $0.bands.busyHours.reduce(0, +) }
        busyAgentHours = outcome.staff.agents.busyHours.reduce(0, +)
        accountManagerHours = outcome.staff.communication.accountManagerHours
        installReportHours = InstallReportHours(outcome.staff.communication)
    }

    /// A year (365 days) over the window: the factor from window figures to yearly ones.
    public var yearsPerWindow: Double { ExperimentResults.secondsPerYear / Double(windowSeconds) }
}

/// One replication's installation progress reports: whose hours they took in the window.
public struct InstallReportHours: Sendable, Codable, Hashable {
    /// Account-manager hours of the reports due in the window (`by: accountManager`).
    public var accountManager: Double
    /// Agent-hours of the reports asked for in the window (`by: agent`).
    public var agent: Double

    /// The hours a replication's communication statistics counted.
    init(_ communication: CommunicationStatistics) {
        accountManager = communication.installReportAccountManagerHours
        agent = communication.installReportAgentHours
    }
}

/// The logged tickets and their crew, agent and remote-fix engineer hours per tier of a plan
/// (crews' per region too), added one ticket at a time in log order.
struct TicketWork {
    private let plan: PricingPlan
    private(set) var tickets: [Int]
    private(set) var crewHours: [[Double]]
    private(set) var agentHours: [Double]
    private(set) var remoteEngineerHours: [Double]

    init(plan: PricingPlan) {
        self.plan = plan
        tickets = Array(repeating: 0, count: plan.tiers.count)
        crewHours = Array(repeating: Array(repeating: 0, count: plan.regions.count), count: plan.tiers.count)
        agentHours = Array(repeating: 0, count: plan.tiers.count)
        remoteEngineerHours = Array(repeating: 0, count: plan.tiers.count)
    }

    mutating func add(_ detail: TicketDetail) {
        let tier = plan.tierOfClass[detail.inventoryClass], region = plan.regionOfClass[detail.inventoryClass]
        tickets[tier] += 1
        crewHours[tier][region] += detail.crewMinutes / 60
        agentHours[tier] += detail.agentMinutes / 60
        remoteEngineerHours[tier] += detail.remoteMinutes / 60
    }
}

/// What pricing a replication takes from its log as it is judged: the groups' figures and the
/// tickets' work.
struct PricingSink: JudgedTicketSink {
    var figures: FigureSink
    var work: TicketWork

    mutating func take(_ evaluation: TicketEvaluation?, record: TicketRecord, detail: TicketDetail) {
        figures.take(evaluation, record: record, detail: detail)
        work.add(detail)
    }

    mutating func take(_ period: CircuitPeriodEvaluation) { figures.take(period) }

    var takesCircuitPeriods: Bool { figures.takesCircuitPeriods }
}
