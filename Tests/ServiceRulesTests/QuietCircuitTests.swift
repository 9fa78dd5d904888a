@testable import ServiceRules
import Testing

/// The shortcuts of large inventories give exactly what the general path gives: circuits
/// without tickets counted in bulk, circuit positions given by the caller instead of looked up,
/// and plans reused along runs of alike circuits.
@Suite struct QuietCircuitTests {
    static let tiers: [String?] = ["SLA-AAA", "SLA-AA", "SLA-A", "MQ-II", "QLC", nil, "BOGUS"]
    static let products = ["sdh", "mpls-vpn", "lan-dedicated", "xdsl", "ptt"]

    /// Runs of alike circuits (as simulated inventories come), a third of them living through
    /// only part of the year, and tickets on the first quarter of the circuits only (plus some
    /// on unknown ids), so most circuits are quiet.
    func generatedCase(seed: UInt64) -> (circuits: [Circuit], tickets: [TicketRecord]) {
        var random = SplitMix64(state: seed)
        let base = at("2026-01-01T00:00").seconds
        var circuits: [Circuit] = []
        for run in 0..<24 {
            let tier = Self.tiers.randomElement(using: &random)!
            let product = Self.products.randomElement(using: &random)!
            let grade = CustomerGrade.allCases.randomElement(using: &random)!
            let vpn: Bool? = [nil, true, false].randomElement(using: &random)!
            let partial = run % 3 == 0
            let start = partial ? WallTime(seconds: base + Int64.random(in: 0...10_000_000, using: &random)) : nil
            let end = partial ? WallTime(seconds: base + Int64.random(in: 12_000_000...40_000_000, using: &random)) : nil
            for number in 0..<Int.random(in: 1...20, using: &random) {
                circuits.append(Circuit(id: "R\(run)-\(number)", customerGrade: grade, product: product, tier: tier,
                                        monthlyFee: 1000, vpn: vpn, start: start, end: end))
            }
        }
        let ticketed = circuits.count / 4
        let tickets = (0..<300).map { index in
            let ticket = PropertyTests().randomTicket(index, circuits: ticketed, base: base, random: &random)
            guard let number = Int(ticket.circuitID.dropFirst()) else { return ticket }
            var onInventory = ticket
            onInventory.circuitID = index % 50 == 0 ? "UNKNOWN-\(index)" : circuits[number].id
            return onInventory
        }
        return (circuits, tickets)
    }

