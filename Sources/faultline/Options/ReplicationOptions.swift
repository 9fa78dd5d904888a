import ArgumentParser

/// `--replications`, `--seed` and `--threads`, shared by the commands that run replications.
/// Negative values are read as values and refused with the option's name.
struct ReplicationOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Replications (default: the scenario's).", valueName: "count"),
            transform: wholeNumber("--replications", atLeast: 1))
    var replications: Int?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Seed of the random streams (default: the scenario's).", valueName: "seed"),
            transform: wholeNumber("--seed", atLeast: UInt64(0)))
    var seed: UInt64?

    @Option(parsing: .unconditional,
            help: ArgumentHelp("Threads running replications (default: one per core); results do not depend on it.",
                               valueName: "count"),
            transform: wholeNumber("--threads", atLeast: 1))
    var threads: Int?

    /// The threads to run `replications` replications on (``replicationThreads(replications:requested:)``).
    func threadCount(replications: Int) -> Int {
        replicationThreads(replications: replications, requested: threads)
    }
}
