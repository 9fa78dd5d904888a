import Scenario
import ServiceRules
import SimCore
import SimRandom

/// The mutable state of one replication and its event loop. Handlers live in the
/// `ReplicationRun+*.swift` extensions, one concern each.
///
/// The run is a struct of about 3.3 KB and its handlers are `mutating`: a non-mutating helper
/// they call (a dispatch key, a new ticket, a ticket's record) receives a copy of the whole run
/// unless it is inlined, so the helpers on the per-fault path are `@inline(__always)`.
struct ReplicationRun {
    let scenario: Scenario
    let replication: Int
    let clock: WallClock
    let horizon: SimTime
    let warmupEnd: SimTime
    var simulation = Simulation<RepairEvent>(minimumCapacity: 4096)

    // Inventory and faults
    let classes: [ClassPlan]
    var faultSources: [FaultSource]
    /// Unrepaired faults per circuit and segment (index `circuit × 4 + segment`).
    var openFaults: [UInt8]
    var tickets = TicketStore()
    /// Takes each ticket of the window as it is read, when the run judges as it goes; nil to
    /// keep every ticket until the outcome (``outcome(inventory:)``).
    var logReader: ((TicketRecord, TicketDetail, Int32) -> Void)?
    /// What reading the tickets gathered so far; tickets before `log.read` were read.
    var log = LogReading()
    var installOrders: [InstallOrder] = []
    var counts = TicketCounts()

    // Staff
    var agents: AgentDesk
    var agentBands: BandedLevel
    /// Progress updates and fault reports of faults in the observed window.
    var agentWork = AgentWorkStatistics()
    var desks: [CrewDesk]
    /// Waits of the crews' tickets per region (scenario order), jobs asked in the window.
    var crewWaits: [PoolWaits]
    /// Waits of the agents' tasks per kind (`AgentTask.Kind` order), tasks asked in the window.
    var agentWaits: [PoolWaits]
    /// The remote-fix engineers; nil without the pool (remote fixes start at dispatch).
    var remoteDesk: RemoteDesk?
    /// Waits of remote-fix tickets for an engineer, tickets dispatched in the window.
    var remoteWaits = PoolWaits(pool: "remoteEngineers")
    /// On-call crews are called out for escalated tickets only (some level calls out).
    let onCallAnswersEscalationsOnly: Bool
    /// Duty-manager minutes of escalation notices, tickets whose fault started in the window.
    var dutyManagerMinutes = 0.0
    /// Monthly reports and outage notices in the window.
    var communication = CommunicationStatistics()
    /// Circuits that get a monthly report (the classes' circuits of `monthlyReport.tiers`).
    let monthlyReportCircuits: Int

    // Streams for everything but fault arrivals (those are per source)
    let streams: WorkflowStreams
    let travel: [Distribution]
    let installShares: [Double]
    /// The calendar's working hours: when installation orders arrive and crews start them.
    let workingHours: WorkingHoursClock

    /// - Parameter keepsTickets: false when settled tickets are read and dropped as the run goes
    ///   (``logReader``): no room is reserved for a year of them.
    init(scenario: Scenario, replication: Int, keepsTickets: Bool = true) {
        self.scenario = scenario
        self.replication = replication
        clock = WallClock(start: scenario.start)
        horizon = scenario.horizonTime
        warmupEnd = scenario.warmupEndTime
        streams = WorkflowStreams(scenario: scenario, replication: replication)
        classes = Self.classPlans(scenario)
        faultSources = FaultSource.sources(scenario: scenario, replication: replication,
                                           storms: streams.stormSchedule(scenario))
        openFaults = Array(repeating: 0, count: scenario.circuitCount * NetworkSegment.allCases.count)
        if keepsTickets { tickets.reserveCapacity(Self.ticketCapacity(scenario)) }
        agents = AgentDesk(capacity: scenario.monitoringCentre.roster.capacity(at: .zero))
        agentBands = BandedLevel(startMinuteOfWeek: scenario.startMinuteOfWeek)
        onCallAnswersEscalationsOnly = scenario.escalation.levels.contains(where: \.callsOut)
        desks = scenario.crews.map { CrewDesk(region: $0, startMinuteOfWeek: scenario.startMinuteOfWeek) }
        remoteDesk = scenario.remoteEngineers.map { RemoteDesk($0, startMinuteOfWeek: scenario.startMinuteOfWeek) }
        crewWaits = scenario.crews.map { PoolWaits(pool: "crews.\($0.region)") }
        agentWaits = AgentTask.Kind.all.map { PoolWaits(pool: "agents.\($0.poolName)") }
        travel = scenario.crews.map { scenario.travel[$0.region]! }
        installShares = Self.installShares(scenario, classes: classes)
        monthlyReportCircuits = classes.filter(\.getsMonthlyReport).reduce(0) { $0 + Int($1.circuits) }
        workingHours = WorkingHoursClock(calendar: scenario.calendar, start: scenario.start,
                                         days: Int(scenario.horizonMinutes / 1440) + 2)
    }

