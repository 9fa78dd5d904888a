import ArgumentParser

/// The `faultline` command: subcommands are added as the modules behind them land.
@main
struct FaultLine: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "faultline",
        abstract: "Discrete-event simulator and capacity-planning testbed for telecom after-sales service.",
        subcommands: []
    )
}
