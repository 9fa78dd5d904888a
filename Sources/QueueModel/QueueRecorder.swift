import SimCore

/// Collects the waits and sojourns of completed customers, per class.
///
/// Only means are reported, so each class keeps exact integer sums of milliseconds (no rounding,
/// no division per customer) and a histogram of waits for the quantiles.
struct QueueRecorder {
    /// The per-class records; a reference, so recording needs no copy-on-write check.
    private let tallies: ClassTallies
    private(set) var completed = 0

    init(classes: Int) {
        tallies = ClassTallies(classes: classes)
    }

    /// Records a departing customer's wait (from arrival to service start) and sojourn.
    @inline(__always)
    mutating func record(_ customer: InService, completedAt now: SimTime) {
        let arrival = customer.customer.arrival.milliseconds
        let wait = customer.serviceStart.milliseconds - arrival
        tallies.record(
            classIndex: Int(customer.customer.classIndex), wait: wait,
            sojourn: now.milliseconds - arrival)
        completed += 1
    }

    /// Summarises the run.
    func result(
        events: Int, arrivals: Int, at now: SimTime, servers: ResourcePool<Customer>,
        serverCount: Int
    ) -> QueueResult {
        let classes = tallies.records()
        let overall = classes.dropFirst().reduce(into: classes[0]) { $0.merge($1) }
        let elapsed = Double(now.milliseconds) / QueueSimulation.ticksPerTimeUnit
        return QueueResult(
            overall: overall.statistics, classes: classes.map(\.statistics),
            utilisation: servers.utilisation(at: now),
            meanInSystem: Self.meanInSystem(servers, at: now),
            observedArrivalRate: elapsed > 0 ? Double(arrivals) / elapsed : 0,
            simulatedTime: elapsed, events: events)
    }

    /// Time-average number in the system: customers in service plus customers waiting, from
    /// the pool's own time-weighted levels (no third level to update on every event). Both
    /// areas are sums of whole level × millisecond products, exact in a `Double` below 2⁵³, so
    /// their sum equals the area of the number in the system exactly.
    static func meanInSystem(_ servers: ResourcePool<Customer>, at now: SimTime) -> Double {
        let elapsed = Double(now.milliseconds)
        guard elapsed > 0 else { return Double(servers.busy + servers.waiting) }
        return (servers.busyUnits.area(at: now) + servers.queueLength.area(at: now)) / elapsed
    }
}

/// The running records of every class, in memory owned by this object.
///
/// A customer's record is four integer additions and one wait appended to its class's batch;
/// a full batch goes into the class's wait histogram at once. The histograms (about 220 KiB
/// each) are then touched in bursts instead of once per customer between heap operations, and
/// no array is checked for uniqueness per customer. Not shared: one recorder, one run.
final class ClassTallies {
    /// Waits per class gathered before they go into the histogram.
    static let batchSize = 256

    let classCount: Int
    /// Per class: the running sums.
    private let sums: UnsafeMutablePointer<ClassSums>
    /// Per class, `batchSize` waits in milliseconds not yet in its histogram.
    private let batches: UnsafeMutablePointer<Int64>
    /// Per class, how many waits its batch holds.
    private let batchCounts: UnsafeMutablePointer<Int>
    /// Per class, the waits of its customers whose batch was emptied (mutated in place: a
    /// histogram taken out of an array and put back would copy its buckets).
    private let histograms: UnsafeMutablePointer<Histogram>

    init(classes: Int) {
        precondition(classes > 0, "QueueRecorder: no class")
        classCount = classes
        sums = .allocate(capacity: classes)
        sums.initialize(repeating: ClassSums(), count: classes)
        batches = .allocate(capacity: classes * Self.batchSize)
        batchCounts = .allocate(capacity: classes)
        batchCounts.initialize(repeating: 0, count: classes)
        histograms = .allocate(capacity: classes)
        for index in 0..<classes { (histograms + index).initialize(to: Histogram()) }
    }

    deinit {
        sums.deallocate()
        batches.deallocate()
        batchCounts.deallocate()
        histograms.deinitialize(count: classCount)
        histograms.deallocate()
    }

    /// Adds one customer of class `classIndex` that waited `wait` and spent `sojourn` in the
    /// system, both in milliseconds.
    @inline(__always)
    func record(classIndex: Int, wait: Int64, sojourn: Int64) {
        precondition(classIndex >= 0 && classIndex < classCount, "QueueRecorder: no class \(classIndex)")
        precondition(wait >= 0, "QueueRecorder: negative wait \(wait)")
        sums[classIndex].add(wait: wait, sojourn: sojourn)
        let pending = batchCounts[classIndex] &+ 1
        batches[classIndex &* Self.batchSize &+ pending &- 1] = wait
        batchCounts[classIndex] = pending
        if pending == Self.batchSize { emptyBatch(of: classIndex) }
    }

    /// Moves the waits of class `classIndex`'s batch into its histogram.
    private func emptyBatch(of classIndex: Int) {
        (histograms + classIndex).pointee.record(contentsOf: batch(of: classIndex))
        batchCounts[classIndex] = 0
    }

    /// The waits in class `classIndex`'s batch.
    private func batch(of classIndex: Int) -> UnsafeBufferPointer<Int64> {
        UnsafeBufferPointer(start: batches + classIndex * Self.batchSize, count: batchCounts[classIndex])
    }

    /// Every class's record so far, in class order.
    func records() -> [ClassRecord] {
        (0..<classCount).map { index in
            var waits = histograms[index]
            waits.record(contentsOf: batch(of: index))
            let sum = sums[index]
            return ClassRecord(
                completed: sum.completed, waited: sum.waited, waitSum: sum.waitSum,
                sojournSum: sum.sojournSum, waits: waits)
        }
    }
}

/// One class's running sums, in milliseconds.
struct ClassSums {
    var completed = 0
    var waited = 0
    var waitSum: Int64 = 0
    var sojournSum: Int64 = 0

    @inline(__always)
    mutating func add(wait: Int64, sojourn: Int64) {
        completed += 1
        if wait > 0 { waited += 1 }
        waitSum += wait
        sojournSum += sojourn
    }
}

/// What one class's completed customers experienced, in milliseconds.
struct ClassRecord {
    var completed = 0
    var waited = 0
    var waitSum: Int64 = 0
    var sojournSum: Int64 = 0
    var waits = Histogram()

    mutating func merge(_ other: ClassRecord) {
        completed += other.completed
        waited += other.waited
        waitSum += other.waitSum
        sojournSum += other.sojournSum
        waits.merge(other.waits)
    }

    var statistics: ClassStatistics {
        let unit = QueueSimulation.ticksPerTimeUnit
        let n = Double(Swift.max(completed, 1))
        func quantile(_ p: Double) -> Double { Double(waits.quantile(p)) / unit }
        return ClassStatistics(
            completed: completed, meanWait: Double(waitSum) / n / unit,
            pWait: completed > 0 ? Double(waited) / Double(completed) : 0,
            meanSojourn: Double(sojournSum) / n / unit,
            waitP50: quantile(0.5), waitP90: quantile(0.9), waitP99: quantile(0.99))
    }
}
