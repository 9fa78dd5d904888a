import TicketLog

/// One ticket log judged under two rule sets: each tier's figures under both, the tickets whose
/// verdict flips and the circuit-periods whose credit changes.
public struct RulesDiff: Sendable {
    /// One figure of one tier (or `all`) under the old and the new rules.
    public struct TierFigure: Sendable, Hashable {
        /// The tier key, or `all`.
        public var tier: String
        /// The figure's name (`restorationMet`, `credits`, …).
        public var figure: String
        /// Its value under the old and the new rules (nil: the tier is absent, or a check never applied).
        public var old: FigureValue?
        public var new: FigureValue?

        /// Whether the figure differs.
        public var changed: Bool { old != new }
    }

    /// The log as judged under the old rules.
    public var old: EvaluationOutcome
    /// The log as judged under the new rules.
    public var new: EvaluationOutcome
    /// Every tier's figures (catalogue order of the new rules, then tiers only the old had,
    /// then `all`), figure by figure.
    public var tierFigures: [TierFigure]
    /// Verdicts that differ, by ticket id then check (a ticket judged on one side only lists
    /// each verdict against nil).
    public var ticketChanges: [JudgementChange]
    /// Circuit-periods whose credit differs (`credit` only), by key.
    public var creditChanges: [JudgementChange]

    /// Compares two judgements of the same files.
    public init(old: EvaluationOutcome, new: EvaluationOutcome) {
        self.old = old
        self.new = new
        let changes = Judgement(new).changes(since: Judgement(old))
        ticketChanges = changes.filter { $0.entry == .ticket }
        creditChanges = changes.filter { $0.entry == .circuitPeriod && $0.figure == "credit" }
        tierFigures = Self.tierFigures(old: old, new: new)
    }

    /// Tickets whose verdict flips (distinct ids).
    public var flippedTickets: Int { Set(ticketChanges.map(\.subject)).count }

    private static func tierFigures(old: EvaluationOutcome, new: EvaluationOutcome) -> [TierFigure] {
        let before = Dictionary(old.evaluation.byTier.map { ($0.tier, TierCounts($0)) }, uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new.evaluation.byTier.map { ($0.tier, TierCounts($0)) }, uniquingKeysWith: { a, _ in a })
        var tiers = new.evaluation.byTier.map(\.tier)
        tiers += old.evaluation.byTier.map(\.tier).filter { !tiers.contains($0) }
        let rows = tiers.flatMap { tier in figureRows(tier, old: before[tier], new: after[tier]) }
        return rows + Self.figureRows("all", old: TierCounts(old.evaluation.totals), new: TierCounts(new.evaluation.totals))
    }

    private static func figureRows(_ tier: String, old: TierCounts?, new: TierCounts?) -> [TierFigure] {
        let names = (new ?? old)?.reportedFigures.map(\.name) ?? []
        let before = Dictionary(old?.reportedFigures.map { ($0.name, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        let after = Dictionary(new?.reportedFigures.map { ($0.name, $0.value) } ?? [], uniquingKeysWith: { a, _ in a })
        return names.map { TierFigure(tier: tier, figure: $0, old: before[$0] ?? nil, new: after[$0] ?? nil) }
    }
}

extension TierCounts {
    /// The figures `evaluate` reports per tier, in its order: counts, each check's met share
    /// (nil when it never applied), availability, repeats, credits.
    var reportedFigures: [(name: String, value: FigureValue?)] {
        let share = { (met: Int, applicable: Int) -> FigureValue? in
            applicable == 0 ? nil : .share(Double(met) / Double(applicable))
        }
        return [("tickets", .count(tickets)), ("outageTickets", .count(outageTickets)), ("excludedTickets", .count(excludedTickets)),
                ("dispatchMet", share(dispatchMet, dispatchApplicable)), ("acceptMet", share(acceptMet, acceptApplicable)),
                ("restorationMet", share(restorationMet, restorationApplicable)),
                ("confirmationMet", share(confirmationMet, confirmationApplicable)),
                ("faultReportMet", share(faultReportMet, faultReportApplicable)),
                ("circuitPeriods", .count(circuitPeriods)), ("availabilityMet", .count(availabilityMet)),
                ("repeatViolations", .count(repeatViolations)), ("credits", .money(credits)),
                ("expectedCredits", .money(expectedCredits))]
    }
}
