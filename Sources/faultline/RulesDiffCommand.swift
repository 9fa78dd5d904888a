import ArgumentParser
import Reporting
import RuleCheck
import ServiceRules
import TicketLog

/// `faultline rules diff`: one ticket log judged under two rules files.
struct RulesDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Judge one ticket log under two rules files: per-tier changes, flipped verdicts, changed credits.",
        discussion: """
            Reads the inventory and the ticket log twice, once with the built-in rules changed \
            by --old and once with them changed by --new (either left out: the built-in rules), \
            and reports each tier's figures under both (the changed ones on the terminal), every \
            ticket whose verdict of a check flips and every circuit-period whose credit changes \
            (the first --limit of each on the terminal). The files are read as evaluate reads \
            them; rows rejected under either rules are counted in the context line.

            Files: --csv writes by-tier.csv (every figure, old and new), tickets.csv and \
            circuit-periods.csv (all of them); --json the same as one document; --html a page.

            Exit codes: 0 done; 2 a file cannot be read, a rules file is invalid, or a bad option.

            Examples:
              faultline rules diff --new sla-aa-60.yaml --inventory examples/circuits.csv \\
                --tickets examples/tickets.csv
              faultline rules diff --old today.yaml --new proposal.yaml --inventory circuits.csv \\
                --tickets tickets.csv --csv diff/ --limit 50
            """
    )

    @Option(help: ArgumentHelp("Rules file (YAML) of the old judgement (default: the built-in rules).", valueName: "A.yaml"))
    var old: String?

    @Option(help: ArgumentHelp("Rules file (YAML) of the new judgement (default: the built-in rules).", valueName: "B.yaml"))
    var new: String?

    @Option(help: ArgumentHelp("Inventory CSV, one circuit per row.", valueName: "circuits.csv"))
    var inventory: String

    @Option(help: ArgumentHelp("Ticket log CSV, one ticket per row.", valueName: "tickets.csv"))
    var tickets: String

    @OptionGroup var periodOptions: PeriodOptions

    @OptionGroup var changeLimit: ChangeLimitOptions

    @OptionGroup var outputs: OutputOptions

    func validate() throws {
        if old == nil && new == nil { throw ValidationError("give --new (and --old, default the built-in rules): the rules to compare") }
    }

    func run() throws {
        let oldRules = try loadRules(rulesFile: old, option: "--old")
        let newRules = try loadRules(rulesFile: new, option: "--new")
        let diff = RulesDiff(old: try judge(by: oldRules), new: try judge(by: newRules))
        let report = RulesDiffReport(diff: diff, oldRules: old, newRules: new, limit: changeLimit.limit).report
        try outputs.write(report)
        print(TerminalRenderer.render(report))
    }

    private func judge(by rules: RuleVersions) throws -> EvaluationOutcome {
        do {
            return try EvaluationOutcome.judge(inventoryPath: inventory, ticketsPath: tickets, rules: rules,
                                               period: periodOptions.period)
        } catch {
            throw UserError(error.description)
        }
    }
}
