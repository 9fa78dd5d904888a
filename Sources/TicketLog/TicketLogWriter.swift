import Reports
import ServiceRules

/// Writes an inventory and a ticket log in the CSV format ``InventoryReader`` and
/// ``TicketLogReader`` read (rule-semantics "Files a user brings"), so what is written reads
/// back as the same circuits and tickets.
public enum TicketLogWriter {
    /// `circuits.csv`: one row per circuit; a `customer_type` column only when some circuit has one.
    public static func circuitsFile(_ circuits: [Circuit]) throws(ReportError) -> [UInt8] {
        let typed = circuits.contains { $0.customerType != nil }
        var writer = CSVWriter(header: [
            "circuit_id", "customer_grade", "product", "tier", "monthly_fee", "vpn", "region", "start", "end",
        ] + (typed ? ["customer_type"] : []))
        for circuit in circuits {
            try writer.append([
                circuit.id, circuit.customerGrade.rawValue, circuit.product, circuit.tier ?? "",
                number(circuit.monthlyFee), circuit.vpn.map { "\($0)" } ?? "", circuit.region ?? "",
                circuit.start?.isoString ?? "", circuit.end?.isoString ?? "",
            ] + (typed ? [circuit.customerType?.rawValue ?? ""] : []))
        }
        return writer.bytes
    }

    /// `tickets.csv`: one row per ticket; an absent time is an empty field. `feedback_at` and
    /// `suspended` columns only when some ticket has one.
    public static func ticketsFile(_ tickets: [TicketRecord]) throws(ReportError) -> [UInt8] {
        let feedback = tickets.contains { $0.feedbackAt != nil }, suspended = tickets.contains { !$0.suspended.isEmpty }
        var writer = CSVWriter(header: [
            "ticket_id", "circuit_id", "fault_start", "reported_at", "dispatched_at", "accepted_at",
            "repaired_at", "confirmed_at", "outage", "report_sent_at",
        ] + (feedback ? ["feedback_at"] : []) + (suspended ? ["suspended"] : []))
        for ticket in tickets {
            try writer.append([
                ticket.ticketID, ticket.circuitID, ticket.faultStart.isoString, ticket.reportedAt.isoString,
                ticket.dispatchedAt?.isoString ?? "", ticket.acceptedAt?.isoString ?? "",
                ticket.openAsOf == nil ? ticket.repairedAt.isoString : "", ticket.confirmedAt?.isoString ?? "", "\(ticket.outage)",
                ticket.reportSentAt?.isoString ?? "",
            ] + (feedback ? [ticket.feedbackAt?.isoString ?? ""] : [])
              + (suspended ? [ticket.suspended.map(\.intervalText).joined(separator: ";")] : []))
        }
        return writer.bytes
    }

    /// `tickets.csv` of simulated replications: a `replication` column first, then the
    /// columns of ``ticketsFile(_:)`` with every time to the millisecond
    /// (`2026-03-02T09:15:07.250`; the readers truncate it to the second, as the rule engine
    /// judges). Rows in the order given.
    public static func simulatedTicketsFile(_ tickets: [SimulatedTicket]) throws(ReportError) -> [UInt8] {
        var writer = CSVWriter(header: [
            "replication", "ticket_id", "circuit_id", "fault_start", "reported_at", "dispatched_at", "accepted_at",
            "repaired_at", "confirmed_at", "outage", "report_sent_at",
        ])
        for ticket in tickets {
            let record = ticket.record
            let stamp = { (time: WallTime?, column: Int) in
                time.map { $0.isoString + Self.fraction(ticket.milliseconds[column]) } ?? ""
            }
            try writer.append([
                "\(ticket.replication)", record.ticketID, record.circuitID, stamp(record.faultStart, 0),
                stamp(record.reportedAt, 1), stamp(record.dispatchedAt, 2), stamp(record.acceptedAt, 3),
                record.openAsOf == nil ? stamp(record.repairedAt, 4) : "", stamp(record.confirmedAt, 5),
                "\(record.outage)", stamp(record.reportSentAt, 6),
            ])
        }
        return writer.bytes
    }

    /// `.250` for 250 ms.
    static func fraction(_ milliseconds: Int) -> String {
        let digits = String(milliseconds)
        return "." + String(repeating: "0", count: max(0, 3 - digits.count)) + digits
    }

    /// A whole number without a decimal point, others in their shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}

/// One simulated ticket for ``TicketLogWriter/simulatedTicketsFile(_:)``.
public struct SimulatedTicket: Sendable {
    /// The replication it belongs to.
    public var replication: Int
    /// The ticket as the log shows it (instants in whole seconds).
    public var record: TicketRecord
    /// Milliseconds past the second (0–999) of `fault_start`, `reported_at`, `dispatched_at`,
    /// `accepted_at`, `repaired_at`, `confirmed_at` and `report_sent_at`, in that order.
    public var milliseconds: [Int]

    /// A ticket of replication `replication`.
    public init(replication: Int, record: TicketRecord, milliseconds: [Int]) {
        precondition(milliseconds.count == 7 && milliseconds.allSatisfy { (0..<1000).contains($0) },
                     "SimulatedTicket: seven millisecond parts in 0..<1000")
        self.replication = replication
        self.record = record
        self.milliseconds = milliseconds
    }
}
