import Foundation
import ServiceRules
import SimCore
import SimRandom
import Testing
import TestSupport
@testable import Scenario

/// How a scenario's values are read: defaults, rosters, the rules file, variants and extends.
@Suite struct ScenarioReadingTests {
    /// The smallest valid scenario: only the required keys.
    static let minimal = """
        name: minimal
        start: 2026-03-02
        horizon: 30d
        inventory:
          a: {product: mpls-vpn, tier: SLA-A, grade: localB, region: east, circuits: 10, monthlyFee: 2500}
        faults: {rates: {mpls-vpn: {access: 0.4}}}
        monitoringCentre: {roster: [{shift: always, agents: 1}]}
        crews: {east: {roster: [{shift: "Mon-Fri 08:30-17:30", crews: 2}]}}
        travel: {default: 30m}
        repair: {access: "lognormal(mean: 2h, sd: 1h)"}

        """

    static func parse(_ text: String) throws -> Scenario { try Scenario.parse(yaml: text, file: "test.yaml") }

    @Test func defaultsAreAppliedWhereTheFileIsSilent() throws {
        let scenario = try Self.parse(Self.minimal)
        #expect(scenario.warmupMinutes == 0 && scenario.replications == 10 && scenario.seed == 1)
        #expect(scenario.calendar == .standard)
        #expect(scenario.detection.proactiveDelay == (try .exponential(mean: 3)))
        #expect(scenario.detection.accountManagerShare == 0.1)
        #expect(scenario.monitoringCentre.intake == (try .lognormal(mean: 6, sd: 3)))
        #expect(scenario.monitoringCentre.progressUpdate == (try .lognormal(mean: 2, sd: 1)))
        #expect(scenario.monitoringCentre.faultReport == (try .lognormal(mean: 10, sd: 5)))
        #expect(scenario.escalation.atFractionOfLimit == 0.75)
        #expect(scenario.installs.perDay == 0 && scenario.installs.appointmentWithinMinutes == 1440
                && scenario.installs.completeWithinMinutes == 4320)
        #expect(scenario.claimRates.count == RuleCatalogue.builtIn.tiers.count && scenario.claimRates.values.allSatisfy { $0 == 1 })
        #expect(scenario.faults.profile == .flat && scenario.faults.storms == nil)
        #expect(scenario.catalogue == RuleCatalogue.builtIn)
        #expect(scenario.travel["east"] == (try .deterministic(30)))
        #expect(Array(scenario.repair.keys) == [.access], "only segments that can fail need repair times")
        let row = try #require(scenario.inventory.first)
        #expect(row.networkGrade == "C" && row.afterSalesLevel == "VIP-SL3" && row.isVPN)
    }

    @Test func progressUpdateAndFaultReportWorkAreRead() throws {
        let text = Self.minimal.replacingOccurrences(
            of: "monitoringCentre: {roster: [{shift: always, agents: 1}]}",
            with: "monitoringCentre: {roster: [{shift: always, agents: 1}], progressUpdate: 90s, faultReport: \"exponential(mean: 25m)\"}")
        let centre = try Self.parse(text).monitoringCentre
        #expect(centre.progressUpdate == (try .deterministic(1.5)))
        #expect(centre.faultReport == (try .exponential(mean: 25)))
    }

    /// Shifts and (day of week from Monday = 0, minute of day, crews on duty) checks.
    static let shiftChecks: [(String, [(day: Int, minute: Int, crews: Int)])] = [
        ("Mon-Fri 08:30-17:30", [(0, 8 * 60 + 29, 0), (0, 8 * 60 + 30, 3), (4, 17 * 60 + 29, 3), (5, 10 * 60, 0)]),
        ("00:00-08:00", [(6, 0, 3), (6, 7 * 60 + 59, 3), (6, 8 * 60, 0)]),
        ("always", [(0, 0, 3), (3, 700, 3), (6, 1439, 3)]),
        ("16:00-24:00", [(2, 15 * 60 + 59, 0), (2, 16 * 60, 3), (2, 23 * 60 + 59, 3)]),
        ("22:00-06:00", [(6, 23 * 60, 3), (0, 5 * 60 + 59, 3), (0, 6 * 60, 0), (0, 21 * 60 + 59, 0)]),
        ("Sat,Sun 22:00-06:00", [(5, 23 * 60, 3), (0, 5 * 60, 3), (0, 23 * 60, 0)]),
        ("Mon 12:00-12:00", [(0, 11 * 60 + 59, 0), (0, 12 * 60, 3), (1, 11 * 60 + 59, 3), (1, 12 * 60, 0)]),
        ("Sat 00:00-00:00", [(4, 23 * 60 + 59, 0), (5, 0, 3), (5, 23 * 60 + 59, 3), (6, 0, 0)]),
        ("daily", [(0, 0, 3), (3, 700, 3), (6, 1439, 3)]),
    ]

    @Test(arguments: shiftChecks)
    func shiftsBecomeRosters(shift: String, checks: [(day: Int, minute: Int, crews: Int)]) throws {
        let text = Self.minimal.replacingOccurrences(of: "\"Mon-Fri 08:30-17:30\", crews: 2", with: "\"\(shift)\", crews: 3")
        let roster = try #require(try Self.parse(text).crews(in: "east")).onDuty
        // 2026-03-02 is a Monday, so simulated time 0 is Monday 00:00.
        for check in checks {
            let time = SimTime.minutes(Int64(check.day * 1440 + check.minute))
            #expect(roster.capacity(at: time) == check.crews, "\(shift) on day \(check.day) minute \(check.minute)")
        }
    }

    @Test func rostersStartOnTheWeekdayOfTheStartDate() throws {
        let text = Self.minimal.replacingOccurrences(of: "start: 2026-03-02", with: "start: 2026-03-07")  // a Saturday
        let scenario = try Self.parse(text)
        #expect(scenario.startMinuteOfWeek == 5 * 1440)
        #expect(try #require(scenario.crews(in: "east")).onDuty.capacity(at: .hours(2 * 24 + 9)) == 2, "Monday 09:00")
        #expect(try #require(scenario.crews(in: "east")).onDuty.capacity(at: .hours(9)) == 0, "Saturday 09:00")
    }

    @Test func theRulesFileIsAppliedBeforeNamesAreChecked() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try folder.write("tiers:\n  SLA-GOLD: {basedOn: SLA-AA, restorationLimit: 75m}\n", to: "rules.yaml")
        let text = Self.minimal.replacingOccurrences(of: "tier: SLA-A,", with: "tier: SLA-GOLD,") + "rules: rules.yaml\n"
        let scenario = try Scenario.parse(yaml: text, file: "s.yaml", baseDirectory: folder.path)
        #expect(scenario.inventory.first?.tier == "SLA-GOLD" && scenario.inventory.first?.networkGrade == "B")
        #expect(scenario.catalogue.tier("SLA-GOLD")?.restorationLimit == .minutes(75))
        #expect(scenario.claimRates["SLA-GOLD"] == 1)
        #expect(scenario.rulesFile == folder.path + "/rules.yaml")
    }

    @Test func theCalendarBecomesTheCataloguesStandardCalendar() throws {
        let text = Self.minimal + "calendar: {workingHours: [\"Mon-Sat 08:00-12:00\", \"Mon-Sat 13:00-17:00\"], holidays: [2026-10-01]}\n"
        let calendar = try Self.parse(text).calendar
        #expect(calendar.workdays.count == 6 && calendar.hours.count == 2 && calendar.workingDayLength == 8 * 3600)
        #expect(try Self.parse(text).catalogue.calendar("standard") == calendar)
    }

    @Test func variantsAreDeepMergedOverTheScenario() throws {
        let text = Self.minimal + """
            variants:
              - name: bigger
                description: ten times the circuits
                overrides:
                  inventory: {a: {circuits: 100}}
                  faults: {storms: {perYear: 4, multiplier: 5, duration: "lognormal(mean: 36h, sd: 12h)"}}
              - name: no-travel-default
                overrides:
                  travel: {default: ~, east: 45m}

            """
        let scenario = try Self.parse(text)
        #expect(scenario.variants.map(\.name) == ["bigger", "no-travel-default"])
        let bigger = scenario.variants[0].scenario
        #expect(bigger.name == "minimal/bigger" && bigger.circuitCount == 100 && bigger.faults.storms?.perYear == 4)
        #expect(bigger.inventory.first?.tier == "SLA-A", "keys not overridden are kept")
        #expect(scenario.variants[1].scenario.travel == ["east": try .deterministic(45)])
        #expect(scenario.circuitCount == 10 && scenario.faults.storms == nil, "the scenario itself is unchanged")
    }

    @Test func extendsMergesOverTheBaseFileRelativeToTheFile() throws {
        let folder = try TemporaryFolder()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("base"), withIntermediateDirectories: true)
        try folder.write(Self.minimal + "rules: rules.yaml\n", to: "base/base.yaml")
        try folder.write("fallbackTier: QLC\n", to: "base/rules.yaml")
        try folder.write("extends: base/base.yaml\nname: child\ninventory: {a: {region: east, circuits: 3}}\n", to: "child.yaml")
        let child = try Scenario.load(path: folder.file("child.yaml"))
        #expect(child.name == "child" && child.circuitCount == 3 && child.inventory.first?.product == "mpls-vpn")
        #expect(child.rulesFile == folder.file("base") + "/rules.yaml", "rules: is relative to the file that names it")
    }

    @Test func everyProblemIsReportedAtOnceInFileOrder() {
        let text = Self.minimal
            .replacingOccurrences(of: "horizon: 30d", with: "horizon: 30")
            .replacingOccurrences(of: "grade: localB", with: "grade: localb")
            .replacingOccurrences(of: "agents: 1", with: "agents: -1") + "replications: 0\nwarmup: 1d\n"
        let error = #expect(throws: ScenarioError.self) { try Self.parse(text) }
        #expect(error?.problems.map(\.keyPath) == ["horizon", "inventory.a.grade", "monitoringCentre.roster[0].agents", "replications"])
        #expect(error?.problems.map(\.line) == [3, 5, 7, 11])
        #expect(error?.description.split(separator: "\n").first == "test.yaml:3:10: horizon: a duration needs a unit (s, m, h, d or w), e.g. `30d` or `30m`; found `30`")
        #expect(error?.problems[1].suggestion == "localB")
    }
}

