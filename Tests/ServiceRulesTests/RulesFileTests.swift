import ServiceRules
import Testing

@Suite struct RulesFileTests {
    func apply(_ yaml: String) throws(DocumentError) -> RuleCatalogue {
        try RuleCatalogue.builtIn.applying(rulesYAML: yaml, file: "rules.yaml")
    }

    func problems(_ yaml: String) -> [DocumentProblem] {
        do {
            _ = try apply(yaml)
            return []
        } catch {
            return error.problems
        }
    }

    @Test func anAAOverrideOfSixtyMinutesChangesAVerdict() throws {
        let catalogue = try apply("""
            tiers:
              SLA-AA:
                restorationLimit: 60m
            """)
        let ticket = outage("T1", start: "2026-03-02T09:00", minutes: 75)
        #expect(evaluate([circuit()], [ticket]).tickets[0].restoration == .met)
        #expect(evaluate([circuit()], [ticket], catalogue: catalogue).tickets[0].restoration == .missed)
        #expect(catalogue.tier("SLA-AA")?.vpnRestorationLimit == .minutes(120))
    }

    @Test func aCustomBandScheduleReplacesTheDefault() throws {
        let catalogue = try apply("""
            tiers:
              SLA-AA:
                creditCap: 50%
                credits:
                  - availabilityBands:
                      - {below: 99.95%, credit: 20%}
                      - {below: 99.5%, credit: 40%}
                  - repeatFault: 2%
            """)
        let terms = try #require(catalogue.tier("SLA-AA")?.credits)
        #expect(terms.capShare == 0.5)
        #expect(terms.terms.count == 2)
        // 100 min down in March → 0.99776, in the first band (≥ 99.5 %) → 20 %, no overrun term.
        let march = try #require(evaluate([circuit()], [outage("T1", start: "2026-03-02T09:00", minutes: 100)],
                                          catalogue: catalogue).period("C1", "2026-03"))
        #expect(isClose(march.credit, 200))
        // 5 days down → 40 % band, within the 50 % cap.
        let long = try #require(evaluate([circuit()], [outage("T1", start: "2026-03-02T09:00", minutes: 7200)],
                                         catalogue: catalogue).period("C1", "2026-03"))
        #expect(isClose(long.credit, 400))
    }

    @Test func holidaysAndMakeUpDaysFromTheFile() throws {
        let catalogue = try apply("""
            calendars:
              standard:
                holidays: [2026-03-09, "2026-10-01..2026-10-07"]
                makeUpDays: [2026-10-10]
            """)
        let calendar = try #require(catalogue.calendar("standard"))
        #expect(calendar.adding(workingDays: 1, to: at("2026-03-06T16:00")) == at("2026-03-10T16:00"))
        // Wed 09-30 → Thu 10-08 (the week's holiday skipped); Fri 10-09 → the make-up Sat 10-10.
        #expect(calendar.adding(workingDays: 1, to: at("2026-09-30T16:00")) == at("2026-10-08T16:00"))
        #expect(calendar.adding(workingDays: 1, to: at("2026-10-09T16:00")) == at("2026-10-10T16:00"))
        #expect(calendar.holidays.count == 8)
    }

    @Test func newTiersPaymentAndPayProbability() throws {
        let catalogue = try apply("""
            tiers:
              MQ-II:
                payProbability: 0.3
              SLA-GOLD:
                basedOn: SLA-AA
                availability: 99.97%
                repeatWindow: 45d
                faultReport: 1 working day
            repairLimits:
              it-services: {all: 2 working days}
            """)
        #expect(catalogue.tiers.last?.key == "SLA-GOLD")
        #expect(catalogue.tier("SLA-GOLD")?.repeatWindowSeconds == Int64(45 * 86_400))
        #expect(catalogue.tier("SLA-GOLD")?.restorationLimit == .minutes(90))
        #expect(catalogue.tier("MQ-II")?.payment == .negotiable(payProbability: 0.3))
        #expect(catalogue.repairLimits.byProduct["it-services"]?.limit(for: .group) == .workingDays(2))
    }

    @Test func aMisspeltKeySuggestsTheRightOne() throws {
        let found = problems("""
            tiers:
              SLA-AA:
                restorationLimt: 60m
            """)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.kind == .unknownKey && problem.suggestion == "restorationLimit")
        #expect(problem.description == "rules.yaml:3:5: tiers.SLA-AA.restorationLimt: unknown key `restorationLimt`; did you mean `restorationLimit`?")
    }

    @Test func aNestedRestorationKeySuggestsRestorationLimit() {
        let found = problems("""
            tiers:
              SLA-AA:
                restoration:
                  limit: 60m
            """)
        #expect(found.map(\.kind) == [.unknownKey] && found.first?.suggestion == "restorationLimit")
        #expect(found.first?.keyPath == "tiers.SLA-AA.restoration")
    }

    @Test func wrongTypesAndNegativeDurationsAreAllReported() {
        let found = problems("""
            tiers:
              SLA-A:
                restorationLimit: [1, 2]
                repeatWindow: -3d
                calendar: weekdays
            """)
        #expect(found.map(\.keyPath) == ["tiers.SLA-A.restorationLimit", "tiers.SLA-A.repeatWindow", "tiers.SLA-A.calendar"])
        #expect(found.map(\.kind) == [.wrongType, .negativeDuration, .unknownReference])
        #expect(found.map(\.message.isEmpty) == [false, false, false])
        #expect(found.last?.message.hasPrefix("unknown calendar `weekdays`") == true, "\(found.last?.message ?? "")")
        #expect(found.map(\.line) == [3, 4, 5])
        #expect(found.first?.column == 23)
    }

    @Test func nonContiguousBandsAreLocated() throws {
        let found = problems("""
            tiers:
              SLA-AA:
                credits:
                  - availabilityBands:
                      - {below: 99.95%, from: 99.9%, credit: 10%}
                      - {below: 99.8%, credit: 25%}
            """)
        let problem = try #require(found.first)
        #expect(found.count == 1)
        #expect(problem.kind == .bandsNotContiguous)
        #expect(problem.keyPath == "tiers.SLA-AA.credits[0].availabilityBands[0]")
        #expect((problem.line, problem.column) == (5, 13))
        #expect(problem.description.contains("band 2 ends below 99.8%"))
    }

    @Test func durationBandsWithAGap() {
        let found = problems("""
            tiers:
              SLA-A:
                credits:
                  - outageDurationBands:
                      - {from: 0m, below: 1h, credit: 2%}
                      - {from: 2h, credit: 5%}
            """)
        #expect(found.map(\.kind) == [.bandsNotContiguous])
        #expect(found.first?.keyPath == "tiers.SLA-A.credits[0].outageDurationBands[0]")
    }

    @Test func newTiersNeedTheirKeysAndSyntaxErrorsAreLocated() {
        let missing = problems("""
            tiers:
              SLA-NEW:
                availability: 99.9%
            """)
        #expect(missing.map(\.kind) == [.missingKey, .missingKey])
        #expect(missing.map(\.message) == ["a new tier needs `restorationLimit` (or `basedOn: <tier>`)",
                                           "a new tier needs `payment` (or `basedOn: <tier>`)"])
        let syntax = problems("tiers:\n  SLA-AA: [unclosed\n")
        #expect(syntax.first?.kind == .syntax)
        #expect((syntax.first?.line ?? 0) > 0)
        let topLevel = problems("tier:\n  SLA-AA: {}\n")
        #expect(topLevel.map(\.kind) == [.unknownKey] && topLevel.first?.suggestion == "tiers")
    }

    /// Rules files read clock times as scenario files do: `HH:MM`, from `00:00` to `24:00`.
    @Test(arguments: ["8:30-17:30", "08:30-17:5", "08:30-24:01", "08:60-17:30", "+8:30-17:30", "17:30-08:30"])
    func workingHoursAreHHMM(hours: String) {
        let found = problems("calendars:\n  standard:\n    hours: \"\(hours)\"\n")
        #expect(found.map(\.kind) == [.wrongType], "\(hours): \(found)")
        #expect(found.first?.keyPath == "calendars.standard.hours")
    }

    @Test func theOneClockReaderTakesTwoDigitHoursAndMinutesUpTo2400() {
        #expect(WorkingHours.minuteOfDay(clock: "00:00") == 0)
        #expect(WorkingHours.minuteOfDay(clock: "08:30") == 510)
        #expect(WorkingHours.minuteOfDay(clock: "24:00") == 1440)
        for refused in ["8:30", "08:3", "24:01", "08:60", "0830", "08:30:00", "ab:cd", "+8:30", ""] {
            #expect(WorkingHours.minuteOfDay(clock: refused) == nil, "\(refused)")
        }
    }

    @Test func aProblemWithoutAPlaceNamesOnlyTheFile() {
        let whole = DocumentProblem(file: "rules.yaml", line: 0, column: 0, keyPath: "", kind: .unreadableFile,
                                    message: "cannot read file `rules.yaml`")
        #expect(whole.description == "rules.yaml: cannot read file `rules.yaml`")
        let placed = DocumentProblem(file: "rules.yaml", line: 3, column: 5, keyPath: "tiers", kind: .wrongType, message: "m")
        #expect(placed.description == "rules.yaml:3:5: tiers: m")
    }

    @Test func theDocumentedExampleApplies() throws {
        // The example of docs/rules-format.md, verbatim.
        let catalogue = try apply("""
            checkpoints:                  # limits every ticket is checked against (calendar time)
              dispatchWithin: 15m
              acceptWithin: 30m
              confirmWithin: 15m

            calendars:                    # business calendars by name; tiers and repair rows name one
              standard:
                timeZone: Asia/Shanghai
                workdays: [mon, tue, wed, thu, fri]
                hours: "08:30-17:30"       # every working day (make-up days too) has these hours
                holidays: [2026-01-01, "2026-10-01..2026-10-07"]
                makeUpDays: [2026-09-27, 2026-10-10]   # weekend days worked with normal hours (调休)
              field-crews:
                hours: ["08:00-12:00", "13:00-18:00"]
                workdays: [mon, tue, wed, thu, fri, sat]

            products:                     # new products need a family; vpn defaults to false
              ip-transit: {family: bandwidth}
              mpls-vpn: {vpn: true}

            networkGrades:
              B: {protects: [metro, backbone], monitors: [metro, backbone]}   # segments: customerPremises, access, metro, backbone

            afterSales:                   # VIP-SL1..3 (assumptions; scenario data for escalation)
              VIP-SL1: {escalateAfter: [30m, 1h, 2h], progressUpdateEvery: 30m}

            repairLimits:                 # circuits without a tier; key = product key or family (bandwidth, ict, converged, voice)
              virtual-network: {group: 20h, provincial: 20h, localA: 24h, localB: 48h, localC: 48h}
              it-services: {all: 2 working days, calendar: standard}

            tiers:
              SLA-AA:                     # override one field of a built-in tier
                restorationLimit: 60m
              MQ-II:
                payProbability: 30%       # negotiable tiers only
              SLA-GOLD:                   # a new tier, starting from a copy of SLA-AA
                basedOn: SLA-AA
                family: slaCommitment     # slaCommitment | maintenanceQuality | qualityLevel
                availability: 99.97%
                networkGrade: B
                restorationLimit: 75m
                vpnRestorationLimit: 100m
                repeatWindow: 45d         # or none
                monitoredSegments: [metro, backbone]
                faultReport: 1 working day   # or none
                calendar: standard
                payment: strict           # strict | negotiable | none
                creditCap: 100%           # per circuit-period, share of the monthly fee
                credits:                  # replaces the whole schedule; each item is one of five shapes
                  - availabilityBands:    # highest `below` first; `from` defaults to the next band's `below` (0 for the last)
                      - {below: 99.97%, credit: 10%}
                      - {below: 99.8%, credit: 25%}
                      - {below: 99.5%, credit: 50%}
                      - {below: 99%, credit: 100%}
                  - outageDurationBands:  # per outage ticket, by repaired_at − fault_start; [from, below); last band may omit below
                      - {from: 0m, below: 4h, credit: 0%}
                      - {from: 4h, below: 8h, credit: 5%}
                      - {from: 8h, credit: 10%}
                  - perStartedHour: 1%    # per started hour of cumulative outage in the period
                  - restorationOverrun: {perStartedHour: 1/30}   # per started hour beyond the restoration limit, per ticket
                  - repeatFault: 5%       # per repeat-fault violation

            fallbackTier: QLC             # used when neither a tier nor a repair-limit row applies
            """)
        #expect(catalogue.tiers.map(\.key).last == "SLA-GOLD")
        #expect(catalogue.calendar("field-crews")?.workingDayLength == Int64(9 * 3600))
        #expect(catalogue.product("ip-transit")?.family == .bandwidth)
        #expect(catalogue.tier("SLA-GOLD")?.credits.terms.count == 5)
    }
}
