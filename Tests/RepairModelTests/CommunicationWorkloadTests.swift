import RepairModel
import Scenario
import ServiceRules
import SimCore
import Testing

/// The communication workload of `communication:`: monthly SLA circuit reports (by account
/// managers or agents) and the proactive outage notice, on cases whose counts are known exactly.
@Suite struct CommunicationWorkloadTests {
    /// 60 SLA-AA and 40 SLA-AAA circuits (network grade N: every fault an outage) and 50
    /// MQ-I circuits in one region, from 2026-01-01 for 100 days: months begin on 1 February,
    /// 1 March and 1 April.
    static func yaml(communication: String, faultRate: Double = 0, agents: Int = 1, intake: String = "0m") -> String {
        """
        name: talk
        start: 2026-01-01
        horizon: 100d
        warmup: 0d
        seed: 3
        inventory:
          aa: {product: sdh, tier: SLA-AA, grade: group, region: r, circuits: 60, monthlyFee: 6000}
          aaa: {product: sdh, tier: SLA-AAA, grade: group, region: r, circuits: 40, monthlyFee: 9000, networkGrade: N}
          mq: {product: sdh, tier: MQ-I, grade: localB, region: r, circuits: 50, monthlyFee: 4000}
        faults:
          rates:
            default: {access: \(faultRate)}
        detection:
          proactive: {delay: 0m}
          customer: {delay: 0m, offHoursDelay: 0m}
          accountManager: {share: 0, delay: 0m}
        monitoringCentre:
          roster: [{shift: always, agents: \(agents)}]
          intake: \(intake)
          confirm: 0m
          faultReport: 0m
          progressUpdate: 0m
        crews:
          r: {roster: [{shift: always, crews: 50}]}
        travel: {r: 0m}
        repair:
          default: "exponential(mean: 30m)"
        installs: {perDay: 0, work: 2h}
        escalation: none
        communication: \(communication)
        """
    }

    static func outcome(_ yaml: String) throws -> ReplicationOutcome {
        RepairSimulation(scenario: try Fixtures.scenario(yaml), replication: 0).run()
    }

    @Test func defaultsAreAccountManagersReportsAndSLAAAANotices() throws {
        var text = Self.yaml(communication: "{}")
        text = text.replacingOccurrences(of: "communication: {}", with: "")
        let communication = try Fixtures.scenario(text).communication
        let report = try #require(communication.monthlyReport)
        #expect(report.by == .accountManager && report.tiers == ["SLA-AAA", "SLA-AA", "SLA-A"] && report.spread == .days(5))
        #expect(report.work.mean == 15)
        let notice = try #require(communication.outageNotice)
        #expect(notice.tiers == ["SLA-AAA"] && notice.within == .minutes(15) && notice.work.mean == 5)
        #expect(try Fixtures.scenario(Self.yaml(communication: "none")).communication == .none)
    }

    @Test func aBadValueIsRefusedWithItsKeyPath() {
        #expect(throws: (any Error).self) { try Scenario.parse(yaml: Self.yaml(communication: "lots"), file: "t.yaml") }
        do {
            _ = try Scenario.parse(yaml: Self.yaml(communication: "{monthlyReport: {by: intern}}"), file: "t.yaml")
            Issue.record("an unknown party was accepted")
        } catch {
            #expect("\(error)".contains("communication.monthlyReport.by"), "\(error)")
        }
    }

    @Test func accountManagersWriteOneReportPerSLACircuitAndMonth() throws {
        let outcome = try Self.outcome(Self.yaml(communication: "{outageNotice: none}"))
        let talk = outcome.staff.communication
        #expect(talk.monthlyReportsByAccountManagers == 100 * 3, "100 SLA circuits (not MQ-I) × 3 months")
        #expect(abs(talk.accountManagerHours - 300 * 0.25) < 1e-9, "15 minutes each")
        #expect(talk.monthlyReportsByAgents == 0 && outcome.staff.agents.utilisation == 0, "no agent time")
    }

    @Test func agentsReportsAreAgentTasksInTheirUtilisation() throws {
        let outcome = try Self.outcome(Self.yaml(communication: "{monthlyReport: {by: agent, work: 10m}, outageNotice: none}"))
        let talk = outcome.staff.communication
        #expect(talk.monthlyReportsByAgents == 300 && talk.accountManagerHours == 0)
        #expect(abs(talk.monthlyReportAgentHours - 50) < 1e-6, "300 × 10 minutes")
        let busy = outcome.staff.agents.busyHours.reduce(0, +)
        #expect(abs(busy - 50) < 1e-6, "the agent's busy hours are the reports': \(busy)")
        let pool = try #require(outcome.waits.first { $0.pool == "agents.monthlyReport" })
        #expect(pool.jobs == 300 && pool.waited == 0, "a report every 72 minutes (100 over 5 days), each 10: \(pool.waited) waited")
    }

    @Test func everySLAAAAOutageIsNotifiedAndOnTimeWhenAgentsAreFree() throws {
        let outcome = try Self.outcome(Self.yaml(communication: "{monthlyReport: none}", faultRate: 40, agents: 8))
        let aaaOutages = zip(outcome.tickets, outcome.details).filter { $0.0.outage && $0.1.inventoryClass == 1 }.count
        let talk = outcome.staff.communication
        #expect(aaaOutages > 200 && talk.outageNoticesDue == aaaOutages, "\(talk.outageNoticesDue) notices, \(aaaOutages) outages")
        #expect(talk.outageNoticesSent == aaaOutages && talk.outageNoticeOnTimeShare == 1)
    }

    @Test func aNoticeLongerThanItsLimitIsNeverOnTime() throws {
        let outcome = try Self.outcome(Self.yaml(communication: "{monthlyReport: none, outageNotice: {work: 20m, within: 15m}}",
                                                 faultRate: 40, agents: 8))
        let talk = outcome.staff.communication
        #expect(talk.outageNoticesDue > 200 && talk.outageNoticesOnTime == 0 && talk.outageNoticeOnTimeShare == 0)
    }
}
