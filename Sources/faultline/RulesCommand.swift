import ArgumentParser

/// `faultline rules`: the rule engine for its maintainers: regression corpora and what-ifs.
struct RulesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "Check the rule engine against regression corpora, or diff two rules files on a ticket log.",
        subcommands: [RulesCheckCommand.self, RulesDiffCommand.self]
    )
}

/// `--limit`: how many changes the terminal shows.
struct ChangeLimitOptions: ParsableArguments {
    @Option(parsing: .unconditional,
            help: ArgumentHelp("Changes shown on the terminal (per corpus for check); --csv and --json hold all.",
                               valueName: "count"),
            transform: wholeNumber("--limit", atLeast: 0))
    var limit: Int = 20
}
