import Benchmark
import ServiceRules

// Placeholder: the evaluate benchmarks (1M tickets on 100k circuits) land with `faultline evaluate`.
let benchmarks: @Sendable () -> Void = {
    Benchmark("placeholder") { _ in blackHole(RuleCatalogue.builtIn) }
}
