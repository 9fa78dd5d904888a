import Scenario
import TestSupport
import Testing

/// A tiny scenario written as YAML, so the tests exercise the real reader: three tiered classes
/// in two regions, few crews and slow repairs so that checks are missed and credits are owed.
enum SmallScenario {
    static func yaml(days: Int = 75, warmup: Int = 15, claimRate: Double = 0.5, seed: Int = 5) -> String {
        TestScenarios.smallYAML(days: days, warmup: warmup, claimRate: claimRate, seed: seed)
    }

    static func scenario(days: Int = 75, warmup: Int = 15, claimRate: Double = 0.5, seed: Int = 5) throws -> Scenario {
        do {
            return try Scenario.parse(yaml: yaml(days: days, warmup: warmup, claimRate: claimRate, seed: seed),
                                      file: "small.yaml")
        } catch {
            Issue.record("scenario did not parse: \(error)")
            throw error
        }
    }
}
