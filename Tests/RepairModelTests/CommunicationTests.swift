import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// Progress updates at the after-sales level's interval and the fault report after restoration:
/// agent work, and `report_sent_at` judged by the rule engine.
@Suite struct CommunicationTests {
    /// Every ticket is reported at its fault (delays 0) and restored exactly `repair` later by one
    /// of plenty of crews (travel 0); plenty of agents, so no task ever waits.
    static func yaml(repair: String, report: String = "30m", update: String = "1m") -> String {
        """
        name: communication
        start: 2026-01-05
        horizon: 200d
        warmup: 10d
        seed: 3
        inventory:
          sl1: {product: virtual-network, grade: group, region: r, circuits: 100, monthlyFee: 100, networkGrade: N}
          sl3: {product: virtual-network, grade: localC, region: r, circuits: 100, monthlyFee: 100, networkGrade: N}
          aa: {product: sdh, tier: SLA-AA, grade: provincial, region: r, circuits: 100, monthlyFee: 100, networkGrade: N}
        faults:
          rates:
            virtual-network: {access: 2}
            sdh: {access: 2}
        detection:
          proactive: {delay: 0m}
          customer: {delay: 0m, offHoursDelay: 0m}
          accountManager: {share: 0, delay: 0m}
        monitoringCentre:
          roster: [{shift: always, agents: 20}]
          intake: 0m
          confirm: 0m
          progressUpdate: \(update)
          faultReport: \(report)
        crews:
          r: {roster: [{shift: always, crews: 30}]}
        travel: {r: 0m}
        repair:
          access: \(repair)
        """
    }

    static func run(repair: String, report: String = "30m", update: String = "1m") throws -> ReplicationOutcome {
        RepairSimulation(scenario: try Fixtures.scenario(yaml(repair: repair, report: report, update: update)),
                         replication: 0).run()
    }

    /// Restoration takes 100 minutes: VIP-SL1 (every 30 min) gets updates at 30, 60 and 90
    /// minutes; VIP-SL3 (every 2 h) none; each is sent 1 minute after it falls due.
    @Test func aTicketOpenForNIntervalsGetsNUpdates() throws {
        let outcome = try Self.run(repair: "100m")
        let work = outcome.staff.agentWork
        #expect(outcome.counts.openAtHorizon == 0)
        var expected = 0
        for (ticket, detail) in zip(outcome.tickets, outcome.details) {
            #expect(abs(ReplicationOutcome.minutes(ticket.reportedAt, ticket.repairedAt) - 100) <= 1.0 / 60)
            expected += detail.inventoryClass == 1 ? 0 : 3   // localC → VIP-SL3; group, provincial → VIP-SL1
        }
        #expect(outcome.tickets.count > 250)   // 300 circuits × 2 a year × 190 days
        #expect(work.updatesDue == expected)
        #expect(work.updatesSent == expected)
        #expect(work.updatesLate == 0 && work.updatesMerged == 0)
        #expect(work.updateDelayMinutes.count == expected)
        #expect(abs(work.updateDelayMinutes.mean - 1) < 1e-9 && work.updateDelayMinutes.max == 1)
    }

    /// An update takes 40 minutes, longer than VIP-SL1's 30-minute interval. Per ticket restored in
    /// 100 minutes: the update due at 30 is sent at 70 (late); the one due at 60 finds it still
    /// with the agent and is merged into it (late, no extra work); the one due at 90 is sent at 130
    /// (late). So 3 due, 2 sent, 2 sent late, 1 merged.
    @Test func anUpdateStillWaitingAbsorbsTheNextOne() throws {
        let outcome = try Self.run(repair: "100m", update: "40m")
        let work = outcome.staff.agentWork
        let vip1 = outcome.details.filter { $0.inventoryClass != 1 }.count
        #expect(vip1 > 150)
        #expect(work.updatesDue == 3 * vip1)
        #expect(work.updatesMerged == vip1)
        // The second update of a ticket repaired in the last 30 minutes ends after the horizon.
        #expect(work.updatesSent <= 2 * vip1 && work.updatesSent >= 2 * vip1 - 2)
        #expect(work.updatesLate == work.updatesSent)
        #expect(work.updateDelayMinutes.min == 40 && work.updateDelayMinutes.max == 40)
    }

    /// Restored in 29 minutes: no update falls due (the first would at 30).
    @Test func aTicketRestoredWithinOneIntervalGetsNone() throws {
        let outcome = try Self.run(repair: "29m")
        #expect(outcome.tickets.count > 250)   // 300 circuits × 2 a year × 190 days
        #expect(outcome.staff.agentWork.updatesDue == 0)
    }

    /// SLA-AA promises a report within 2 working days; the engine judges the simulated
    /// `report_sent_at` (confirmation + 30 minutes here) and finds every one in time. Untiered
    /// circuits (judged under QLC) get no report.
    @Test func faultReportsAreSentAfterConfirmationAndJudgedByTheEngine() throws {
        let outcome = try Self.run(repair: "100m")
        var reports = 0
        for (ticket, detail) in zip(outcome.tickets, outcome.details) where ticket.confirmedAt != nil {   // closed tickets
            guard detail.inventoryClass == 2 else {
                #expect(ticket.reportSentAt == nil)
                continue
            }
            guard let sent = ticket.reportSentAt else {   // confirmed within 30 min of the horizon
                #expect(ticket.confirmedAt!.seconds > outcome.window.upperBound.seconds - 1800)
                continue
            }
            let minutes = ReplicationOutcome.minutes(ticket.confirmedAt!, sent)
            #expect(minutes >= 30 - 1.0 / 60 && minutes <= 30 + 1.0 / 60, "T\(detail.number): \(minutes) min")
            reports += 1
        }
        #expect(reports > 80)
        #expect(outcome.staff.agentWork.reportsSent == reports)
        let tier = try #require(outcome.evaluate().byTier.first { $0.tier == "SLA-AA" })
        #expect(tier.faultReport.applicable == reports && tier.faultReport.met == reports)
    }

    /// Five calendar days is later than 2 working days from any instant (Mon–Fri calendar, no
    /// holidays: at most 4 days), so the engine finds every report late.
    @Test func aLateReportIsMissedByTheEngine() throws {
        let outcome = try Self.run(repair: "100m", report: "5d")
        let tier = try #require(outcome.evaluate().byTier.first { $0.tier == "SLA-AA" })
        #expect(tier.faultReport.applicable > 80)
        #expect(tier.faultReport.met == 0)
    }
}
