@testable import ServiceRules
import Testing

/// Circuits are resolved and judged in fixed blocks on several threads: whatever the thread
/// count, the evaluation is the one thread's, down to the last bit of every sum of credits.
@Suite struct ParallelCircuitJudgementTests {
    /// Enough circuits for several blocks of both passes, in runs of alike circuits (some of
    /// unknown tier), and tickets — many on a few circuits, so repeats and overlapping outages
    /// occur — spread over all of them.
    func generatedCase(seed: UInt64) -> (circuits: [Circuit], tickets: [TicketRecord], positions: [Int32]) {
        var random = SplitMix64(state: seed)
        let base = at("2026-01-01T00:00").seconds
        let tiers: [String?] = ["SLA-AAA", "SLA-AA", "SLA-A", "MQ-I", "QLC", nil, "BOGUS"]
        var circuits: [Circuit] = []
        while circuits.count < 3 * max(EvaluationRun.circuitBlock, CircuitRulings.circuitBlock) + 123 {
            let tier = tiers.randomElement(using: &random)!
            let grade = CustomerGrade.allCases.randomElement(using: &random)!
            let fee = Double(Int.random(in: 100...5000, using: &random))
            let partial = Int.random(in: 0..<3, using: &random) == 0
            let start = partial ? WallTime(seconds: base + Int64.random(in: 0...10_000_000, using: &random)) : nil
            for _ in 0..<Int.random(in: 1...400, using: &random) {
                circuits.append(Circuit(id: "C\(circuits.count)", customerGrade: grade, product: "sdh", tier: tier,
                                        monthlyFee: fee, start: start))
            }
        }
        var tickets: [TicketRecord] = []
        var positions: [Int32] = []
        for index in 0..<6000 {
            let crowded = index % 3 == 0
            let circuit = crowded ? Int.random(in: 0..<40, using: &random) * 1999 : Int.random(in: 0..<circuits.count, using: &random)
            var ticket = PropertyTests().randomTicket(index, circuits: 1, base: base, random: &random)
            ticket.circuitID = circuits[circuit].id
            tickets.append(ticket)
            positions.append(Int32(circuit))
        }
        return (circuits, tickets, positions)
    }

    @Test(arguments: [5, 2026] as [UInt64], [PeriodKind.month, .quarter])
    func anyThreadCountGivesTheOneThreadEvaluation(seed: UInt64, period: PeriodKind) {
        let (circuits, tickets, positions) = generatedCase(seed: seed)
        let engine = RuleEngine(catalogue: .builtIn)
        let oneThread = engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: positions,
                                        period: period, span: nil, threads: 1)
        #expect(oneThread.tickets.contains { $0.isRepeat })
        #expect(oneThread.circuitPeriods.contains { $0.circuitIndex >= 2 * EvaluationRun.circuitBlock })
        for threads in [2, 3, 8] {
            let several = engine.evaluate(circuits: circuits, tickets: tickets, circuitPositions: positions,
                                          period: period, span: nil, threads: threads)
            #expect(several == oneThread)
        }
    }

    /// A stream judgement (as `evaluate --summary-only` runs it, on every core) gives the figures
    /// it gives on one thread.
    @Test func aStreamJudgedOnSeveralThreadsGivesTheOneThreadFigures() {
        let (circuits, tickets, positions) = generatedCase(seed: 17)
        let engine = RuleEngine(catalogue: .builtIn)
        func judged(threads: Int?) -> Evaluation {
            var judgement = TicketStreamJudgement(engine: engine, circuits: circuits, period: .month, span: nil,
                                                  ordersTiesByID: true, threads: threads)
            for (index, ticket) in tickets.enumerated() {
                judgement.count(ticket, index: index, circuitPosition: positions[index])
            }
            return judgement.finish()
        }
        let oneThread = judged(threads: 1)
        #expect(oneThread.totals.repeatViolations > 0 && oneThread.totals.credits > 0)
        #expect(judged(threads: 3) == oneThread)
        #expect(judged(threads: nil) == oneThread)
    }

    /// The tier summaries add the touched circuit-periods' credits in circuit order, as the
    /// list of circuit-periods gives them (quiet ones add nothing).
    @Test func tierCreditsAreTheCircuitPeriodsCreditsAddedInCircuitOrder() {
        let (circuits, tickets, positions) = generatedCase(seed: 9)
        let result = RuleEngine(catalogue: .builtIn).evaluate(circuits: circuits, tickets: tickets,
                                                              circuitPositions: positions, period: .month,
                                                              span: nil, threads: 3)
        var credits: [String: Double] = [:]
        for period in result.circuitPeriods { credits[period.tier, default: 0] += period.credit }
        #expect(result.byTier.contains { $0.credits > 0 })
        for summary in result.byTier { #expect(summary.credits == credits[summary.tier, default: 0]) }
    }

    @Test func rulingsResolvedOnSeveralThreadsAreTheOneThreadRulings() {
        let (circuits, _, _) = generatedCase(seed: 3)
        let engine = RuleEngine(catalogue: .builtIn)
        let one = CircuitRulings(engine: engine, circuits: circuits, threads: 1)
        let several = CircuitRulings(engine: engine, circuits: circuits, threads: 3)
        #expect(!one.rejections.isEmpty)
        #expect(several.rejections == one.rejections)
        #expect(several.lifeStarts == one.lifeStarts && several.lifeEnds == one.lifeEnds)
        #expect(several.plans.map(\.tierIndex) == one.plans.map(\.tierIndex))
        #expect(several.plans.map(\.limitSeconds) == one.plans.map(\.limitSeconds))
    }
}
