import RepairModel
import Scenario
import SimCore
import Testing

/// Written progress reports on installations open over 15 working days (source §4.5). Every
/// order needs exactly 30 days of construction, crews are always free and the calendar is
/// Mon–Fri 08:30–17:30 without holidays, so an order (placed in working hours) is still open
/// 15 working days later (exactly 21 days) and 20 (28 days), and completed before 25 (35 days):
/// two reports each. Reports fall due by the horizon H for the orders placed by H − 21 d and
/// again for those placed by H − 28 d; orders come from their own stream, so a run to that
/// earlier horizon places exactly those orders.
@Suite struct InstallProgressReportTests {
    static func scenario(horizonDays: Int, reports: String = "{work: 30m}") throws -> Scenario {
        try Scenario.parse(yaml: """
            name: long-installs
            start: 2026-03-02
            horizon: \(horizonDays)d
            seed: 8
            inventory:
              lines: {product: virtual-network, grade: group, region: r, circuits: 100, monthlyFee: 100}
            faults:
              rates:
                virtual-network: {access: 0.5}
            monitoringCentre:
              roster: [{shift: always, agents: 10}]
            crews:
              r: {roster: [{shift: always, crews: 20}]}
            travel: {r: 0m}
            repair: {access: 1h}
            communication: none
            installs:
              perDay: 3
              work: 1h
              construction: {share: 1, time: 30d}
              progressReports: \(reports)
            """, file: "long-installs.yaml")
    }

    static func outcome(horizonDays: Int, reports: String = "{work: 30m}") throws -> ReplicationOutcome {
        RepairSimulation(scenario: try scenario(horizonDays: horizonDays, reports: reports), replication: 0).run()
    }

    @Test func everyLongOrderGetsAReportAt15And20WorkingDays() throws {
        let full = try Self.outcome(horizonDays: 120)
        let placedBy21 = try Self.outcome(horizonDays: 99).installs.ordered
        let placedBy28 = try Self.outcome(horizonDays: 92).installs.ordered
        #expect(placedBy28 > 100)
        let talk = full.staff.communication
        #expect(talk.installReportsDue == placedBy21 + placedBy28)
        #expect(abs(talk.installReportAccountManagerHours - 0.5 * Double(talk.installReportsDue)) < 1e-9)
        #expect(talk.installReportsByAgents == 0 && talk.installReportAgentHours == 0)
        // Completed: every order placed 35 days before the horizon, none placed in its last 30.
        let placedBy35 = try Self.outcome(horizonDays: 85).installs.ordered
        let placedBy30 = try Self.outcome(horizonDays: 90).installs.ordered
        #expect(full.installs.completed >= placedBy35 && full.installs.completed <= placedBy30)
    }

    @Test func agentsWriteThemAsTasksInTheirLine() throws {
        let full = try Self.outcome(horizonDays: 120, reports: "{by: agent, work: 30m}")
        let byManager = try Self.outcome(horizonDays: 120)
        let talk = full.staff.communication
        #expect(talk.installReportsDue == byManager.staff.communication.installReportsDue)
        #expect(talk.installReportsByAgents == talk.installReportsDue, "ten agents: every report is written at once")
        #expect(abs(talk.installReportAgentHours - 0.5 * Double(talk.installReportsDue)) < 1e-9)
        #expect(talk.installReportAccountManagerHours == 0)
        #expect(full.waits.first { $0.pool == "agents.installReport" }?.jobs == talk.installReportsDue)
        let busy = full.staff.agents.busyHours.reduce(0, +) - byManager.staff.agents.busyHours.reduce(0, +)
        #expect(abs(busy - talk.installReportAgentHours) < 1e-6, "the reports are the agents' only extra work")
    }

    @Test func withoutConstructionOrReportsThereAreNone() throws {
        #expect(try Self.outcome(horizonDays: 120, reports: "none").staff.communication.installReportsDue == 0)
        var quick = try Self.scenario(horizonDays: 120)
        quick.installs.construction = nil
        let outcome = RepairSimulation(scenario: quick, replication: 0).run()
        #expect(outcome.installs.ordered > 200)
        #expect(outcome.staff.communication.installReportsDue == 0, "orders of an hour's work never stay open 15 working days")
    }
}