    @Test(arguments: [1, 7, 2026] as [UInt64], [PeriodKind.month, .quarter, .year])
    func bulkCountOfQuietCircuitsMatchesJudgingEachOne(seed: UInt64, period: PeriodKind) {
        let (circuits, tickets) = generatedCase(seed: seed)
        let engine = RuleEngine(catalogue: .builtIn)
        let ticketed = Set(tickets.map(\.circuitID))
        #expect(circuits.filter { !ticketed.contains($0.id) }.count > circuits.count / 2)
        for span in [nil, at("2026-01-01T00:00")..<at("2027-01-01T00:00")] {
            let bulk = engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: nil,
                                       period: period, span: span, bulkQuiet: true)
            let oneByOne = engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: nil,
                                           period: period, span: span, bulkQuiet: false)
            #expect(bulk == oneByOne)
            #expect(bulk.totals.circuitPeriods > bulk.circuitPeriods.count)
        }
    }

    @Test(arguments: [1, 7, 2026] as [UInt64])
    func givenCircuitPositionsMatchTheLookUp(seed: UInt64) {
        let (circuits, generated) = generatedCase(seed: seed)
        let tickets = generated.filter { !$0.circuitID.hasPrefix("UNKNOWN") }
        let position = Dictionary(uniqueKeysWithValues: circuits.enumerated().map { ($1.id, Int32($0)) })
        let engine = RuleEngine(catalogue: .builtIn)
        let span = at("2026-02-01T00:00")..<at("2026-11-01T00:00")
        let given = engine.evaluate(circuits: circuits, tickets: tickets,
                                    circuitPositions: tickets.map { position[$0.circuitID]! }, span: span)
        #expect(given == engine.evaluate(circuits: circuits, tickets: tickets, span: span))
        #expect(!given.skipped.isEmpty)   // tickets on circuits of unknown tier or product
    }

    @Test func plansReusedAlongRunsMatchEachCircuitsOwnPlan() {
        let (circuits, _) = generatedCase(seed: 11)
        let engine = RuleEngine(catalogue: .builtIn)
        let (plans, rejections) = EvaluationRun.plans(of: circuits, engine: engine)
        for (position, circuit) in circuits.enumerated() {
            switch engine.plan(for: circuit) {
            case .success(let plan):
                #expect(rejections[position] == nil)
                #expect(plans[position].tierIndex == plan.tierIndex && plans[position].limitSeconds == plan.limitSeconds
                        && plans[position].calendarIndex == plan.calendarIndex
                        && plans[position].limitSource == plan.limitSource
                        && plans[position].limitIsWorking == plan.limitIsWorking)
            case .failure(let rejection):
                #expect(rejections[position] == rejection)
            }
        }
        #expect(!rejections.isEmpty)
    }

    /// Rulings prepared once (as an experiment shares them between replications) judge exactly
    /// as resolving the circuits in each evaluation; rulings of other rules or of another
    /// inventory size are not used.
    @Test(arguments: [1, 7] as [UInt64])
    func sharedRulingsMatchResolvingEachTime(seed: UInt64) {
        let (circuits, generated) = generatedCase(seed: seed)
        let tickets = generated.filter { !$0.circuitID.hasPrefix("UNKNOWN") }
        let position = Dictionary(uniqueKeysWithValues: circuits.enumerated().map { ($1.id, Int32($0)) })
        let positions = tickets.map { position[$0.circuitID]! }
        let engine = RuleEngine(catalogue: .builtIn)
        let span = at("2026-01-01T00:00")..<at("2027-01-01T00:00")
        let resolved = engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: positions, span: span)
        let rulings = CircuitRulings(catalogue: .builtIn, circuits: circuits)
        #expect(rulings.fits(circuits, catalogue: .builtIn))
        #expect(engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: positions, span: span,
                                rulings: rulings) == resolved)
        var otherRules = RuleCatalogue.builtIn
        otherRules.fallbackTier = "SLA-A"
        let foreign = CircuitRulings(catalogue: otherRules, circuits: circuits)
        #expect(!foreign.fits(circuits, catalogue: .builtIn))
        #expect(!rulings.fits(Array(circuits.dropLast()), catalogue: .builtIn))
        #expect(engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: positions, span: span,
                                rulings: foreign) == resolved)
    }

    /// Hand-computed: three quiet circuits over 2026 by month — two all year (12 each), one from
    /// 15 March to 10 May (March, April, May: 3) — and one circuit with an outage in June.
    @Test func quietCircuitPeriodsAreCountedPerTier() {
        let circuits = [
            circuit("Q1", tier: "SLA-AA"), circuit("Q2", tier: "SLA-AA"),
            circuit("Q3", tier: "SLA-A", start: "2026-03-15T00:00", end: "2026-05-10T00:00"),
            circuit("B1", tier: "SLA-AA"),
        ]
        let tickets = [outage("T1", circuit: "B1", start: "2026-06-10T10:00", minutes: 600)]
        let span = at("2026-01-01T00:00")..<at("2027-01-01T00:00")
        let result = RuleEngine(catalogue: .builtIn).evaluate(circuits: circuits, tickets: tickets, span: span)
        #expect(result.summary("SLA-AA").circuitPeriods == 36)
        #expect(result.summary("SLA-AA").availabilityMet == 35)   // 10 h down in June misses 99.x %
        #expect(result.summary("SLA-A").circuitPeriods == 3)
        #expect(result.summary("SLA-A").availabilityMet == 3)
        #expect(result.circuitPeriods.map(\.circuit) == ["B1"])
    }
}
