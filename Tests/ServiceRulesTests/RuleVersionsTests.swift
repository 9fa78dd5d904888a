import ServiceRules
import Testing

/// Versioned rules (docs/rules-semantics.md "Versioned rules"): a year straddling the change of
/// SLA-AA's restoration limit from 90 to 60 minutes on 1 July 2026, every verdict worked by hand.
@Suite("versioned rules")
struct RuleVersionsTests {
    static let rules = """
        versions:
          - name: "2026-H1"
            effective: 2026-01-01
          - name: "2026-H2"
            effective: 2026-07-01
            tiers:
              SLA-AA:
                restorationLimit: 60m
        """

    /// Five SLA-AA sdh circuits (fee 3,000), one ticket each, every ticket restored 75 minutes
    /// after it was reported (dispatch, accept and confirmation met).
    static let circuits = (1...5).map { circuit("C\($0)", tier: "SLA-AA", grade: .group, fee: 3000) }
    static let tickets = [
        outage("T-MAR", circuit: "C1", start: "2026-03-10T10:00:00", minutes: 75),
        outage("T-JUN-30", circuit: "C2", start: "2026-06-30T23:00:00", minutes: 75),   // reported before the change
        outage("T-JUL-01", circuit: "C3", start: "2026-07-01T00:00:00", minutes: 75),   // reported at the change
        outage("T-NOV", circuit: "C4", start: "2026-11-05T10:00:00", minutes: 75),
        reportedLate,
    ]
    /// Fault 23:50 on 30 June, reported 00:10 on 1 July, restored 75 minutes after the report.
    static var reportedLate: TicketRecord {
        var ticket = outage("T-LATE", circuit: "C5", start: "2026-06-30T23:50:00", minutes: 95)
        ticket.reportedAt = at("2026-07-01T00:10:00")
        ticket.dispatchedAt = at("2026-07-01T00:15:00")
        ticket.acceptedAt = at("2026-07-01T00:20:00")
        return ticket
    }

    static func judged(_ text: String = rules) throws -> Evaluation {
        try RuleVersions.reading(rulesYAML: text, file: "rules.yaml", over: .builtIn)
            .evaluate(circuits: circuits, tickets: tickets)
    }

    static func restoration(_ evaluation: Evaluation) -> [String: CheckOutcome] {
        Dictionary(uniqueKeysWithValues: evaluation.tickets.map { ($0.ticketID, $0.restoration) })
    }

