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

    /// A whole number without a decimal point, others in their shortest round-trip form.
    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }
}
