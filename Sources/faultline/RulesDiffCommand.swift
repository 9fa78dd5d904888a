import ArgumentParser

/// `faultline rules diff`: placeholder until the diff is built.
struct RulesDiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "diff", abstract: "Judge one ticket log under two rules files.")
}
