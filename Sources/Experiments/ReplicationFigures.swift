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

    /// Judges an outcome (with its ticket records) by the batch rule engine and groups the results.
    /// - Parameter rulings: the outcome's circuits resolved once for all replications
    ///   (``ExpandedInventory/rulings``), used when they fit the outcome's rules.
    public init(
        _ outcome: ReplicationOutcome, period: PeriodKind, breakdowns: [Breakdown], claimRates: [String: Double],
        rulings: CircuitRulings? = nil
    ) {
        let evaluation = outcome.evaluate(period: period, rulings: rulings)
        var sink = FigureSink(circuits: outcome.circuits, breakdowns: breakdowns, claimRates: claimRates)
        for ticket in evaluation.tickets {
            sink.take(ticket, record: outcome.tickets[ticket.index], detail: outcome.details[ticket.index])
        }
        for period in evaluation.circuitPeriods { sink.take(period) }
        self.init(outcome, evaluation: evaluation, sink: sink)
    }

    /// The figures of an outcome whose judged tickets and circuit-periods went to `sink`, in
    /// the engine's order (as ``RepairSimulation/run(judgedBy:period:into:)`` hands them).
    init(_ outcome: ReplicationOutcome, evaluation: Evaluation, sink: FigureSink) {
        replication = outcome.replication
        windowSeconds = outcome.window.upperBound.seconds - outcome.window.lowerBound.seconds
        staff = outcome.staff
        stages = outcome.stages
        installs = outcome.installs
        counts = outcome.counts
        escalations = sink.escalations.counts(tierOrder: evaluation.byTier.map(\.tier))
        stagesByTier = TierStages.all(outcome, evaluation, tierOfClass: sink.tierOfClass)
        waits = outcome.waits
        groups = sink.groups(evaluation, circuits: outcome.circuits.count)
    }
}

/// Builds one replication's groups per breakdown from its judged tickets and circuit-periods,
/// one at a time: nothing per ticket is kept.
struct FigureSink: JudgedTicketSink {
    let breakdowns: [Breakdown]
    let claimRates: [String: Double]
    /// The circuits' groups of each breakdown but `.tier`, in `breakdowns` order.
    private var circuitGroups: [CircuitGroups]
    /// Restoration seconds per tier key, in order of the tiers' first restored ticket.
    private var restorations: [(tier: String, seconds: Histogram)] = []
    /// Tickets per escalation level and tier.
    private(set) var escalations = EscalationTally()
    /// The tier of each inventory class's first judged ticket (nil: none judged).
    private(set) var tierOfClass: [String?] = []

    init(circuits: [Circuit], breakdowns: [Breakdown], claimRates: [String: Double]) {
        self.breakdowns = breakdowns
        self.claimRates = claimRates
        circuitGroups = breakdowns.filter { $0 != .tier }.map { CircuitGroups(circuits, by: $0) }
    }

    mutating func take(_ ticket: TicketEvaluation?, record: TicketRecord, detail: TicketDetail) {
        guard let ticket else { return }
        if ticket.outage, !ticket.excluded, record.openAsOf == nil {
            recordRestoration(ticket.tier, seconds: max(0, record.repairedAt.seconds - record.reportedAt.seconds))
        }
        if detail.escalationLevels != 0 { escalations.count(ticket, levels: detail.escalationLevels) }
        if detail.inventoryClass >= tierOfClass.count {
            tierOfClass += Array(repeating: nil, count: detail.inventoryClass + 1 - tierOfClass.count)
        }
        if tierOfClass[detail.inventoryClass] == nil { tierOfClass[detail.inventoryClass] = ticket.tier }
        for index in circuitGroups.indices { circuitGroups[index].count(ticket, record: record) }
    }

    /// Circuit-periods count only in the breakdowns by circuit (product, region, …); tiers
    /// take theirs from the engine's summary.
    var takesCircuitPeriods: Bool { !circuitGroups.isEmpty }

    mutating func take(_ period: CircuitPeriodEvaluation) {
        guard !circuitGroups.isEmpty else { return }
        let rate = claimRate(period.tier)
        for index in circuitGroups.indices { circuitGroups[index].count(period, claimRate: rate) }
    }

