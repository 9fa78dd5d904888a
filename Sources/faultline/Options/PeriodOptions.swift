import ArgumentParser
import ServiceRules

/// `--period`: the availability period the rule engine judges.
struct PeriodOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Availability period.", valueName: "period"))
    var period: PeriodKind = .month
}