extension ScenarioReadingTests {
    @Test func aVariantDoesNotRepeatTheScenariosOwnProblems() {
        let text = Self.minimal.replacingOccurrences(of: "horizon: 30d", with: "horizon: 30")
            + "variants:\n  - name: v\n    overrides: {replications: 0}\n"
        let error = #expect(throws: ScenarioError.self) { try Self.parse(text) }
        #expect(error?.problems.map(\.keyPath) == ["horizon", "variants[0].replications"])
    }
}

extension ScenarioReadingTests {
    @Test(arguments: [("", DispatchPolicy.tierPriority), ("dispatch: {policy: tier-priority}\n", .tierPriority),
                      ("dispatch: {policy: fifo}\n", .fifo), ("dispatch:\n  policy: earliest-deadline\n", .earliestDeadline)])
    func theDispatchPolicyIsRead(line: String, policy: DispatchPolicy) throws {
        #expect(try Self.parse(Self.minimal + line).dispatchPolicy == policy)
    }

    @Test func aVariantCanChangeTheDispatchPolicy() throws {
        let text = Self.minimal + "variants:\n  - name: edf\n    overrides: {dispatch: {policy: earliest-deadline}}\n"
        let scenario = try Self.parse(text)
        #expect(scenario.dispatchPolicy == .tierPriority)
        #expect(scenario.variants.first?.scenario.dispatchPolicy == .earliestDeadline)
    }

