import Benchmark
import Experiments
import Scenario

/// `faultline run` on the built-in baseline (38,280 circuits, 20 one-year replications on both
/// cores), and on the same city ten times larger (circuits, crews, agents and installs × 10) to
/// check that the cost grows linearly with the inventory.
/// Targets: baseline ≤ 10 s wall and ≤ 500 MB peak resident; 10× circuits ≤ 12× the time.
let benchmarks: @Sendable () -> Void = {
    let configuration = Benchmark.Configuration(
        metrics: [.wallClock, .peakMemoryResident, .cpuTotal],
        timeUnits: .milliseconds, warmupIterations: 0, maxDuration: .seconds(60), maxIterations: 5)

    Benchmark("Baseline 20 replications", configuration: configuration) { benchmark in
        let experiment = Experiment(scenario: Scenario.builtInBaseline, replications: 20)
        benchmark.startMeasurement()
        blackHole(experiment.run(threads: 2))
    }

    var large = configuration
    large.maxIterations = 2
    Benchmark("Baseline ×10 circuits 20 replications", configuration: large) { benchmark in
        let experiment = Experiment(scenario: scaledBaseline(by: 10), replications: 20)
        benchmark.startMeasurement()
        blackHole(experiment.run(threads: 2))
    }
}

/// The baseline with every count that grows with the city (circuits, crews on duty and on call,
/// monitoring agents, installs per day) multiplied by `factor`.
func scaledBaseline(by factor: Int) -> Scenario {
    let counts = /\b(circuits|crews|onCall|agents|perDay): (\d+)/
    let text = Scenario.builtInBaselineYAML.replacing(counts) { match in
        "\(match.output.1): \(Int(match.output.2)! * factor)"
    }
    return try! Scenario.parse(yaml: text, file: "baseline ×\(factor).yaml")
}
