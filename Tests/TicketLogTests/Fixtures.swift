import ServiceRules
import TicketLog

/// Shared builders for the TicketLog and Reports tests.
enum Fixture {
    static let ticketHeader =
        "ticket_id,circuit_id,fault_start,reported_at,dispatched_at,accepted_at,repaired_at,confirmed_at,outage"

    static let inventoryHeader = "circuit_id,customer_grade,product,tier,monthly_fee"

    /// A valid ticket row on `circuit` whose checkpoints start at `hour`:00 on 2 March 2026.
    static func ticketRow(_ id: String, circuit: String = "C1", hour: Int = 9) -> String {
        let h = hour < 10 ? "0\(hour)" : "\(hour)"
        let day = "2026-03-02T\(h)"
        return "\(id),\(circuit),\(day):00:00,\(day):05:00,\(day):10:00,\(day):20:00,\(day):50:00,\(day):55:00,true"
    }

    static func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// `checkpoint` goes back to `earlier`: the shared rule-engine rejection, instants as in `ticketRow`.
    static func outOfOrder(
        _ later: Checkpoint, _ at: String, after earlier: Checkpoint, _ earlierAt: String
    ) throws -> RejectionReason {
        let parser = TimestampParser()
        return .refusedByRules(.outOfOrder(later: later, at: try parser.parse(at), earlier: earlier,
                                           earlierAt: try parser.parse(earlierAt)))
    }

    /// Reads `lines` (each followed by `separator`) as a ticket log on circuits C1 and C2.
    static func readTickets(
        _ lines: [String], circuits: Set<String> = ["C1", "C2"], separator: String = "\n"
    ) throws(TicketLogError) -> IngestResult<TicketRecord> {
        let text = lines.joined(separator: separator) + separator
        return try TicketLogReader(circuitIDs: circuits).read(bytes: bytes(text), path: "tickets.csv")
    }

    /// Reads `lines` (joined with LF) as an inventory.
    static func readInventory(
        _ lines: [String], catalogue: RuleCatalogue = .builtIn
    ) throws(TicketLogError) -> IngestResult<Circuit> {
        let text = lines.joined(separator: "\n") + "\n"
        return try InventoryReader(catalogue: catalogue).read(bytes: bytes(text), path: "circuits.csv")
    }

    /// Wall-clock seconds for a local date and time, counted by walking the calendar
    /// (independent of the parser under test).
    static func wallTime(_ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0, _ minute: Int = 0,
                         _ second: Int = 0) -> WallTime {
        var days = 0
        for y in 1970..<year { days += isLeap(y) ? 366 : 365 }
        let lengths = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        days += lengths.prefix(month - 1).reduce(0, +) + day - 1
        return WallTime(seconds: Int64(days * 86_400 + hour * 3600 + minute * 60 + second))
    }

    private static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }
}

/// A small seeded generator (SplitMix64) so randomised tests replay exactly.
struct SeededGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Every record of `text` as (line, fields, issue), through the public reader API.
func splitCSV(_ text: String) -> [(line: Int, fields: [String], issue: CSVSyntaxIssue?)] {
    splitCSV(bytes: Array(text.utf8))
}

/// Every record of `bytes` as (line, fields, issue), through the public reader API.
func splitCSV(bytes: [UInt8]) -> [(line: Int, fields: [String], issue: CSVSyntaxIssue?)] {
    var reader = CSVReader(bytes: bytes)
    var records: [(line: Int, fields: [String], issue: CSVSyntaxIssue?)] = []
    reader.forEachRecord { row in
        records.append((row.line, (0..<row.count).map { row[$0].string }, row.issue))
    }
    return records
}
