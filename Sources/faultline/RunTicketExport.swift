import Experiments
import Foundation
import RepairModel
import Reporting
import TicketLog

/// `--export-tickets DIR`: one replication's simulated inventory and ticket log, in the CSV
/// format `faultline evaluate` reads (docs/rules-semantics.md, "Files a user brings to
/// `evaluate`").
///
/// The circuits' `start`/`end` are the observed window and the tickets are those the run
/// judged, so `evaluate` on the two files reproduces the replication's figures. A ticket not
/// restored by the horizon has an empty `repaired_at`: `evaluate` judges it open as of the
/// inventory's end, the horizon.
enum RunTicketExport {
    /// Simulates replication `replication` again (a replication is a pure function of scenario,
    /// seed and index) and adds `circuits.csv` and `tickets.csv` in `folder` to `files`.
    static func add(_ experiment: Experiment, replication: Int, folder: String,
                    to files: inout ReportFiles) throws -> ExportedReplication {
        let outcome = RepairSimulation(scenario: experiment.scenario, replication: replication).run()
        do {
            files.addFolder(folder, option: "--export-tickets")
            files.add(try TicketLogWriter.circuitsFile(outcome.circuits),
                      to: (folder as NSString).appendingPathComponent("circuits.csv"), option: "--export-tickets")
            files.add(try TicketLogWriter.ticketsFile(outcome.ticketLog),
                      to: (folder as NSString).appendingPathComponent("tickets.csv"), option: "--export-tickets")
        } catch {
            throw UserError("--export-tickets: cannot build the files: \(error)")
        }
        return ExportedReplication(folder: folder, replication: replication, circuits: outcome.circuits.count,
                                   tickets: outcome.tickets.count, evaluation: outcome.evaluate(period: experiment.period))
    }
}
