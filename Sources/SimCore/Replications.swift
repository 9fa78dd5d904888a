import Dispatch
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Runs independent replications of an experiment on several threads and returns the results in
/// replication order, so what a caller sees never depends on thread count or scheduling.
///
/// Each replication must own all of its state (its own `Simulation`, its own random streams):
/// nothing is shared between the calls of `body`.
public enum Replications {
    /// Calls `body(r)` for r in 0..<count on up to `threads` threads (default: one per core)
    /// and returns the results ordered by r.
    /// - Complexity: `count` calls of `body`, spread over the threads as they become free.
    public static func run<Result: Sendable>(
        _ count: Int, threads: Int? = nil, _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        precondition(count >= 0, "replication count must not be negative")
        let slots = ResultSlots<Result>(count: count)
        let next = NextIndex()
        let workers = Swift.max(1, Swift.min(count, threads ?? ProcessorCount.active))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let r = next.take(below: count) { slots.store(body(r), at: r) }
        }
        return slots.values
    }
}

/// Hands out replication indices to worker threads, each exactly once.
private final class NextIndex: Sendable {
    private let value = Mutex(0)

    func take(below count: Int) -> Int? {
        value.withLock { next in
            guard next < count else { return nil }
            defer { next += 1 }
            return next
        }
    }
}

/// Fixed-size storage written once per index from different threads; every index is written by
/// exactly one worker, so no two threads touch the same element, and all writes happen before
/// `concurrentPerform` returns.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var storage: [Result?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: Result, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Result] { storage.map { $0! } }
}

/// The number of cores this process may use.
enum ProcessorCount {
    static var active: Int { Swift.max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }
}
