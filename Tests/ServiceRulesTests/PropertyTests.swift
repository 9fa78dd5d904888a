import ServiceRules
import Testing

/// Invariants over random inventories and ticket logs (seeded, so failures reproduce).
@Suite struct PropertyTests {
    static let tiers: [String?] = ["SLA-AAA", "SLA-AA", "SLA-A", "MQ-I", "MQ-II", "MQ-III", "QLC", nil, "BOGUS"]
    static let products = ["sdh", "mpls-vpn", "it-services", "virtual-network", "800", "ptt"]

    func randomCase(seed: UInt64) -> (circuits: [Circuit], tickets: [TicketRecord]) {
        var random = SplitMix64(state: seed)
        let base = at("2026-01-01T00:00").seconds
        let circuits = (0..<40).map { index in
            Circuit(id: "C\(index)", customerGrade: CustomerGrade.allCases.randomElement(using: &random)!,
                    product: Self.products.randomElement(using: &random)!, tier: Self.tiers.randomElement(using: &random)!,
                    monthlyFee: Double(Int.random(in: 100...5000, using: &random)),
                    start: Bool.random(using: &random) ? nil : WallTime(seconds: base + Int64.random(in: 0...8_000_000, using: &random)))
        }
        let tickets = (0..<400).map { index in
            randomTicket(index, circuits: circuits.count + 2, base: base, random: &random)
        }
        return (circuits, tickets)
    }

    func randomTicket(_ index: Int, circuits: Int, base: Int64, random: inout SplitMix64) -> TicketRecord {
        let start = base + Int64.random(in: 0...20_000_000, using: &random)
        let reported = start + Int64.random(in: 0...1800, using: &random)
        let dispatched = reported + Int64.random(in: 0...1800, using: &random)
        let accepted = dispatched + Int64.random(in: 0...3600, using: &random)
        let repaired = accepted + Int64.random(in: -600...(Bool.random(using: &random) ? 20_000 : 600_000), using: &random)
        return TicketRecord(
            ticketID: "T\(index)", circuitID: "C\(Int.random(in: 0..<circuits, using: &random))",
            faultStart: WallTime(seconds: start), reportedAt: WallTime(seconds: reported),
            dispatchedAt: WallTime(seconds: dispatched), acceptedAt: WallTime(seconds: accepted),
            repairedAt: WallTime(seconds: repaired), confirmedAt: WallTime(seconds: repaired + Int64.random(in: 0...1800, using: &random)),
            outage: Int.random(in: 0..<5, using: &random) > 0,
            excluded: Int.random(in: 0..<10, using: &random) == 0 ? "planned work" : nil)
    }

    @Test(arguments: [1, 2, 3, 42, 2026] as [UInt64], [PeriodKind.month, .quarter, .year])
    func invariantsHold(seed: UInt64, period: PeriodKind) {
        let (circuits, tickets) = randomCase(seed: seed)
        let result = RuleEngine(catalogue: .builtIn).evaluate(circuits: circuits, tickets: tickets, period: period)
        let fees = Dictionary(uniqueKeysWithValues: circuits.map { ($0.id, $0.monthlyFee) })
        for record in result.circuitPeriods {
            #expect(record.availability >= 0 && record.availability <= 1)
            #expect(record.credit >= 0 && record.credit <= fees[record.circuit]! + 1e-9)
            #expect(record.expectedCredit <= record.credit + 1e-9)
        }
        #expect(result.byTier.reduce(0) { $0 + $1.tickets } == result.tickets.count)
        #expect(result.tickets.count + result.skipped.count == tickets.count)
        #expect(!result.skipped.isEmpty && !result.tickets.isEmpty)
        #expect(result.tickets.map(\.index) == result.tickets.map(\.index).sorted())
        let listedRepeats = result.circuitPeriods.reduce(0) { $0 + $1.repeatViolations }
        #expect(listedRepeats == result.totals.repeatViolations)
        #expect(result.tickets.filter(\.isRepeat).count == listedRepeats)
        #expect(isClose(result.circuitPeriods.reduce(0) { $0 + $1.credit }, result.totals.credits, tolerance: 1e-6))
    }
}
