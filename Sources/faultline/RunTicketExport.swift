import Experiments
import Foundation
import RepairModel
import Reports
import ServiceRules

/// `--export-tickets DIR`: one replication's simulated inventory and ticket log, in the CSV
/// format `faultline evaluate` reads (rule-semantics.md, "Files a user brings").
///
/// The circuits' `start`/`end` are the observed window and the tickets are those the run
/// judged, so `evaluate` on the two files reproduces the replication's figures. A ticket not
/// restored by the horizon has an empty `repaired_at`: `evaluate` judges it open as of the
/// inventory's end, the horizon.
enum RunTicketExport {
    /// What was exported: where, which replication, and the engine's own evaluation of it.
    struct Summary {
        var folder: String
        var replication: Int
        var circuits: Int
        var tickets: Int
        var evaluation: Evaluation
    }

    /// Simulates replication `replication` again (a replication is a pure function of scenario,
    /// seed and index) and writes `circuits.csv` and `tickets.csv` into `folder`.
    static func write(_ experiment: Experiment, replication: Int, to folder: String) throws -> Summary {
        let outcome = RepairSimulation(scenario: experiment.scenario, replication: replication).run()
        let files = try render(outcome)
        try createFolder(folder, option: "--export-tickets")
        for (name, bytes) in files {
            try writeAtomically(bytes, to: (folder as NSString).appendingPathComponent(name), option: "--export-tickets")
        }
        return Summary(folder: folder, replication: replication, circuits: outcome.circuits.count,
                       tickets: outcome.tickets.count, evaluation: outcome.evaluate(period: experiment.period))
    }

    private static func render(_ outcome: ReplicationOutcome) throws -> [(String, [UInt8])] {
        do {
            return [("circuits.csv", try circuitsFile(outcome.circuits)), ("tickets.csv", try ticketsFile(outcome.tickets))]
        } catch {
            throw UserError("--export-tickets: cannot build the files: \(error)")
        }
    }

    static func circuitsFile(_ circuits: [Circuit]) throws(ReportError) -> [UInt8] {
        var writer = CSVWriter(header: [
            "circuit_id", "customer_grade", "product", "tier", "monthly_fee", "vpn", "region", "start", "end",
        ])
        for circuit in circuits {
            try writer.append([
                circuit.id, circuit.customerGrade.rawValue, circuit.product, circuit.tier ?? "",
                EvaluateReport.cell(circuit.monthlyFee), circuit.vpn.map { "\($0)" } ?? "", circuit.region ?? "",
                circuit.start?.isoString ?? "", circuit.end?.isoString ?? "",
            ])
        }
        return writer.bytes
    }

    static func ticketsFile(_ tickets: [TicketRecord]) throws(ReportError) -> [UInt8] {
        var writer = CSVWriter(header: [
            "ticket_id", "circuit_id", "fault_start", "reported_at", "dispatched_at", "accepted_at",
            "repaired_at", "confirmed_at", "outage", "report_sent_at",
        ])
        for ticket in tickets {
            try writer.append([
                ticket.ticketID, ticket.circuitID, ticket.faultStart.isoString, ticket.reportedAt.isoString,
                ticket.dispatchedAt?.isoString ?? "", ticket.acceptedAt?.isoString ?? "",
                ticket.openAsOf == nil ? ticket.repairedAt.isoString : "", ticket.confirmedAt?.isoString ?? "", "\(ticket.outage)",
                ticket.reportSentAt?.isoString ?? "",
            ])
        }
        return writer.bytes
    }
}
