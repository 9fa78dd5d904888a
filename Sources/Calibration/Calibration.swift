import Fitting
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
    /// Detection, field work and confirmation.
    public let durations: [DurationFit]
    /// Circuits whose service lies wholly outside the window (no exposure).
    public let circuitsOutsideWindow: Int

    /// Calibrates from an inventory and a ticket log as `evaluate` reads them.
    /// - Throws: ``CalibrationError`` when the window is empty or holds no fault.
    public static func fit(circuits: [Circuit], tickets: [TicketRecord], catalogue: RuleCatalogue,
                           options: CalibrationOptions) throws(CalibrationError) -> Calibration {
        let window = try ObservationWindow(circuits: circuits, tickets: tickets)
        let inWindow = tickets.filter { window.contains($0.faultStart) }
        guard !inWindow.isEmpty else {
            throw .noTickets("no ticket's fault_start lies inside the log's window; nothing to fit")
        }
        let rates = try FaultRates(circuits: circuits, tickets: inWindow, window: window,
                                   by: options.dimensions, minimumEvents: options.minimumEvents)
        let samples = FittedStage.allCases.map { StageSample($0, tickets: inWindow, windowEnd: window.end) }
        let durations = samples.map {
            DurationFit(stage: $0, bootstrapSamples: options.bootstrapSamples, bootstrapLimit: options.bootstrapLimit,
                        seed: options.seed, threads: options.threads)
        }
        return Calibration(
            window: window, rates: rates, profile: ArrivalProfile(faultStarts: inWindow.map(\.faultStart), window: window),
            outageShares: OutageShare.byGrade(circuits: circuits, tickets: inWindow, catalogue: catalogue),
            durations: durations, circuitsOutsideWindow: circuits.filter { window.exposureYears(of: $0) == 0 }.count)
    }

    /// The fit of one stage.
    public func duration(_ stage: FittedStage) -> DurationFit? { durations.first { $0.stage == stage } }

    /// Whether any ticket in the window cut service.
    public var hasOutages: Bool { outageShares.contains { $0.outages > 0 } }
}
