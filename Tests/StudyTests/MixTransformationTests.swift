import Scenario
import Study
import Testing

/// Each transformation and the rounding rule on the fixture's five rows (23 circuits: east-vpn-a
/// 10 SLA-A, east-vpn-aa 4 and west-vpn-aa 1 SLA-AA, west-sdh-aaa 5 SLA-AAA, west-xdsl 3 untiered).
@Suite struct MixTransformationTests {
    @Test func scaleRoundsEachRowToTheNearestCircuitHalvesUp() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{scale: {select: {tier: SLA-AA}, by: 1.5}}")
        #expect(mix.scenario.rows == ["east-vpn-a": 10, "east-vpn-aa": 6, "west-vpn-aa": 2, "west-sdh-aaa": 5, "west-xdsl": 3])
        #expect(mix.changes == ["SLA-AA circuits × 1.5: 5 → 8"])
    }

    @Test func aRowScaledBelowHalfACircuitLeavesTheInventory() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{scale: [{select: {region: west, product: [mpls-vpn, xdsl]}, by: 0.4}]}")
        // west-vpn-aa 1 × 0.4 = 0.4 → 0 (gone); west-xdsl 3 × 0.4 = 1.2 → 1.
        #expect(mix.scenario.rows == ["east-vpn-a": 10, "east-vpn-aa": 4, "west-sdh-aaa": 5, "west-xdsl": 1])
        #expect(mix.changes == ["west mpls-vpn/xdsl circuits × 0.4: 4 → 1"])
    }

    @Test func moveMakesARowAfterItsSourceWithTheTiersGradeAndTheBasesMeanFee() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{move: {select: {tier: SLA-A}, to: {tier: SLA-AA}, share: 0.25}}")
        // 10 × 0.25 = 2.5 → 3 moved; fee (4 × 3,000 + 1 × 4,000) / 5 = 3,200.
        #expect(mix.scenario.inventory.map(\.id) == ["east-vpn-a", "east-vpn-a@SLA-AA", "east-vpn-aa", "west-vpn-aa",
                                                     "west-sdh-aaa", "west-xdsl"])
        let moved = mix.scenario.inventory[1]
        #expect(moved.circuits == 3 && mix.scenario.inventory[0].circuits == 7)
        #expect(moved.tier == "SLA-AA" && moved.networkGrade == "B" && moved.monthlyFee == 3_200)
        #expect(moved.afterSalesLevel == "VIP-SL2" && moved.customerGrade == .localA && moved.region == "east")
        #expect(mix.changes == ["SLA-A → SLA-AA: 3 of 10 circuits moved"])
    }

    @Test func moveKeepsTheRowsFeeWhenTheBaseHasNoneForTheTargetAndTakesWhatIsGiven() throws {
        let fixture = try StudyFixture()
        let own = try fixture.mix("{move: {select: {tier: SLA-A}, to: {tier: SLA-AAA}, share: 1}}")
        #expect(own.scenario.inventory.map(\.id) == ["east-vpn-a@SLA-AAA", "east-vpn-aa", "west-vpn-aa", "west-sdh-aaa", "west-xdsl"])
        #expect(own.scenario.inventory[0].monthlyFee == 2_500 && own.scenario.inventory[0].networkGrade == "A")
        let given = try fixture.mix(
            "{move: {select: {tier: SLA-A}, to: {tier: SLA-AA, networkGrade: A, monthlyFee: 5000, afterSales: VIP-SL1}, share: 0.5}}")
        let moved = given.scenario.inventory[1]
        #expect(moved.circuits == 5 && moved.networkGrade == "A" && moved.monthlyFee == 5_000 && moved.afterSalesLevel == "VIP-SL1")
    }

    @Test func setGivesTheSelectionItsShareByLargestRemainderKeepingTheTotal() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{set: {select: {tier: SLA-AAA}, share: 0.5}}")
        // 23 × 0.5 = 11.5 → 12 for SLA-AAA (its one row); the other 11 over the other rows'
        // 18: 6.11, 2.44, 0.61, 1.83, rounded down 6 + 2 + 0 + 1 = 9; the 2 missing go to the
        // largest remainders (xdsl .83, west-vpn-aa .61), not to east-vpn-aa's .44.
        #expect(mix.scenario.rows == ["east-vpn-a": 6, "east-vpn-aa": 2, "west-vpn-aa": 1, "west-sdh-aaa": 12, "west-xdsl": 2])
        #expect(mix.scenario.circuitCount == 23)
        #expect(mix.changes == ["SLA-AAA share of circuits → 0.5: 5 → 12 of 23"])
    }

    @Test func faultsAndInstallsScaleTheirRates() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{faults: {select: {product: sdh}, by: 2}, installs: {by: 3}}")
        #expect(mix.scenario.faults.rates["sdh"] == SegmentRates(perCircuitYear: [.access: 0.4, .metro: 0.2]))
        #expect(mix.scenario.faults.rates["mpls-vpn"] == SegmentRates(perCircuitYear: [.access: 0.4]))
        #expect(mix.scenario.installs.perDay == 6)
        #expect(mix.scenario.inventory == (try fixture.baseScenario()).inventory)
        let all = try fixture.mix("{faults: {by: 0.5}}")
        #expect(all.scenario.faults.rates["xdsl"] == SegmentRates(perCircuitYear: [.access: 0.5]))
        #expect(all.changes == ["all fault rates × 0.5"])
    }

    @Test func stepsApplySetThenMoveThenScaleWhateverTheFileOrder() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{scale: {select: {tier: SLA-AA}, by: 2}, move: {select: {tier: SLA-A}, to: {tier: SLA-AA}, share: 0.5}}")
        // Move first: 5 circuits to SLA-AA (10 in all), then × 2 = 20. Scaling first would give 15.
        #expect(mix.scenario.circuits(tier: "SLA-AA") == 20)
        #expect(mix.changes == ["SLA-A → SLA-AA: 5 of 10 circuits moved", "SLA-AA circuits × 2: 10 → 20"])
    }

    @Test func anEmptyMixIsEqualToTheBase() throws {
        let fixture = try StudyFixture()
        let mix = try fixture.mix("{}")
        #expect(mix.scenario == (try fixture.baseScenario()))
        #expect(mix.changes.isEmpty)
    }

    @Test func theSelectorMatchesEveryFieldGivenAndNoneForUntieredRows() throws {
        let fixture = try StudyFixture()
        let untiered = try fixture.mix("{scale: {select: {tier: none}, by: 2}}")
        #expect(untiered.scenario.rows["west-xdsl"] == 6 && untiered.scenario.circuitCount == 26)
        let combined = try fixture.mix("{scale: {select: {grade: provincial, networkGrade: B, afterSales: VIP-SL1, region: east}, by: 2}}")
        #expect(combined.scenario.rows["east-vpn-aa"] == 8 && combined.scenario.circuitCount == 27)
    }

    @Test func aGridAxisCanVaryAnyTransformation() throws {
        let fixture = try StudyFixture()
        let study = try fixture.parse("""
            grid:
              move: {move: {select: {tier: SLA-A}, to: {tier: SLA-AA}}, values: [0.5, 1]}
              faults: {faults: {}, values: [2]}
            """)
        #expect(study.mixes.map(\.name) == ["move=0.5,faults=2", "move=1,faults=2"])
        #expect(study.gridAxes.map(\.label) == ["SLA-A → SLA-AA share moved", "all fault rates ×"])
        #expect(study.mixes[1].scenario.circuits(tier: "SLA-AA") == 15 && study.mixes[1].scenario.faults.rates["xdsl"]?.total == 2)
    }
}

