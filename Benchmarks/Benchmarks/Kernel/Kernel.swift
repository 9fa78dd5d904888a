import Benchmark
import SimCore

// Placeholder: the hold-model and queue benchmarks are added with the kernel.
let benchmarks: @Sendable () -> Void = {
    Benchmark("placeholder") { benchmark in
        blackHole(1)
    }
}
