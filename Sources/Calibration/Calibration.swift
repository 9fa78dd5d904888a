import Fitting
import RepairModel
import Scenario
import ServiceRules

/// How `faultline fit` calibrates: class dimensions, minimums and the bootstrap.
public struct CalibrationOptions: Sendable {
    /// The dimensions splitting the inventory into rate classes (`--by`).
    public var dimensions: [ClassDimension] = [.product, .tier]
    /// Fewest faults a class needs to keep its own rate (`RatePooling.defaultMinimumEvents`).
    public var minimumEvents = RatePooling.defaultMinimumEvents
    /// Bootstrap samples B for the goodness-of-fit p-values; 0 skips them.
    public var bootstrapSamples = ParametricBootstrap.defaultSamples
    /// Samples above this size get no bootstrap: B refits of a million values cost minutes and
    /// every family is rejected at that size anyway (docs/fit.md, "Speed").
    public var bootstrapLimit = 20_000
    /// The bootstrap's master seed.
    public var seed: UInt64 = 1
    /// Threads for the bootstrap; nil for one per core.
    public var threads: Int?

    /// The defaults.
    public init() {}
}

/// Everything `faultline fit` reads off a ticket log: the window, fault rates, the arrival
/// profile, outage shares and the stage durations. A plain value; the scenario writer and the
/// report read it.
public struct Calibration: Sendable, Encodable {
    /// The log's window.
    public let window: ObservationWindow
    /// Fault rates per class and per product.
    public let rates: FaultRates
    /// Hour-of-week, month, dispersion, storms.
    public let profile: ArrivalProfile
    /// Outage share by network grade.
    public let outageShares: [OutageShare]
    /// Detection, on-site field work and confirmation.
    public let durations: [DurationFit]
    /// Remote fixes told apart from on-site work (``RemoteWork``).
    public let remoteWork: RemoteWork
    /// Circuits whose service lies wholly outside the window (no exposure).
    public let circuitsOutsideWindow: Int

    /// Calibrates from an inventory and a ticket log as `evaluate` reads them, with the base
    /// scenario's rules, agent roster (to find the confirmations that did not wait) and remote
    /// shares (to tell remote fixes from on-site work).
    /// - Throws: ``CalibrationError`` when the window is empty or holds no fault.
    public static func fit(circuits: [Circuit], tickets: [TicketRecord], base: Scenario,
                           options: CalibrationOptions) throws(CalibrationError) -> Calibration {
        let window = try ObservationWindow(circuits: circuits, tickets: tickets)
        let inWindow = tickets.indices.filter { window.contains(tickets[$0].faultStart) }
        guard !inWindow.isEmpty else {
            throw .noTickets("no ticket's fault_start lies inside the log's window; nothing to fit")
        }
        let logged = inWindow.map { tickets[$0] }
        let rates = try FaultRates(circuits: circuits, tickets: logged, window: window,
                                   by: options.dimensions, minimumEvents: options.minimumEvents)
        let fit = { (sample: StageSample) in
            DurationFit(stage: sample, bootstrapSamples: options.bootstrapSamples, bootstrapLimit: options.bootstrapLimit,
                        seed: options.seed, threads: options.threads)
        }
        let detection = fit(StageSample(.detection, tickets: logged, windowEnd: window.end))
        let confirmation = fit(confirmationSample(tickets, inWindow: inWindow, base: base, windowEnd: window.end))
        let fieldWork = logged.filter { $0.acceptedAt != nil }
        let remoteShare = RemoteWork.baseShare(base, products: rates.products)
        let onSite = RemoteWork.onSiteTickets(fieldWork, baseShare: remoteShare)
        let travel = baseTravel(circuits, base: base)
        let shortest = onSite.tickets.filter { ticket in
            FittedStage.fieldWork.minutes(ticket, windowEnd: window.end).map { $0 * 3 / 4 < travel(ticket) } ?? false
        }.count
        let onSiteFit = fit(StageSample(.fieldWork, tickets: onSite.tickets, windowEnd: window.end,
                                        selection: onSite.selection + "; less the base's mean travel of the ticket's region, "
                                            + "keeping at least a quarter of each value (\(shortest) kept a quarter)",
                                        less: travel))
        let remoteWork = RemoteWork(fieldWork: fieldWork, baseShare: remoteShare, onSite: onSite.tickets, windowEnd: window.end,
                                    options: options)
        return Calibration(
            window: window, rates: rates, profile: ArrivalProfile(faultStarts: logged.map(\.faultStart), window: window),
            outageShares: OutageShare.byGrade(circuits: circuits, tickets: logged, catalogue: base.catalogue),
            durations: [detection, onSiteFit, confirmation],
            remoteWork: remoteWork,
            circuitsOutsideWindow: circuits.filter { window.exposureYears(of: $0) == 0 }.count)
    }

    /// The base's mean travel, in minutes, to a ticket's circuit: its region's (a region without
    /// crews in the base takes the base's first region, as the fitted inventory does), 0 when
    /// the circuit has no region. The log's on-site field work includes travel; the written
    /// scenario keeps the base's travel (installations use it too), so the fitted work is net of it.
    private static func baseTravel(_ circuits: [Circuit], base: Scenario) -> (TicketRecord) -> Double {
        var minutes: [String: Double] = [:]
        for circuit in circuits {
            guard let region = circuit.region, let first = base.regions.first else { continue }
            minutes[circuit.id] = base.travel[base.regions.contains(region) ? region : first]?.mean ?? 0
        }
        return { minutes[$0.circuitID] ?? 0 }
    }

    /// The confirmations of the window's tickets that began with an agent free (``AgentOccupancy``
    /// over every ticket of the log, against the base's agent roster): pure service.
    private static func confirmationSample(_ tickets: [TicketRecord], inWindow: [Int], base: Scenario, windowEnd: WallTime) -> StageSample {
        let occupancy = AgentOccupancy(roster: base.monitoringCentre.roster, clock: WallClock(start: base.start))
        let free = occupancy.confirmationsStartedFree(tickets, logEnd: windowEnd)
        let requested = inWindow.filter { tickets[$0].openAsOf == nil }
        let selected = requested.filter(free.contains).map { tickets[$0] }
        return StageSample(.confirmation, tickets: selected, windowEnd: windowEnd,
                           selection: "of \(requested.count): the confirmations begun with an agent free, so no wait")
    }

    /// The fit of one stage.
    public func duration(_ stage: FittedStage) -> DurationFit? { durations.first { $0.stage == stage } }

    /// Whether any ticket in the window cut service.
    public var hasOutages: Bool { outageShares.contains { $0.outages > 0 } }
}