    private mutating func recordRestoration(_ tier: String, seconds: Int64) {
        if let index = restorations.firstIndex(where: { $0.tier == tier }) {
            restorations[index].seconds.record(seconds)
        } else {
            var histogram = GroupFigures(key: tier).restorationSeconds
            histogram.record(seconds)
            restorations.append((tier, histogram))
        }
    }

    /// Groups per breakdown, once every ticket and circuit-period was taken.
    func groups(_ evaluation: Evaluation, circuits: Int) -> [Breakdown: [GroupFigures]] {
        let periodsPerCircuit = circuits == 0 ? 0 : evaluation.totals.circuitPeriods / circuits
        var others = circuitGroups.makeIterator()
        return Dictionary(uniqueKeysWithValues: breakdowns.map { breakdown in
            (breakdown, breakdown == .tier ? tierGroups(evaluation) : others.next()!.groups(periodsPerCircuit: periodsPerCircuit))
        })
    }

    /// Tiers straight from the engine's per-tier summary; the histogram from the tickets.
    private func tierGroups(_ evaluation: Evaluation) -> [GroupFigures] {
        evaluation.byTier.filter { $0.tickets > 0 || $0.circuitPeriods > 0 }.map { summary in
            var group = figures(summary)
            if let restored = restorations.first(where: { $0.tier == summary.tier }) { group.restorationSeconds = restored.seconds }
            return group
        }
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

    /// The scenario's claim rate of a tier (1 when not listed, as the scenario format says).
    private func claimRate(_ tier: String) -> Double { claimRates[tier] ?? 1 }
}

/// The groups of one circuit attribute (`--by`). Every simulated circuit lives through the
/// whole window, so each is judged in the same number of periods; quiet circuit-periods meet
/// their target.
struct CircuitGroups {
    private var figures: [GroupFigures]
    private var groupOfCircuit: [Int32] = []
    private var circuitsPerGroup: [Int] = []

    /// The groups' keys in inventory order. Alike circuits come in runs, so a circuit with the
    /// previous circuit's key skips the dictionary.
    init(_ circuits: [Circuit], by breakdown: Breakdown) {
        var keys: [String] = []
        var position: [String: Int] = [:]
        groupOfCircuit.reserveCapacity(circuits.count)
        var previous: (key: String, group: Int)?
        for circuit in circuits {
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
            groupOfCircuit.append(Int32(group))
            previous = (key, group)
        }
        figures = keys.map(GroupFigures.init(key:))
    }

    mutating func count(_ ticket: TicketEvaluation, record: TicketRecord) {
        figures[Int(groupOfCircuit[ticket.circuitIndex])].count(ticket, record: record)
    }

    mutating func count(_ period: CircuitPeriodEvaluation, claimRate: Double) {
        figures[Int(groupOfCircuit[period.circuitIndex])].count(period, claimRate: claimRate)
    }

    /// The groups with their circuit-periods: `periodsPerCircuit` for each circuit, met unless
    /// counted otherwise.
    func groups(periodsPerCircuit: Int) -> [GroupFigures] {
        figures.indices.map { index in
            var group = figures[index]
            group.circuitPeriods = circuitsPerGroup[index] * periodsPerCircuit
            group.availabilityMet += group.circuitPeriods
            return group
        }
    }
}

/// One tier's stage times in one replication.
public struct TierStages: Sendable, Equatable, Codable {
    /// The tier the rule engine judged the tickets under.
    public var tier: String
    /// Minutes per stage over the tier's closed tickets.
    public var stages: StageStatistics

    /// Every class's stages added to its tier's (a class's tickets share one tier: the engine's
    /// tier of its first judged ticket, `tierOfClass`), tiers in catalogue order.
    static func all(_ outcome: ReplicationOutcome, _ evaluation: Evaluation, tierOfClass: [String?]) -> [TierStages] {
        evaluation.byTier.compactMap { summary in
            let classes = outcome.stagesByClass.indices.filter { $0 < tierOfClass.count && tierOfClass[$0] == summary.tier }
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
