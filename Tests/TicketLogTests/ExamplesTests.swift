import Foundation
import ServiceRules
import Testing
import TicketLog

/// The committed examples parse with exactly the rejections examples/README.md promises.
@Suite("examples/ walkthrough data")
struct ExamplesTests {
    static let examples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples")

    @Test func examplesParseWithTheDocumentedRejections() throws {
        let inventory = try InventoryReader().read(path: Self.examples.appendingPathComponent("circuits.csv").path)
        #expect(inventory.rowsRead == 88 && inventory.accepted == 86 && inventory.rejected == 2)
        #expect(inventory.rejections.map(\.description) == [
            "\(Self.examples.path)/circuits.csv:88: unknown tier 'SLA-AAAA' (did you mean 'SLA-AAA'?)",
            "\(Self.examples.path)/circuits.csv:89: unknown customer_grade 'platinum' (expected one of group, provincial, localA, localB, localC)",
        ])

        let tickets = try TicketLogReader(inventory: inventory).read(path: Self.examples.appendingPathComponent("tickets.csv").path)
        #expect(tickets.rowsRead == 378 && tickets.accepted == 369 && tickets.rejected == 9, "\(tickets.rejections.map(\.description))")
        #expect(tickets.notices == [.ignoredColumns(["note"])])
        let reasons = tickets.rejections.map(\.reason)
        #expect(reasons.contains(.badTimestamp(field: "fault_start", text: "2026-02-29T10:00:00",
                                               problem: .dayOutOfRange(day: 29, month: 2, year: 2026))))
        #expect(reasons.contains { $0.description.hasPrefix("accepted_at ") && $0.description.contains(" is before dispatched_at ") })
        #expect(reasons.contains(.unknownCircuit(id: "SH-NOWHERE-999")))
        #expect(reasons.contains(.duplicateTicketID(id: "T26-0001", firstLine: 2)))
        #expect(reasons.contains(.circuitRejected(id: "SH-BAD-TIER", inventoryLine: 88)))
    }

    @Test func everyTierAppearsInTheAcceptedInventory() throws {
        let inventory = try InventoryReader().read(path: Self.examples.appendingPathComponent("circuits.csv").path)
        let tiers = Set(inventory.records.compactMap(\.tier))
        #expect(tiers == Set(RuleCatalogue.builtIn.tiers.map(\.key)))
        #expect(inventory.records.contains { $0.tier == nil })
        #expect(inventory.records.contains { $0.start != nil } && inventory.records.contains { $0.end != nil })
    }
}
