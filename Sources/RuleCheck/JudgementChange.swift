/// One figure that differs between two judgements of the same log: which entry, which figure,
/// its old and its new value (nil where the entry is absent on that side).
public struct JudgementChange: Hashable, Sendable {
    /// What kind of entry changed.
    public enum Entry: String, Hashable, Sendable, CaseIterable {
        /// A tier's figures, the totals, a ticket's verdicts, a circuit-period's figures, a rejected row's reason.
        case tier, totals, ticket, circuitPeriod, rejectedRow
    }

    /// The kind of entry.
    public var entry: Entry
    /// The entry: a tier key, `all`, a ticket id, `circuit period`, `file:line`.
    public var subject: String
    /// The figure's name (`restoration`, `credit`, `restorationMet`, `reason`).
    public var figure: String
    /// The value before; nil when the entry was absent.
    public var old: FigureValue?
    /// The value now; nil when the entry is absent.
    public var new: FigureValue?

    /// A change of `figure` of `subject` from `old` to `new`.
    public init(entry: Entry, subject: String, figure: String, old: FigureValue?, new: FigureValue?) {
        self.entry = entry
        self.subject = subject
        self.figure = figure
        self.old = old
        self.new = new
    }
}

extension Judgement {
    /// Every figure that differs from `old`: tiers (by key), the totals, tickets (by id),
    /// circuit-periods and rejected rows (by key), each figure in name order; empty when the
    /// judgements are equal. An entry on one side only lists each of its figures against nil.
    /// - Complexity: O(n log n) in the number of entries.
    public func changes(since old: Judgement) -> [JudgementChange] {
        Self.changes(.tier, old.byTier, byTier)
            + Self.changes(.totals, ["all": old.totals], ["all": totals])
            + Self.changes(.ticket, old.tickets, tickets)
            + Self.changes(.circuitPeriod, old.circuitPeriods, circuitPeriods)
            + Self.changes(.rejectedRow, old.rejected.mapValues(RejectionReason.init), rejected.mapValues(RejectionReason.init))
    }

    private static func changes<Figures: NamedFigures>(
        _ entry: JudgementChange.Entry, _ old: [String: Figures], _ new: [String: Figures]
    ) -> [JudgementChange] {
        Set(old.keys).union(new.keys).sorted().flatMap { key in
            changes(entry, key, old: old[key]?.figures ?? [], new: new[key]?.figures ?? [])
        }
    }

    private static func changes(
        _ entry: JudgementChange.Entry, _ subject: String,
        old: [(name: String, value: FigureValue)], new: [(name: String, value: FigureValue)]
    ) -> [JudgementChange] {
        let before = Dictionary(old.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.map { ($0.name, $0.value) }, uniquingKeysWith: { a, _ in a })
        return Set(before.keys).union(after.keys).sorted().compactMap { name in
            before[name] == after[name] ? nil
                : JudgementChange(entry: entry, subject: subject, figure: name, old: before[name], new: after[name])
        }
    }
}

/// A rejected row's reason as a named figure.
struct RejectionReason: NamedFigures {
    var reason: String
    init(_ reason: String) { self.reason = reason }
    var figures: [(name: String, value: FigureValue)] { [("reason", .text(reason))] }
}
