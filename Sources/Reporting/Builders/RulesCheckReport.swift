import RuleCheck

/// The report of `faultline rules check`: one row per corpus (tickets, changes, throughput
/// against its floor under `--bench`), then each changed corpus's first changes; every change
/// in CSV (`changes.csv`) and JSON.
public struct RulesCheckReport: Sendable {
    /// One corpus's check, its bench when timed, and whether its `expected.json` was rewritten.
    public struct Entry: Sendable {
        /// The corpus judged again and its changes.
        public var check: CorpusCheck
        /// Its throughput under `--bench`, nil otherwise.
        public var bench: CorpusBench?
        /// Whether its `expected.json` is rewritten (`--update`).
        public var updated: Bool

        /// An entry.
        public init(check: CorpusCheck, bench: CorpusBench?, updated: Bool) {
            self.check = check
            self.bench = bench
            self.updated = updated
        }
    }

    /// The corpora, in the order given.
    public var entries: [Entry]
    /// Changes shown per corpus on the terminal.
    public var limit: Int

    /// The report's inputs.
    public init(entries: [Entry], limit: Int) {
        self.entries = entries
        self.limit = limit
    }

    /// The report.
    public var report: Report {
        let changed = entries.filter { !$0.check.changes.isEmpty }
        return Report(
            command: "rules check", title: "FaultLine rules check",
            context: ["\(entries.count) corp\(entries.count == 1 ? "us" : "ora")"],
            sections: [summarySection] + changed.map(changeSection) + [allChangesSection],
            document: RulesCheckDocument(entries: entries))
    }

    /// A corpus's result in words.
    static func result(_ entry: Entry) -> String {
        let count = entry.check.changes.count
        var words = entry.updated ? (entry.check.hadExpected ? "updated" : "written")
            : count == 0 ? "unchanged" : "\(CellText.text(.count(count))) changed figure\(count == 1 ? "" : "s")"
        if let bench = entry.bench, !bench.passed { words += "; below the throughput floor" }
        return words
    }

    var summarySection: Section {
        let rows: [[Cell]] = entries.map { entry in
            [.text(entry.check.corpus.folder), .count(entry.check.ticketsRead),
             .count(Set(entry.check.changes.filter { $0.entry == .ticket }.map(\.subject)).count),
             .count(Set(entry.check.changes.filter { $0.entry == .circuitPeriod }.map(\.subject)).count),
             .text(Self.result(entry)), Self.rate(entry.bench?.ticketsPerSecond), Self.rate(entry.bench?.floor)]
        }
        let table = Table(csvName: "corpora",
                          columns: [Column("corpus"), Column("tickets", csv: "tickets_read"),
                                    Column("tickets changed", csv: "tickets_changed"),
                                    Column("circuit-periods changed", csv: "circuit_periods_changed"), Column("result"),
                                    Column("tickets/s", csv: "tickets_per_second"), Column("floor", csv: "floor_tickets_per_second")],
                          rows: rows)
        return Section(id: "corpora", title: "Corpora",
                       lead: "each corpus judged again and compared with its expected.json", blocks: [.table(table)])
    }

    /// Tickets per second, whole; missing when not timed.
    static func rate(_ value: Double?) -> Cell { value.map { .count(Int($0.rounded())) } ?? .number(nil, .count) }

    func changeSection(_ entry: Entry) -> Section {
        let changes = entry.check.changes
        var blocks: [Block] = [.table(Table(columns: JudgementChange.columns, rows: changes.prefix(limit).map(\.cells)))]
        if changes.count > limit {
            blocks.append(.text("… and \(CellText.text(.count(changes.count - limit))) more; all of them with --csv DIR (changes.csv) or --json FILE"))
        }
        return Section(id: "changes-\(entry.check.corpus.name)", title: "Changes in \(entry.check.corpus.folder)",
                       lead: "old = expected.json, new = this judgement", blocks: blocks)
    }

    /// Every change of every corpus, for programs.
    var allChangesSection: Section {
        let rows = entries.flatMap { entry in entry.check.changes.map { [.text(entry.check.corpus.folder)] + $0.cells } }
        return Section(id: "all-changes", title: "All changes",
                       blocks: [.table(Table(csvName: "changes", columns: [Column("corpus")] + JudgementChange.columns,
                                             rows: rows, isShownToPeople: false))])
    }
}

/// The JSON of `rules check`: per corpus its folder, tickets read, result, every change and
/// the bench (null when not timed).
struct RulesCheckDocument: Encodable, Sendable {
    var entries: [RulesCheckReport.Entry]

    private enum Key: String, CodingKey { case corpora }
    private enum CorpusKey: String, CodingKey { case corpus, ticketsRead, hadExpected, updated, changes, bench }
    private enum BenchKey: String, CodingKey { case ticketsPerSecond, floorTicketsPerSecond, runs, passed }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        var corpora = container.nestedUnkeyedContainer(forKey: .corpora)
        for entry in entries {
            var corpus = corpora.nestedContainer(keyedBy: CorpusKey.self)
            try corpus.encode(entry.check.corpus.folder, forKey: .corpus)
            try corpus.encode(entry.check.ticketsRead, forKey: .ticketsRead)
            try corpus.encode(entry.check.hadExpected, forKey: .hadExpected)
            try corpus.encode(entry.updated, forKey: .updated)
            try corpus.encode(entry.check.changes.map(ChangeRow.init), forKey: .changes)
            guard let bench = entry.bench else { try corpus.encodeNil(forKey: .bench); continue }
            var figures = corpus.nestedContainer(keyedBy: BenchKey.self, forKey: .bench)
            try figures.encode(bench.ticketsPerSecond, forKey: .ticketsPerSecond)
            try figures.encode(bench.floor, forKey: .floorTicketsPerSecond)
            try figures.encode(bench.runs, forKey: .runs)
            try figures.encode(bench.passed, forKey: .passed)
        }
    }
}
