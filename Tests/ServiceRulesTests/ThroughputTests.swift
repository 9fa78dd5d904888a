import Foundation
import ServiceRules
import Testing

/// Throughput check: 1,000,000 tickets on 100,000 circuits. Runs only when
/// `FAULTLINE_THROUGHPUT=1`, and is meant for release builds:
/// `FAULTLINE_THROUGHPUT=1 swift test -c release --filter ThroughputTests`.
@Suite struct ThroughputTests {
    static let enabled = ProcessInfo.processInfo.environment["FAULTLINE_THROUGHPUT"] == "1"

    func inventory(_ count: Int, random: inout SplitMix64) -> [Circuit] {
        let tiers: [String?] = ["SLA-AAA", "SLA-AA", "SLA-A", "MQ-I", "MQ-II", "MQ-III", "QLC", nil]
        let products = ["sdh", "mpls-vpn", "it-services", "virtual-network", "lan-dedicated"]
        return (0..<count).map { index in
            Circuit(id: "C\(index)", customerGrade: CustomerGrade.allCases.randomElement(using: &random)!,
                    product: products.randomElement(using: &random)!, tier: tiers.randomElement(using: &random)!,
                    monthlyFee: 1000)
        }
    }

    func log(_ count: Int, circuits: Int, random: inout SplitMix64) -> [TicketRecord] {
        let base = at("2026-01-01T00:00").seconds
        return (0..<count).map { index in
            let start = base + Int64.random(in: 0..<31_536_000, using: &random)
            let repaired = start + 900 + Int64.random(in: 0...30_000, using: &random)
            return TicketRecord(
                ticketID: "T\(index)", circuitID: "C\(Int.random(in: 0..<circuits, using: &random))",
                faultStart: WallTime(seconds: start), reportedAt: WallTime(seconds: start + 60),
                dispatchedAt: WallTime(seconds: start + 300), acceptedAt: WallTime(seconds: start + 900),
                repairedAt: WallTime(seconds: repaired), confirmedAt: WallTime(seconds: repaired + 600),
                reportSentAt: WallTime(seconds: repaired + 86_400), outage: index % 5 != 0)
        }
    }

    @Test(.enabled(if: ThroughputTests.enabled))
    func oneMillionTicketsOnOneHundredThousandCircuits() {
        var random = SplitMix64(state: 7)
        let circuits = inventory(100_000, random: &random)
        let tickets = log(1_000_000, circuits: circuits.count, random: &random)
        let engine = RuleEngine(catalogue: .builtIn)
        var best = Duration.seconds(1000)
        var results: [Evaluation] = []  // kept, so freeing one run's result is not timed in the next
        for _ in 0..<3 {
            let elapsed = ContinuousClock().measure {
                results.append(engine.evaluate(circuits: circuits, tickets: tickets))
            }
            best = min(best, elapsed)
        }
        let result = results.last
        let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) * 1e-18
        print("ServiceRules throughput: \(Int(Double(tickets.count) / seconds)) tickets/s (best of 3: \(seconds) s)")
        #expect(result?.tickets.count == tickets.count)
    }
}
