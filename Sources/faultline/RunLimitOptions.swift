import ArgumentParser
import Experiments
import Foundation
import RepairModel
import Scenario

/// `--allow-unstable` and `--allow-large`, shared by `run`, `compare`, `staff` and `price`: what
/// a run would need is checked before anything is simulated (`RunLimits`).
struct RunLimitOptions: ParsableArguments {
    @Flag(help: ArgumentHelp(
        "Run even when a staff pool is offered as much work as its rosters hold (ρ ≥ 1: its queue grows for the whole run)."))
    var allowUnstable = false

    @Flag(help: ArgumentHelp("Run even when the estimated memory exceeds this machine's physical memory."))
    var allowLarge = false

    /// Checks each labelled scenario (`file` or `file variant «name»`) for `replications` run
    /// on `threads` threads; a refusal is a one-line error (exit 2) naming the scenario.
    /// `load: false` checks the size only (`staff`, whose search changes the staffing).
    func check(_ scenarios: [(label: String, scenario: Scenario)], threads: Int, replications: Int, load: Bool = true) throws {
        let limits = RunLimits(allowUnstable: allowUnstable || !load, allowLarge: allowLarge)
        for (label, scenario) in scenarios {
            do {
                try limits.check(scenario, threads: threads, replications: replications)
            } catch {
                throw UserError("\(label): \(error)")
            }
        }
    }

    /// For `staff`: a notice on standard error for each pool today's staffing overloads (the
    /// search starts from a stable estimate and never trims a pool into overload).
    static func noticeOverload(_ scenario: Scenario, label: String) {
        for pool in OfferedLoad(scenario).pools where !(pool.utilisation < 1) {
            let text = "notice: \(label): today's staffing: \(RunLimitError.overload(pool)); the search starts from a stable estimate\n"
            FileHandle.standardError.write(Data(text.utf8))
        }
    }
}
