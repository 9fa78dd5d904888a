import ArgumentParser
import Experiments
import Foundation
import RepairModel
import Reporting
import ServiceRules
import TicketLog

/// `--export-tickets DIR`: the simulated inventory and ticket log of one replication, or of
/// every one (`--export-replication all`), in the CSV format `faultline evaluate` reads
/// (docs/rules-semantics.md, "Files a user brings to `evaluate`").
///
/// The circuits' `start`/`end` are the observed window (the same in every replication) and the
/// tickets are those the run judged, with a `replication` column and times to the millisecond,
/// so `evaluate` on the two files of one replication reproduces its figures. A ticket not
/// restored by the horizon has an empty `repaired_at`: `evaluate` judges it open as of the
/// inventory's end, the horizon.
enum RunTicketExport {
    /// Which replications to write.
    enum Selection: Sendable, Equatable {
        case one(Int)
        case all

        /// `all` or a replication index.
        static func parse(_ text: String) throws -> Selection {
            if text == "all" { return .all }
            guard let index = Int(text), index >= 0 else {
                throw ValidationError("expected a replication index (a whole number ≥ 0) or `all`")
            }
            return .one(index)
        }

        /// The indices of `count` replications it selects.
        func indices(of count: Int) -> [Int] {
            switch self {
            case .one(let index): [index]
            case .all: Array(0..<count)
            }
        }
    }

    /// Simulates each replication in `replications` again (a replication is a pure function of
    /// scenario, seed and index) and adds `circuits.csv` and `tickets.csv` in `folder` to `files`.
    static func add(_ experiment: Experiment, replications: [Int], folder: String,
                    to files: inout ReportFiles) throws -> [ExportedReplication] {
        var exported: [ExportedReplication] = []
        var rows: [SimulatedTicket] = []
        var circuits: [Circuit] = []
        for replication in replications {
            let outcome = RepairSimulation(scenario: experiment.scenario, replication: replication).run()
            if circuits.isEmpty { circuits = outcome.circuits }
            rows += zip(outcome.ticketLog, outcome.details).map { record, detail in
                SimulatedTicket(replication: replication, record: record, milliseconds: detail.milliseconds.values)
            }
            exported.append(ExportedReplication(folder: folder, replication: replication, circuits: outcome.circuits.count,
                                                tickets: outcome.tickets.count, evaluation: outcome.evaluate(period: experiment.period)))
        }
        do {
            files.addFolder(folder, option: "--export-tickets")
            files.add(try TicketLogWriter.circuitsFile(circuits),
                      to: (folder as NSString).appendingPathComponent("circuits.csv"), option: "--export-tickets")
            files.add(try TicketLogWriter.simulatedTicketsFile(rows),
                      to: (folder as NSString).appendingPathComponent("tickets.csv"), option: "--export-tickets")
        } catch {
            throw UserError("--export-tickets: cannot build the files: \(error)")
        }
        return exported
    }
}