    @Test func anUnknownDispatchPolicyIsLocatedWithASuggestion() {
        let error = #expect(throws: ScenarioError.self) { try Self.parse(Self.minimal + "dispatch:\n  policy: earliest\n") }
        #expect(error?.problems.count == 1)
        #expect(error?.description.split(separator: "\n").first
                == "test.yaml:12:11: dispatch.policy: unknown dispatch policy `earliest`; did you mean `earliest-deadline`?")
    }
}

/// Whole-day and 24-hour forms of shifts and working hours, read by the one shift reader.
extension ScenarioReadingTests {
    static let everyDay = Set(Weekday.allCases)
    static let wholeDays: [(String, Set<Weekday>)] = [
        ("\"00:00-24:00\"", everyDay), ("daily", everyDay), ("always", everyDay),
        ("\"Mon-Fri 00:00-24:00\"", [.monday, .tuesday, .wednesday, .thursday, .friday]),
        ("\"daily 00:00-00:00\"", everyDay),
    ]

    @Test(arguments: wholeDays)
    func wholeDaysAreWorkingHours(hours: String, days: Set<Weekday>) throws {
        let calendar = try Self.parse(Self.minimal + "calendar: {workingHours: \(hours)}\n").calendar
        #expect(calendar.hours == [WorkingHours(startMinute: 0, endMinute: 1440)])
        #expect(calendar.workdays == days)
        #expect(calendar.workingDayLength == 86_400)
    }