    @Test func eachTicketIsJudgedByTheVersionInForceWhenItWasReported() throws {
        let evaluation = try Self.judged()
        // 75 min: met against the first half's 90, missed against the second half's 60.
        #expect(Self.restoration(evaluation) == ["T-MAR": .met, "T-JUN-30": .met, "T-JUL-01": .missed, "T-NOV": .missed,
                                                 "T-LATE": .missed])
        #expect(evaluation.tickets.map(\.restorationLimitMinutes) == [90, 90, 60, 60, 60])
        let tally = evaluation.summary("SLA-AA").restoration
        #expect(tally.met == 2 && tally.applicable == 5)
    }

    @Test func theTicketInstantIsSelectable() throws {
        let byFault = try Self.judged(Self.rules + "\njudgeTicketsBy: faultStart\n")
        // T-LATE's fault began on 30 June, under the first half's 90 minutes.
        #expect(Self.restoration(byFault)["T-LATE"] == .met)
        #expect(Self.restoration(byFault)["T-JUL-01"] == .missed)
    }

    @Test func eachCircuitPeriodIsJudgedByTheVersionInForceAtItsStart() throws {
        let evaluation = try Self.judged()
        // 75 min of 44,640 (March) = 99.832 %, band [99.8, 99.95) → 10 % = 300; no overrun at 90.
        #expect(evaluation.period("C1", "2026-03")?.credit == 300)
        // June holds 60 min of T-JUN-30 (99.861 % → 300), July its last 15 (99.966 %: met, nothing).
        #expect(evaluation.period("C2", "2026-06")?.credit == 300)
        #expect(evaluation.period("C2", "2026-07")?.availabilityMet == true)
        #expect(evaluation.period("C2", "2026-07")?.credit == 0)
        // July under 60 min: 99.832 % → 300, plus a 15-minute overrun = one started hour × 1/30 = 100.
        #expect(evaluation.period("C3", "2026-07")?.credit == 400)
        // November (30 days): 99.826 % → 300 + 100.
        #expect(evaluation.period("C4", "2026-11")?.credit == 400)
        // March … November, five circuits: four periods under the first half, five under the second.
        #expect(evaluation.versions == [
            RuleVersionUse(name: "2026-H1", effective: "2026-01-01", tickets: 2, circuitPeriods: 20),
            RuleVersionUse(name: "2026-H2", effective: "2026-07-01", tickets: 3, circuitPeriods: 25),
        ])
        #expect(evaluation.totals.circuitPeriods == 45 && evaluation.totals.credits == 300 + 300 + 400 + 400 + 300)
    }

    @Test func aPlainRulesFileIsOneVersionAndJudgesAsBefore() throws {
        let plain = "tiers:\n  SLA-AA:\n    restorationLimit: 60m\n"
        let versions = try RuleVersions.reading(rulesYAML: plain, file: "rules.yaml", over: .builtIn)
        #expect(versions.versions.count == 1)
        let engine = RuleEngine(catalogue: try RuleCatalogue.builtIn.applying(rulesYAML: plain, file: "rules.yaml"))
        var expected = engine.evaluate(circuits: Self.circuits, tickets: Self.tickets)
        expected.versions = [RuleVersionUse(name: "rules", effective: nil, tickets: 5, circuitPeriods: 45)]
        #expect(versions.evaluate(circuits: Self.circuits, tickets: Self.tickets) == expected)
    }

    @Test func versionsOutOfOrderOrWithoutADateAreLocatedProblems() {
        let unordered = "versions:\n  - effective: 2026-07-01\n  - effective: 2026-01-01\n"
        #expect {
            _ = try RuleVersions.reading(rulesYAML: unordered, file: "r.yaml", over: .builtIn)
        } throws: { error in
            (error as? DocumentError)?.problems.first?.description.hasPrefix("r.yaml:3:16: versions[1].effective: versions must be in date order") == true
        }
        let undated = "versions:\n  - effective: 2026-01-01\n  - tiers: {SLA-AA: {restorationLimit: 60m}}\n"
        #expect {
            _ = try RuleVersions.reading(rulesYAML: undated, file: "r.yaml", over: .builtIn)
        } throws: { error in
            (error as? DocumentError)?.problems.first?.description.contains("needs `effective: YYYY-MM-DD`") == true
        }
    }
    /// Three versions that change nothing judge a random log exactly as the plain rules do: the
    /// assembly of tickets, circuit-periods and tier figures from the versions' pieces loses and
    /// doubles nothing (credits summed in another order, so within a rounding error).
    @Test(arguments: [1, 2, 42] as [UInt64], [PeriodKind.month, .quarter])
    func versionsThatChangeNothingJudgeAsThePlainRules(seed: UInt64, period: PeriodKind) throws {
        let (circuits, tickets) = PropertyTests().randomCase(seed: seed)
        let same = "versions:\n  - effective: 2026-01-01\n  - effective: 2026-03-01\n  - effective: 2026-06-01\n"
        let versions = try RuleVersions.reading(rulesYAML: same, file: "same.yaml", over: .builtIn)
        for span in [nil, at("2026-01-10T00:00:00")..<at("2027-02-01T00:00:00")] {
            let versioned = versions.evaluate(circuits: circuits, tickets: tickets, period: period, span: span)
            let plain = RuleEngine(catalogue: .builtIn).evaluate(circuits: circuits, tickets: tickets, period: period, span: span)
            expectSame(versioned, plain)
        }
    }

    func expectSame(_ versioned: Evaluation, _ plain: Evaluation) {
        #expect(versioned.tickets == plain.tickets && versioned.skipped == plain.skipped)
        #expect(versioned.circuitPeriods == plain.circuitPeriods)
        #expect(versioned.firstPeriod == plain.firstPeriod && versioned.lastPeriod == plain.lastPeriod)
        #expect(versioned.byTier.map(\.tier) == plain.byTier.map(\.tier))
        for (mine, theirs) in zip(versioned.byTier, plain.byTier) {
            var rounded = mine
            #expect(abs(mine.credits - theirs.credits) < 1e-6 && abs(mine.expectedCredits - theirs.expectedCredits) < 1e-6)
            (rounded.credits, rounded.expectedCredits) = (theirs.credits, theirs.expectedCredits)
            #expect(rounded == theirs)
        }
        #expect(versioned.versions.map(\.tickets).reduce(0, +) == plain.tickets.count)
        #expect(versioned.versions.map(\.circuitPeriods).reduce(0, +) == plain.totals.circuitPeriods)
        #expect(versioned.versions.allSatisfy { $0.tickets > 0 }, "every version judged some of the random tickets")
    }
}
