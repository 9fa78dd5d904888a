import Dispatch

/// Runs independent replications of an experiment on all cores, returning results in
/// replication order (so what a test sees does not depend on scheduling).
public enum Replications {
    /// Calls `body(r)` for r in 0..<count, concurrently, and returns the results in order of r.
    public static func run<Result: Sendable>(
        _ count: Int, _ body: @Sendable (Int) -> Result
    ) -> [Result] {
        let slots = ResultSlots<Result>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { r in slots.store(body(r), at: r) }
        return slots.values
    }
}

/// Fixed-size storage written once per index from different threads; every index is written by
/// exactly one iteration, so no two threads touch the same element.
private final class ResultSlots<Result>: @unchecked Sendable {
    private var storage: [Result?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    func store(_ value: Result, at index: Int) {
        storage.withUnsafeMutableBufferPointer { $0[index] = value }
    }

    var values: [Result] { storage.map { $0! } }
}
