import Foundation
import Testing

/// Which periods `evaluate` judges: the inventory's span when every circuit is dated, else the
/// periods the tickets span.
@Suite struct EvaluateSpanTests {
    static let datedInventory = [
        EvaluateRun.inventoryHeader + ",start,end",
        "C-AT,group,lan-dedicated,SLA-AA,3000,2026-01-01,2026-04-01",
        "C-OVER,group,lan-dedicated,SLA-AA,3000,2026-01-01,2026-04-01",
    ]

    static func circuitPeriods(inventory: [String]) throws -> Int? {
        let run = try EvaluateRun()
        defer { run.folder.remove() }
        try run.write(inventory, to: "circuits.csv")
        try run.write(EvaluateRun.twoTickets, to: "tickets.csv")
        let (result, json) = try run.runWithJSON(["--summary-only"])
        #expect(result.exitCode == 0, "\(result.standardError)")
        let totals = json["totals"] as? [String: Any]
        return totals?["circuitPeriods"] as? Int
    }

    @Test func datedInventoryIsJudgedOverItsWholeSpan() throws {
        // Tickets only in March; circuits dated January to March: three months each.
        #expect(try Self.circuitPeriods(inventory: Self.datedInventory) == 6)
    }

    @Test func undatedInventoryIsJudgedOverTheTicketsPeriods() throws {
        #expect(try Self.circuitPeriods(inventory: EvaluateRun.twoCircuits) == 2)
    }
}
