import SimCore

/// Collects the waits and sojourns of completed customers, per class.
///
/// Only means are reported, so each class keeps exact integer sums of milliseconds (no rounding,
/// no division per customer) and a histogram of waits for the quantiles.
struct QueueRecorder {
    private var classes: [ClassRecord]
    private(set) var completed = 0

    init(classes: Int) {
        self.classes = Array(repeating: ClassRecord(), count: classes)
    }

    /// Records a departing customer's wait (from arrival to service start) and sojourn.
    @inline(__always)
    mutating func record(_ customer: InService, completedAt now: SimTime) {
        let arrival = customer.customer.arrival.milliseconds
        let wait = customer.serviceStart.milliseconds - arrival
        classes[Int(customer.customer.classIndex)].record(wait: wait, sojourn: now.milliseconds - arrival)
        completed += 1
    }

    /// Summarises the run.
    func result(
        events: Int, arrivals: Int, at now: SimTime, servers: ResourcePool<Customer>,
        serverCount: Int
    ) -> QueueResult {
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

/// What one class's completed customers experienced, in milliseconds.
struct ClassRecord {
    var completed = 0
    var waited = 0
    var waitSum: Int64 = 0
    var sojournSum: Int64 = 0
    var waits = Histogram()

    @inline(__always)
    mutating func record(wait: Int64, sojourn: Int64) {
        completed += 1
        if wait > 0 { waited += 1 }
        waitSum += wait
        sojournSum += sojourn
        waits.record(wait)
    }

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
