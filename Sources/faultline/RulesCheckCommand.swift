import ArgumentParser
import Reporting
import RuleCheck
import ServiceRules
import TicketLog

/// `faultline rules check`: judges each corpus again and compares with its expected.json.
struct RulesCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Judge regression corpora again and list every verdict, credit and tier figure that changed.",
        discussion: """
            A corpus is a folder with circuits.csv, tickets.csv, an optional rules.yaml (changes \
            to the built-in rules, as evaluate --rules reads it) and expected.json: every \
            ticket's verdict per check, every circuit-period's availability, repeats and credit, \
            the figures per tier and in total, and the rejected rows (keys sorted, one entry a \
            line). Each corpus is judged on month periods and compared with expected.json; \
            the changes are listed as entry, subject, figure, old → new (the first --limit per \
            corpus on the terminal, all of them in --csv changes.csv and --json).

            --update rewrites every corpus's expected.json (all or nothing). --bench also \
            times each corpus (best of 3 judgements, reading both files included) and fails \
            one whose throughput is below the floor in its bench.json \
            ({"minimumTicketsPerSecond": N}). The shipped corpora are in corpus/ (see \
            corpus/README.md); `make test` checks them all.

            Exit codes: 0 nothing changed (or updated); 1 something changed, or a corpus is \
            below its throughput floor; 2 a missing file, a malformed expected.json or \
            bench.json, an invalid rules.yaml, or a bad option.

            Examples:
              faultline rules check corpus/*
              faultline rules check corpus/edge-cases --update
              faultline rules check corpus/baseline-year --bench --csv changes/
            """
    )

    @Argument(help: ArgumentHelp("Corpus folders.", valueName: "corpus"))
    var corpora: [String] = []

    @Flag(help: "Rewrite each corpus's expected.json with this judgement.")
    var update = false

    @Flag(help: "Also time each corpus against the throughput floor in its bench.json.")
    var bench = false

    @OptionGroup var changeLimit: ChangeLimitOptions

    @OptionGroup var outputs: OutputOptions

    func validate() throws {
        if corpora.isEmpty { throw ValidationError("give at least one corpus folder (e.g. corpus/*)") }
    }

    func run() throws {
        let entries = try corpora.map(check)
        var files = ReportFiles()
        if update {
            for entry in entries { files.add(entry.check.expectedJSON, to: entry.check.corpus.expectedPath, option: "--update") }
        }
        let report = RulesCheckReport(entries: entries, limit: changeLimit.limit).report
        try outputs.add(report, to: &files)
        print(TerminalRenderer.render(report))
        try files.write()
        let failed = entries.contains { (!update && !$0.check.changes.isEmpty) || $0.bench?.passed == false }
        if failed { throw ExitCode(1) }
    }

    /// One corpus judged (and timed under --bench); its problems as one-line user errors.
    private func check(_ folder: String) throws -> RulesCheckReport.Entry {
        do {
            let corpus = try RuleCorpus(folder: folder, expectedMayBeMissing: update)
            let rules = try loadRules(rulesFile: corpus.rulesPath, option: folder)
            let check = try CorpusCheck.run(corpus, rules: rules, updating: update)
            let timing = bench ? try CorpusBench.measure(corpus, rules: rules) : nil
            return RulesCheckReport.Entry(check: check, bench: timing, updated: update)
        } catch let error as CorpusError {
            throw UserError(error.description)
        } catch let error as TicketLogError {
            throw UserError(error.description)
        }
    }
}
