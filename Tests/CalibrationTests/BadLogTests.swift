import Calibration
import Scenario
import ServiceRules
import Testing

/// Logs that cannot be fitted are refused with a message; sparse classes are pooled, not dropped.
@Suite("Calibration bad input")
struct BadLogTests {
    static func circuit(_ id: String, product: String = "sdh", from start: Int64? = nil, to end: Int64? = nil) -> Circuit {
        Circuit(id: id, customerGrade: .group, product: product, tier: "SLA-AA", monthlyFee: 100,
                start: start.map { WallTime(seconds: $0) }, end: end.map { WallTime(seconds: $0) })
    }

    static func ticket(_ id: String, on circuit: String, at seconds: Int64) -> TicketRecord {
        TicketRecord(ticketID: id, circuitID: circuit, faultStart: WallTime(seconds: seconds), reportedAt: WallTime(seconds: seconds + 600),
                     dispatchedAt: WallTime(seconds: seconds + 900), acceptedAt: WallTime(seconds: seconds + 1_200),
                     repairedAt: WallTime(seconds: seconds + 7_200), confirmedAt: WallTime(seconds: seconds + 7_500), outage: false)
    }

    @Test("no fault_start inside the inventory's window: refused, saying so")
    func ticketsOutsideTheWindow() {
        let day: Int64 = 86_400
        let circuits = [Self.circuit("a", from: 0, to: 10 * day)]
        let tickets = [Self.ticket("t", on: "a", at: 20 * day)]
        #expect(throws: CalibrationError.self) {
            try Calibration.fit(circuits: circuits, tickets: tickets, base: .builtInBaseline, options: CalibrationOptions())
        }
        do {
            _ = try Calibration.fit(circuits: circuits, tickets: tickets, base: .builtInBaseline, options: CalibrationOptions())
        } catch {
            #expect(error.description.contains("no ticket's fault_start lies inside the log's window"))
        }
    }

    @Test("a class with few faults is pooled toward its product and listed; a log with no outage says so")
    func sparseClassPooled() throws {
        let day: Int64 = 86_400
        let circuits = (0..<20).map { Self.circuit("c\($0)", from: 0, to: 365 * day) }
            + [Circuit(id: "x", customerGrade: .group, product: "sdh", tier: "SLA-A", monthlyFee: 1, start: WallTime(seconds: 0), end: WallTime(seconds: 365 * day))]
        let tickets = (0..<40).map { Self.ticket("t\($0)", on: "c\($0 % 20)", at: Int64($0) * 8 * day + 3_600) }
            + [Self.ticket("tx", on: "x", at: 100 * day)]
        var options = CalibrationOptions()
        options.bootstrapSamples = 0
        let calibration = try Calibration.fit(circuits: circuits, tickets: tickets, base: .builtInBaseline, options: options)
        #expect(calibration.rates.classes.count == 2)
        #expect(calibration.rates.pooledClasses.map(\.key) == ["sdh / SLA-A"])
        #expect(calibration.rates.products.first?.events == 41)
        #expect(!calibration.hasOutages)
        // 41 faults: far too few for hour factors, so flat.
        #expect(calibration.profile.hourResolution == "flat")
    }
}