    /// Runs every event up to the horizon.
    mutating func execute() {
        start()
        while let event = simulation.step(through: horizon) {
            handle(event)
            if tickets.count >= log.nextRead { readSettledTickets() }
        }
    }

    private mutating func handle(_ event: RepairEvent) {
        switch event {
        case .fault(let source): faultOccurs(source: Int(source))
        case .detected(let ticket): detected(Int(ticket))
        case .agentFinished(let task): agentFinished(task)
        case .progressUpdateDue(let ticket): progressUpdateDue(Int(ticket))
        case .escalation(let ticket, let level): escalationReached(Int(ticket), level: Int(level))
        case .setOff(let ticket): setOff(Int(ticket))
        case .arrived(let ticket): arrived(Int(ticket))
        case .repaired(let ticket): repaired(Int(ticket))
        case .monthBegins: monthBegins()
        case .monthlyReportDue(let index): monthlyReportDue(Int(index))
        case .installOrdered: installOrdered()
        case .installDone(let order): installDone(Int(order))
        case .installReady(let order): installReady(Int(order))
        case .installReportDue(let order): installReportDue(Int(order))
        case .workingHoursBegin: workingHoursBegin()
        case .agentRoster: agentRosterChanges()
        case .remoteRoster: remoteRosterChanges()
        case .dutyRoster(let region): dutyRosterChanges(region: Int(region))
        case .onCallRoster(let region): onCallRosterChanges(region: Int(region))
        case .endOfWarmup: endWarmup()
        }
    }

    /// Schedules the first fault of every source, the first roster changes and installs.
    private mutating func start() {
        for source in faultSources.indices { scheduleNextFault(source: source) }
        if let change = scenario.monitoringCentre.roster.nextChange(after: .zero) {
            simulation.schedule(.agentRoster, at: change)
        }
        for region in desks.indices { startRosters(region: region) }
        scheduleRemoteRoster()
        agentBands.set(busy: 0, present: agents.capacity, at: .zero)
        scheduleNextInstall()
        scheduleWorkingHoursBegin()
        scheduleMonthBegins(after: .zero)
        if warmupEnd > .zero { simulation.schedule(.endOfWarmup, at: warmupEnd) }
    }

    private mutating func endWarmup() {
        agentBands.reset(at: simulation.now)
        remoteDesk?.bands.reset(at: simulation.now)
        for region in desks.indices {
            desks[region].bands.reset(at: simulation.now)
            desks[region].callouts.reset(at: simulation.now)
        }
    }

    /// Minutes (a distribution's unit) as a kernel duration, rounded to the millisecond; never negative.
    @inline(__always) static func duration(_ minutes: Double) -> SimDuration {
        SimDuration(drawnMinutes: minutes)
    }

    private static func classPlans(_ scenario: Scenario) -> [ClassPlan] {
        var first = 0
        return scenario.inventory.map { inventoryClass in
            let region = scenario.crews.firstIndex { $0.region == inventoryClass.region }!
            defer { first += inventoryClass.circuits }
            return ClassPlan(inventoryClass, firstCircuit: first, region: region, scenario: scenario)
        }
    }

    /// Room for the faults expected by the horizon, with a fifth to spare: the array never grows
    /// by copying (at city scale, a copy of hundreds of megabytes beside the original) unless
    /// a run has far more faults than its rates say. Pages never written are never resident.
    static func ticketCapacity(_ scenario: Scenario) -> Int {
        let expected = OfferedLoad(scenario).ticketsPerMinute(over: OfferedLoad.wholeWeek) { _, _ in 1 }
            * scenario.horizonMinutes
        guard expected.isFinite, expected < Double(Int32.max) else { return 0 }
        return Int(expected * 1.2) + 1024
    }

    /// Cumulative share of circuits by region, for spreading installation orders.
    private static func installShares(_ scenario: Scenario, classes: [ClassPlan]) -> [Double] {
        var perRegion = Array(repeating: 0.0, count: scenario.crews.count)
        for plan in classes { perRegion[Int(plan.region)] += Double(plan.circuits) }
        let total = perRegion.reduce(0, +)
        var running = 0.0
        return perRegion.map { running += $0 / total; return running }
    }
}
