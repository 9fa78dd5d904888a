import Reports
import ServiceRules
import TicketLog

/// A corpus judged again and compared with its `expected.json`.
public struct CorpusCheck: Sendable {
    /// The corpus.
    public var corpus: RuleCorpus
    /// Tickets read from the log (judged or rejected).
    public var ticketsRead: Int
    /// What differs from `expected.json`, in ``Judgement/changes(since:)`` order (empty when
    /// there was no readable `expected.json` to update).
    public var changes: [JudgementChange]
    /// Whether `expected.json` existed and was read.
    public var hadExpected: Bool
    /// The new `expected.json` (what `--update` writes).
    public var expectedJSON: [UInt8]

    /// Judges `corpus` by `rules` and compares with its `expected.json`. With `updating`,
    /// a missing or unreadable `expected.json` is no error (it is about to be replaced) and
    /// counts as no change. Both sides are compared as read back from their JSON, so a figure
    /// that prints the same is the same.
    /// - Throws: `CorpusError`, or `TicketLogError` when a CSV file cannot be read at all.
    public static func run(_ corpus: RuleCorpus, rules: RuleVersions, updating: Bool = false) throws -> CorpusCheck {
        let outcome = try corpus.judge(by: rules)
        let bytes = try Judgement(outcome).expectedJSON()
        let now = try Judgement.read(expectedJSON: bytes, file: corpus.expectedPath)
        let before = updating ? try? corpus.expected() : try corpus.expected()
        return CorpusCheck(corpus: corpus, ticketsRead: outcome.tickets.rowsRead,
                           changes: before.map { now.changes(since: $0) } ?? [],
                           hadExpected: before != nil, expectedJSON: bytes)
    }
}
