import Scenario
import Study
import Testing

@Suite struct StudyDefinitionTests {
    @Test func aDefinitionKeepsItsMixesInOrder() throws {
        let base = try Scenario.loadBuiltInBaseline()
        let mixes = [StudyMix(name: "b", scenario: base, changes: []), StudyMix(name: "a", scenario: base, changes: [])]
        let study = StudyDefinition(name: "s", file: "s.yaml", basePath: "base.yaml", base: base, targets: [], mixes: mixes)
        #expect(study.mixes.map(\.name) == ["b", "a"])
    }
}