    /// (the text replacing the east roster's shift, or a calendar line, and the first line of the error).
    static let malformedForms: [(String, String)] = [
        ("crews: {east: {roster: [{shift: \"12:00-12:60\", crews: 2}]}}",
         "test.yaml:8:33: crews.east.roster[0].shift: expected clock times `HH:MM-HH:MM`, found `12:00-12:60` (in `12:00-12:60`)"),
        ("crews: {east: {roster: [{shift: \"daily 08:00\", crews: 2}]}}",
         "test.yaml:8:33: crews.east.roster[0].shift: expected clock times `HH:MM-HH:MM`, found `08:00` (in `daily 08:00`)"),
        ("calendar: {workingHours: \"12:00-12:00\"}",
         "test.yaml:11:26: calendar.workingHours: expected working hours like `Mon-Fri 08:30-17:30`, `00:00-24:00` or `daily` "
            + "(within one day, midnight to midnight at most), found `12:00-12:00`"),
        ("calendar: {workingHours: \"Mon-Fri 22:00-06:00\"}",
         "test.yaml:11:26: calendar.workingHours: expected working hours like `Mon-Fri 08:30-17:30`, `00:00-24:00` or `daily` "
            + "(within one day, midnight to midnight at most), found `Mon-Fri 22:00-06:00`"),
    ]

    @Test(arguments: malformedForms)
    func aMalformedShiftOrSpanIsLocated(line: String, message: String) {
        let text = line.hasPrefix("crews:")
            ? Self.minimal.replacingOccurrences(of: "crews: {east: {roster: [{shift: \"Mon-Fri 08:30-17:30\", crews: 2}]}}", with: line)
            : Self.minimal + line + "\n"
        let error = #expect(throws: ScenarioError.self) { try Self.parse(text) }
        #expect(error?.problems.count == 1)
        #expect(error?.description.split(separator: "\n").first.map(String.init) == message)
    }
}

/// `escalation:` as none, the short form and levels.
extension ScenarioReadingTests {
    @Test func escalationCanBeSwitchedOffOrGivenAsLevels() throws {
        #expect(try Self.parse(Self.minimal + "escalation: none\n").escalation == .none)
        #expect(try Self.parse(Self.minimal + "escalation: {atFractionOfLimit: 0.5}\n").escalation == .atFractionOfLimit(0.5))
        let levels = try Self.parse(Self.minimal + """
            escalation:
              levels:
                - {name: supervisor, atFractionOfLimit: 0.5, tiers: [SLA-A], raisePriority: true}
                - {name: manager, after: 2h, afterSales: VIP-SL1, notify: {who: dutyManager, work: 10m}, informAccountManager: true}
                - {name: on-call, afterSalesStep: 2, callOut: true}

            """).escalation.levels
        #expect(levels.map(\.name) == ["supervisor", "manager", "on-call"])
        #expect(levels[0].threshold == .fractionOfLimit(0.5) && levels[0].tiers == ["SLA-A"] && levels[0].raisesPriority)
        #expect(levels[1].threshold == .after(.hours(2)) && levels[1].afterSalesLevels == ["VIP-SL1"])
        let work = try Distribution.deterministic(10)
        #expect(levels[1].notify == EscalationLevel.Notice(who: .dutyManager, work: work))
        #expect(levels[1].informsAccountManager && !levels[1].raisesPriority)
        #expect(levels[2].threshold == .afterSalesStep(2) && levels[2].callsOut)
    }

