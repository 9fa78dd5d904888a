import RepairModel
import Scenario
import ServiceRules
import SimCore

/// What a run keeps of one replication: its groups' figures per breakdown and the staff, stage
/// and install statistics. Small, so many replications can be held and aggregated in order.
public struct ReplicationFigures: Sendable, Codable {
    /// The replication index.
    public var replication: Int
    /// Seconds observed (horizon − warm-up): the scale from the window to a year.
    public var windowSeconds: Int64
    /// Groups per breakdown, in a fixed order (tiers in catalogue order, other keys in
    /// inventory order); groups with neither circuits nor tickets are left out.
    public var groups: [Breakdown: [GroupFigures]]
    /// Utilisation of crews and agents.
    public var staff: StaffStatistics
    /// Minutes per workflow stage.
    public var stages: StageStatistics
    /// Minutes per workflow stage for each tier with tickets, in catalogue order.
    public var stagesByTier: [TierStages]
    /// Waits per pool of staff (``ReplicationOutcome/waits``); a run merges their histograms
    /// as each replication finishes and keeps the counts (see ``WaitTimes``).
    public var waits: [PoolWaits]
    /// Installation orders and their commitments.
    public var installs: InstallStatistics
    /// Fault and ticket counts.
    public var counts: TicketCounts
    /// Tickets per escalation level and tier, and their restoration checks.
    public var escalations: [EscalationCount]

    /// Judges an outcome with the rule engine and groups the results.
    /// - Parameter rulings: the outcome's circuits resolved once for all replications
    ///   (``ExpandedInventory/rulings``), used when they fit the outcome's rules.
    public init(
        _ outcome: ReplicationOutcome, period: PeriodKind, breakdowns: [Breakdown], claimRates: [String: Double],
        rulings: CircuitRulings? = nil
    ) {
        let evaluation = outcome.evaluate(period: period, rulings: rulings)
        replication = outcome.replication
        windowSeconds = outcome.window.upperBound.seconds - outcome.window.lowerBound.seconds
        staff = outcome.staff
        stages = outcome.stages
        installs = outcome.installs
        counts = outcome.counts
        escalations = EscalationCount.counts(outcome, evaluation)
        stagesByTier = TierStages.all(outcome, evaluation)
        waits = outcome.waits
        let grouper = FigureGrouper(outcome: outcome, evaluation: evaluation, claimRates: claimRates)
        groups = Dictionary(uniqueKeysWithValues: breakdowns.map { ($0, grouper.groups(by: $0)) })
    }
}

/// Splits one replication's evaluation into the groups of a breakdown.
struct FigureGrouper {
    let outcome: ReplicationOutcome
    let evaluation: Evaluation
    let claimRates: [String: Double]

    init(outcome: ReplicationOutcome, evaluation: Evaluation, claimRates: [String: Double]) {
        self.outcome = outcome
        self.evaluation = evaluation
        self.claimRates = claimRates
    }

    func groups(by breakdown: Breakdown) -> [GroupFigures] {
        breakdown == .tier ? tierGroups() : circuitGroups(breakdown)
    }

    /// Tiers straight from the engine's per-tier summary; the histogram from the tickets.
    private func tierGroups() -> [GroupFigures] {
        var groups = evaluation.byTier.filter { $0.tickets > 0 || $0.circuitPeriods > 0 }.map(figures)
        let position = Dictionary(uniqueKeysWithValues: groups.enumerated().map { ($1.key, $0) })
        for ticket in evaluation.tickets where ticket.outage && !ticket.excluded {
            guard let index = position[ticket.tier] else { continue }
            let record = outcome.tickets[ticket.index]
            guard record.openAsOf == nil else { continue }
            groups[index].restorationSeconds.record(max(0, record.repairedAt.seconds - record.reportedAt.seconds))
        }
        return groups
    }

