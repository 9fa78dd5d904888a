import Scenario
import Study
import Testing

/// The example studies under studies/, checked against the baseline's rows worked by hand:
/// SLA-AAA 1,080 (sdh 460 + mpls-vpn 620), SLA-AA 3,100, SLA-A 8,370 (mpls-vpn 4,650 +
/// lan-dedicated 3,720), MQ-I 1,550, MQ-II 4,650, MQ-III 4,650, untiered 14,880; 38,280 in all.
@Suite struct StudyExampleFileTests {
    static let tiers = ["SLA-AAA", "SLA-AA", "SLA-A", "MQ-I", "MQ-II", "MQ-III", "none"]

    static func load(_ name: String) throws -> StudyDefinition {
        try StudyDefinition.load(path: "\(repositoryRoot)/studies/\(name)")
    }

    static func perTier(_ scenario: Scenario) -> [Int] { tiers.map { scenario.circuits(tier: $0) } }

    @Test func theEnterpriseStudyHasItsFourMixesThenTheGridFirstAxisSlowest() throws {
        let study = try Self.load("enterprise-mix-2027.yaml")
        #expect(study.name == "enterprise-mix-2027")
        #expect(study.mixes.map(\.name) == [
            "today", "twice-aaa", "vpn-a-to-aa", "growth-10",
            "aaa=1,growth=1", "aaa=1,growth=1.1", "aaa=1,growth=1.2",
            "aaa=1.5,growth=1", "aaa=1.5,growth=1.1", "aaa=1.5,growth=1.2",
            "aaa=2,growth=1", "aaa=2,growth=1.1", "aaa=2,growth=1.2",
        ])
        #expect(study.gridAxes.map(\.name) == ["aaa", "growth"])
        #expect(study.gridAxes.map(\.values) == [[1, 1.5, 2], [1, 1.1, 1.2]])
        #expect(study.mixes[8].gridPoint == [1.5, 1.1] && study.mixes[0].gridPoint.isEmpty)
        #expect(study.targets.map(\.description) == ["SLA-AA.restoration >= 0.95", "credits.p95 <= 5000000"])
        #expect(study.basePath.hasSuffix("studies/../scenarios/baseline.yaml"))
    }

    @Test func theEnterpriseMixesHaveTheCircuitsWorkedByHand() throws {
        let study = try Self.load("enterprise-mix-2027.yaml")
        let mix = { (name: String) in study.mixes.first { $0.name == name }!.scenario }
        #expect(Self.perTier(study.base) == [1_080, 3_100, 8_370, 1_550, 4_650, 4_650, 14_880])
        #expect(Self.perTier(mix("twice-aaa")) == [2_160, 3_100, 8_370, 1_550, 4_650, 4_650, 14_880])
        // All 4,650 SLA-A VPN circuits become SLA-AA; SLA-A keeps its 3,720 LAN circuits.
        #expect(Self.perTier(mix("vpn-a-to-aa")) == [1_080, 7_750, 3_720, 1_550, 4_650, 4_650, 14_880])
        // Every baseline row is a multiple of 10, so × 1.1 is exact.
        #expect(Self.perTier(mix("growth-10")) == [1_188, 3_410, 9_207, 1_705, 5_115, 5_115, 16_368])
        // SLA-AAA × 1.5 then × 1.1 row by row: 225→247.5→248, 300→330, 180→198, 240→264,
        // 135→148.5→149, 180→198, 150→165, 210→231 = 1,783 (not 1,620 × 1.1 = 1,782).
        #expect(mix("aaa=1.5,growth=1.1").circuits(tier: "SLA-AAA") == 1_783)
        #expect(mix("aaa=2,growth=1.2").circuits(tier: "SLA-AAA") == 2_592)
        #expect(mix("aaa=1.5,growth=1.2").circuits(tier: "SLA-A") == 10_044)
    }

    @Test func aMixThatChangesNothingIsTheBaseItself() throws {
        let study = try Self.load("enterprise-mix-2027.yaml")
        #expect(study.mixes[0].scenario == study.base)
        #expect(study.mixes[0].changes.isEmpty)
        #expect(study.mixes[4].scenario == study.base)  // aaa=1,growth=1: both scales by 1
        #expect(study.mixes[4].changes.isEmpty)
        #expect(study.mixes[7].changes == ["SLA-AAA circuits × 1.5: 1,080 → 1,620"])  // aaa=1.5,growth=1
        #expect(study.mixes[8].changes == ["SLA-AAA circuits × 1.5: 1,080 → 1,620", "all circuits × 1.1: 38,820 → 42,703"])
        #expect(study.base == (try Scenario.load(path: "\(repositoryRoot)/scenarios/baseline.yaml")))
    }

    @Test func theMovedVPNCircuitsTakeTheTargetTiersGradeAndFee() throws {
        let study = try Self.load("enterprise-mix-2027.yaml")
        let moved = study.mixes[2].scenario.inventory.filter { $0.id.hasSuffix("@SLA-AA") }
        #expect(moved.map(\.id) == ["east-vpn-a@SLA-AA", "west-vpn-a@SLA-AA", "north-vpn-a@SLA-AA", "south-vpn-a@SLA-AA"])
        #expect(moved.map(\.circuits) == [1_500, 1_200, 900, 1_050])
        #expect(moved.allSatisfy { $0.networkGrade == "B" && $0.monthlyFee == 3_500 && $0.tier == "SLA-AA" })
        #expect(moved.allSatisfy { $0.afterSalesLevel == "VIP-SL2" })  // the rows' own (localA)
        #expect(study.mixes[2].changes == ["SLA-A mpls-vpn → SLA-AA: 4,650 of 4,650 circuits moved"])
        #expect(study.mixes[1].changes == ["SLA-AAA circuits × 2: 1,080 → 2,160"])
    }

    @Test func theSmallStudyCarriesItsRunSettings() throws {
        let study = try Self.load("small.yaml")
        #expect(study.mixes.map(\.name) == ["today", "twice-aaa", "half-vpn-to-aa"])
        #expect(study.settings == StudySettings(replications: 3, searchReplications: 3, verifyReplications: 8, seed: 7))
        #expect(study.description == "A quick check of the study command on three mixes.")
        // Half of each SLA-A VPN row: 750 + 600 + 450 + 525 = 2,325 circuits to SLA-AA.
        #expect(study.mixes[2].scenario.circuits(tier: "SLA-AA") == 3_100 + 2_325)
        #expect(study.mixes[2].scenario.circuits(tier: "SLA-A") == 8_370 - 2_325)
    }
}