/// Figures too large to transform are problems, never a crash.
@Suite struct HugeInventoryTests {
    @Test func aRowScaledBeyondATrillionCircuitsIsAProblem() throws {
        let fixture = try StudyFixture(base: StudyFixture.base.replacingOccurrences(of: "circuits: 10,", with: "circuits: 999999999999,"))
        #expect(fixture.problems("mixes:\n  m: {scale: {select: {tier: SLA-A}, by: 2}}\n")
                == ["study.yaml:4:14: mixes.m.scale: row `east-vpn-a` would hold more than 1e12 circuits"])
    }

    @Test func anInventoryBeyondAQuadrillionCircuitsIsNotTransformed() throws {
        let huge = StudyFixture.base.replacingOccurrences(of: "circuits: 10,", with: "circuits: 9000000000000000000,")
        let fixture = try StudyFixture(base: huge)
        #expect(fixture.problems("mixes:\n  m: {set: {select: {tier: SLA-A}, share: 0.5}}\n")
                == ["study.yaml:4:12: mixes.m.set: the inventory holds more than 1e15 circuits, too many to transform"])
        #expect(try fixture.parse("mixes:\n  today: {}\n").mixes[0].scenario.rows["east-vpn-a"] == 9_000_000_000_000_000_000)
    }
}