    @Test func levelsReplaceTheShortFormMergedFromTheBase() throws {
        let text = Self.minimal + "escalation: {atFractionOfLimit: 0.5}\n"
            + "variants:\n  - name: v\n    overrides: {escalation: {levels: [{name: l, after: 1h}]}}\n"
        let variant = try #require(try Self.parse(text).variants.first).scenario
        #expect(variant.escalation.levels.map(\.name) == ["l"])
    }

    static let escalationMistakes: [(String, String)] = [
        ("escalation: off\n", "test.yaml:11:13: escalation: expected `none` or a mapping with `atFractionOfLimit` or `levels`, found `off`"),
        ("escalation: {levels: [{name: a}]}\n",
         "test.yaml:11:23: escalation.levels[0]: a level needs `atFractionOfLimit` (a share of the limit), `after` (a time) "
            + "or `afterSalesStep` (a step of the after-sales level's escalateAfter)"),
        ("escalation: {levels: [{name: a, after: 1h, notify: {who: boss, work: 5m}}]}\n",
         "test.yaml:11:58: escalation.levels[0].notify.who: unknown notified role `boss`; known: agent, dutyManager"),
        ("escalation: {levels: [{name: a, after: 0m}]}\n",
         "test.yaml:11:40: escalation.levels[0].after: must be above 0 (a ticket cannot escalate before it is reported)"),
    ]

    @Test(arguments: escalationMistakes)
    func escalationMistakesAreLocated(line: String, message: String) {
        let error = #expect(throws: ScenarioError.self) { try Self.parse(Self.minimal + line) }
        #expect(error?.description.split(separator: "\n").first.map(String.init) == message)
    }
}

extension ScenarioReadingTests {
    /// `customerType` of an inventory row: read, and the limit the simulator's deadline comes
    /// from follows it (800, localA: brand 24 h, industry 12 h, not given → by grade, 12 h).
    @Test(arguments: [("brand", Int64(24)), ("industry", 12), (nil, 12)] as [(String?, Int64)])
    func customerTypeOfAnInventoryRow(type: String?, hours: Int64) throws {
        let row = "b: {product: \"800\", grade: localA, region: east, circuits: 5, monthlyFee: 900"
            + (type.map { ", customerType: \($0)}" } ?? "}")
        let text = Self.minimal.replacingOccurrences(of: "faults:", with: "  \(row)\nfaults:")
            .replacingOccurrences(of: "{mpls-vpn: {access: 0.4}}", with: "{mpls-vpn: {access: 0.4}, \"800\": {access: 0.1}}")
        let scenario = try Self.parse(text)
        let freephone = try #require(scenario.inventory.last)
        #expect(freephone.customerType == type.flatMap(CustomerType.init(rawValue:)))
        #expect(scenario.catalogue.restorationLimit(for: freephone.circuit(id: "b-1")) == .hours(hours))
        #expect(scenario.catalogue.reportingTier(for: freephone.circuit(id: "b-1")) == "untiered")
    }

    @Test func aMisspeltCustomerTypeIsLocatedWithTheClosestOne() {
        let text = Self.minimal.replacingOccurrences(of: "monthlyFee: 2500}", with: "monthlyFee: 2500, customerType: Brnd}")
        let error = #expect(throws: ScenarioError.self) { try Self.parse(text) }
        #expect(error?.problems.map(\.keyPath) == ["inventory.a.customerType"])
        #expect(error?.problems.first?.suggestion == "brand")
    }
}
