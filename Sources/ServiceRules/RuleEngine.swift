/// The rule engine: judges tickets and circuits by a catalogue (docs/rules-semantics.md).
///
/// One engine, one meaning: `faultline evaluate` runs it on a real ticket log and the simulator
/// on simulated tickets. A pure value; `evaluate` may run on any thread.
public struct RuleEngine: Sendable {
    /// The rules judged by.
    public let catalogue: RuleCatalogue
    /// Hot per-tier numbers, indexed like `catalogue.tiers`, then one more entry: the
    /// `untiered` row (``untieredIndex``), which judges no availability, repeat or credit.
    let tierRules: [TierRules]
    let tierKeys: [String]
    let tierCredits: [CreditSchedule]
    let calendars: [BusinessCalendar]
    let fallbackTierIndex: Int
    /// Index of the `untiered` row in the per-tier arrays (after every catalogue tier).
    let untieredIndex: Int

    /// Prepares per-tier lookups once, so evaluation works on array indices.
    public init(catalogue: RuleCatalogue) {
        self.catalogue = catalogue
        calendars = catalogue.calendars.isEmpty ? [.standard] : catalogue.calendars
        let calendarIndex = { (name: String) in catalogue.calendars.firstIndex { $0.name == name } ?? 0 }
        tierRules = catalogue.tiers.map { TierRules($0, calendarIndex: calendarIndex($0.calendar)) } + [.untiered]
        tierKeys = catalogue.tiers.map(\.key) + [RuleCatalogue.untiered]
        tierCredits = catalogue.tiers.map(\.credits) + [CreditSchedule(terms: [])]
        fallbackTierIndex = catalogue.tiers.firstIndex { $0.key == catalogue.fallbackTier } ?? 0
        untieredIndex = catalogue.tiers.count
    }

    /// How a circuit's tickets are judged: tier, restoration limit and where it came from;
    /// a rejection when its tier or product is unknown.
    func plan(for circuit: Circuit) -> Result<CircuitPlan, TicketRejection> {
        if let rejection = catalogue.validate(circuit) { return .failure(rejection) }
        return .success(resolvedPlan(for: circuit))
    }

    /// Resolves a circuit through the catalogue's limit lookup (`RuleCatalogue.limitLookup(for:)`).
    func resolvedPlan(for circuit: Circuit) -> CircuitPlan {
        let lookup = catalogue.limitLookup(for: circuit)
        let calendar = catalogue.calendars.firstIndex { $0.name == lookup.calendar } ?? 0
        var plan = CircuitPlan(tierIndex: lookup.tierIndex ?? untieredIndex, limit: lookup.limit,
                               calendar: calendar, source: lookup.source, engine: self)
        plan.feedbackDays = Int16(lookup.feedbackWorkingDays ?? 0)
        plan.pausesRestoration = lookup.pausesRestoration
        return plan
    }
}

extension Circuit {
    /// True when the fields a circuit's plan depends on (tier, product, customer grade and type,
    /// VPN flag: `RuleCatalogue.validate(_:)` and `limitLookup(for:)`) are equal for circuits `a`
    /// and `b`; compares in place, without copying either circuit.
    @inline(__always)
    static func samePlan(_ circuits: [Circuit], _ a: Int, _ b: Int) -> Bool {
        circuits[a].tier == circuits[b].tier && circuits[a].product == circuits[b].product
            && circuits[a].customerGrade == circuits[b].customerGrade && circuits[a].vpn == circuits[b].vpn
            && circuits[a].customerType == circuits[b].customerType
    }
}

/// A tier flattened for the evaluation loop: plain numbers only, so copies cost nothing.
struct TierRules: Sendable {
    let availabilityTarget: Double
    /// Repeat window in seconds, −1 when the tier has no repeat rule.
    let repeatWindow: Int64
    /// Working days for the fault report, 0 when not promised.
    let faultReportDays: Int
    let calendarIndex: Int
    let repeatShare: Double
    /// Sum of the restoration-overrun shares per started hour.
    let overrunShare: Double
    let hasDurationBands: Bool
    let paysCredits: Bool
    let expectedShare: Double
    /// False for the `untiered` row: its products promise no availability, so its circuits have
    /// no circuit-periods (no availability, repeat or credit).
    var judgesAvailability = true

    /// The `untiered` row: no availability, repeat rule, fault report or credit.
    static let untiered = TierRules()

    private init() {
        availabilityTarget = 0
        repeatWindow = -1
        faultReportDays = 0
        calendarIndex = 0
        repeatShare = 0
        overrunShare = 0
        hasDurationBands = false
        paysCredits = false
        expectedShare = 0
        judgesAvailability = false
    }

    init(_ tier: ServiceTier, calendarIndex: Int) {
        availabilityTarget = tier.availabilityTarget
        repeatWindow = tier.repeatWindowSeconds ?? -1
        faultReportDays = tier.faultReportWorkingDays ?? 0
        self.calendarIndex = calendarIndex
        repeatShare = tier.credits.repeatShare
        overrunShare = tier.credits.overrunSharePerStartedHour
        hasDurationBands = tier.credits.terms.contains {
            if case .outageDurationBands = $0 { return true }
            return false
        }
        paysCredits = tier.payment != .noCompensation
        expectedShare = tier.payment.expectedShare
    }
}

/// A circuit resolved for ticket checks: a few plain numbers, copied per ticket.
struct CircuitPlan: Sendable {
    /// Calendar seconds, or working seconds (days × working-day length) for working limits.
    var limitSeconds: Int64 = 0
    /// Index into the engine's per-tier arrays (`untieredIndex` for an untiered circuit).
    var tierIndex: Int32 = 0
    var calendarIndex: Int16 = 0
    /// Working days (of `calendarIndex`) for the first feedback; 0 when none is promised.
    var feedbackDays: Int16 = 0
    var limitSource = LimitSource.fallbackTier
    var limitIsWorking = false
    /// Whether suspended intervals stop the restoration clock.
    var pausesRestoration = false

    init() {}

    init(tierIndex: Int, limit: RestorationLimit, calendar: Int, source: LimitSource, engine: RuleEngine) {
        self.tierIndex = Int32(tierIndex)
        limitSource = source
        calendarIndex = Int16(calendar)
        switch limit {
        case .calendar(let seconds):
            limitSeconds = seconds
        case .workingDays(let days):
            limitIsWorking = true
            limitSeconds = Int64(days) * engine.calendars[calendar].workingDayLength
        }
    }

    var tier: Int { Int(tierIndex) }
    var calendar: Int { Int(calendarIndex) }
}