    private func figures(_ summary: TierSummary) -> GroupFigures {
        var group = GroupFigures(key: summary.tier)
        group.tickets = summary.tickets
        group.outageTickets = summary.outageTickets
        group.openTickets = summary.openTickets
        group.pendingRestorations = summary.pendingRestorations
        group.dispatch = CheckCount(summary.dispatch)
        group.accept = CheckCount(summary.accept)
        group.restoration = CheckCount(summary.restoration)
        group.confirmation = CheckCount(summary.confirmation)
        group.faultReport = CheckCount(summary.faultReport)
        group.circuitPeriods = summary.circuitPeriods
        group.availabilityMet = summary.availabilityMet
        group.repeatViolations = summary.repeatViolations
        group.credits = summary.credits
        group.expectedCredits = summary.expectedCredits
        group.claimedCredits = summary.expectedCredits * claimRate(summary.tier)
        return group
    }

    /// Groups by a circuit attribute. Every simulated circuit lives through the whole window,
    /// so each is judged in the same number of periods; quiet circuit-periods meet their target.
    private func circuitGroups(_ breakdown: Breakdown) -> [GroupFigures] {
        let (keys, groupOfCircuit, circuitsPerGroup) = groupsOfCircuits(breakdown)
        var groups = keys.map(GroupFigures.init(key:))
        let periodsPerCircuit = outcome.circuits.isEmpty ? 0 : evaluation.totals.circuitPeriods / outcome.circuits.count
        for index in groups.indices {
            groups[index].circuitPeriods = circuitsPerGroup[index] * periodsPerCircuit
            groups[index].availabilityMet = groups[index].circuitPeriods
        }
        for ticket in evaluation.tickets {
            groups[groupOfCircuit[ticket.circuitIndex]].count(ticket, record: outcome.tickets[ticket.index])
        }
        for period in evaluation.circuitPeriods {
            groups[groupOfCircuit[period.circuitIndex]].count(period, claimRate: claimRate(period.tier))
        }
        return groups
    }

    /// The groups' keys in inventory order, each circuit's group and the circuits per group.
    /// Alike circuits come in runs, so a circuit with the previous circuit's key skips the
    /// dictionary.
    private func groupsOfCircuits(_ breakdown: Breakdown)
        -> (keys: [String], groupOfCircuit: [Int], circuitsPerGroup: [Int]) {
        var keys: [String] = []
        var position: [String: Int] = [:]
        var circuitsPerGroup: [Int] = []
        var groupOfCircuit: [Int] = []
        groupOfCircuit.reserveCapacity(outcome.circuits.count)
        var previous: (key: String, group: Int)?
        for circuit in outcome.circuits {
            let key = breakdown.key(of: circuit)
            let group: Int
            if let previous, previous.key == key {
                group = previous.group
            } else if let known = position[key] {
                group = known
            } else {
                group = keys.count
                position[key] = group
                keys.append(key)
                circuitsPerGroup.append(0)
            }
            circuitsPerGroup[group] += 1
            groupOfCircuit.append(group)
            previous = (key, group)
        }
        return (keys, groupOfCircuit, circuitsPerGroup)
    }

    /// The scenario's claim rate of a tier (1 when not listed, as the scenario format says).
    private func claimRate(_ tier: String) -> Double { claimRates[tier] ?? 1 }
}

/// One tier's stage times in one replication.
public struct TierStages: Sendable, Equatable, Codable {
    /// The tier the rule engine judged the tickets under.
    public var tier: String
    /// Minutes per stage over the tier's closed tickets.
    public var stages: StageStatistics

    /// Every class's stages added to its tier's (a class's tickets share one tier: the engine's
    /// tier of its first judged ticket), tiers in catalogue order.
    static func all(_ outcome: ReplicationOutcome, _ evaluation: Evaluation) -> [TierStages] {
        var tierOfClass: [Int: String] = [:]
        for ticket in evaluation.tickets where tierOfClass[outcome.details[ticket.index].inventoryClass] == nil {
            tierOfClass[outcome.details[ticket.index].inventoryClass] = ticket.tier
        }
        return evaluation.byTier.compactMap { summary in
            let classes = outcome.stagesByClass.indices.filter { tierOfClass[$0] == summary.tier }
            guard !classes.isEmpty else { return nil }
            var stages = StageStatistics()
            for index in classes { stages.merge(outcome.stagesByClass[index]) }
            return TierStages(tier: summary.tier, stages: stages)
        }
    }
}

extension CheckCount {
    /// The counts of the engine's tally.
    init(_ tally: CheckTally) {
        self.init()
        met = tally.met
        applicable = tally.applicable
    }
}
