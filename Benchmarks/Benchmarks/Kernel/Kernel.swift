import Benchmark
import Foundation
import QueueModel
import SimCore
import SimRandom

/// Exponential increments (mean 1 s, in milliseconds) drawn once, so the measured loop
/// costs the queue and a table look-up, not a logarithm.
private func exponentialIncrements(count: Int, seed: UInt64) -> [Int64] {
    var state = seed
    return (0..<count).map { _ in
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let unit = (Double(state >> 11) + 0.5) * 0x1.0p-53
        return Int64((-log(unit) * 1_000).rounded())
    }
}

/// The classic hold model: a queue of `pending` events; each step pops the first and
/// reschedules it at now + an exponential increment, so the queue size stays constant.
private struct HoldModel {
    var queue: EventQueue<Int>
    let increments: [Int64]
    var cursor = 0

    init(pending: Int) {
        increments = exponentialIncrements(count: 1 << 16, seed: 42)
        queue = EventQueue(minimumCapacity: pending)
        for index in 0..<pending {
            queue.schedule(index, at: .milliseconds(increments[index]))
        }
    }

    mutating func hold(times: Int) {
        for _ in 0..<times {
            let event = queue.popFirst()!
            cursor = (cursor &+ 1) & (increments.count - 1)
            queue.schedule(event.payload, at: event.time + .milliseconds(increments[cursor]))
        }
    }
}

let benchmarks: @Sendable () -> Void = {
    // One iteration = 1,000,000 hold operations (pop + reschedule), so the throughput
    // metric reads directly in events per second (scaled by M).
    Benchmark(
        "HoldModel",
        configuration: .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal],
            timeUnits: .nanoseconds,
            scalingFactor: .mega,
            maxDuration: .seconds(10),
            maxIterations: 30
        )
    ) { benchmark in
        var model = HoldModel(pending: 10_000)  // built outside the measured span
        benchmark.startMeasurement()
        model.hold(times: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
        blackHole(model.queue.count)
    }

    // One iteration = 1,000,000 customers through `faultline queue`'s model: M/M/10, ρ = 0.8,
    // three priority classes, starting empty. Throughput (scaled by M) reads in customers/s.
    Benchmark(
        "Queue M/M/10 ρ=0.8 3 classes",
        configuration: .init(
            metrics: [.throughput, .wallClock, .mallocCountTotal],
            timeUnits: .nanoseconds,
            scalingFactor: .mega,
            maxDuration: .seconds(10),
            maxIterations: 20
        )
    ) { benchmark in
        let configuration = QueueConfiguration(
            servers: 10, arrivalRate: 8, service: try .exponential(mean: 1),
            classShares: [0.25, 0.375, 0.375], customers: benchmark.scaledIterations.count,
            seed: 7, replication: benchmark.currentIteration)
        var simulation = QueueSimulation(configuration)  // streams seeded outside the span
        benchmark.startMeasurement()
        let result = simulation.run()
        benchmark.stopMeasurement()
        blackHole(result.overall.completed)
    }
}
