import SimCore

/// Collects the waits and sojourns of completed customers, per class.
struct QueueRecorder {
    private var waits: [Tally]
    private var sojourns: [Tally]
    private var waited: [Int]
    private var waitHistograms: [Histogram]
    private(set) var completed = 0

    init(classes: Int) {
        waits = Array(repeating: Tally(), count: classes)
        sojourns = Array(repeating: Tally(), count: classes)
        waited = Array(repeating: 0, count: classes)
        waitHistograms = Array(repeating: Histogram(), count: classes)
    }

    /// Records a departing customer's wait (from arrival to service start) and sojourn.
    mutating func record(_ customer: InService, completedAt now: SimTime) {
        let k = Int(customer.customer.classIndex)
        let wait = (customer.serviceStart - customer.customer.arrival).milliseconds
        waits[k].record(Double(wait))
        sojourns[k].record(Double((now - customer.customer.arrival).milliseconds))
        waitHistograms[k].record(wait)
        if wait > 0 { waited[k] += 1 }
        completed += 1
    }

    /// Summarises the run.
    func result(
        events: Int, arrivals: Int, at now: SimTime, servers: ResourcePool<Customer>,
        inSystem: TimeWeighted, serverCount: Int
    ) -> QueueResult {
        let perClass = waits.indices.map {
            statistics(waits[$0], sojourns[$0], waited[$0], waitHistograms[$0])
        }
        let overall = statistics(
            waits.reduce(Tally()) { $0.merging($1) },
            sojourns.reduce(Tally()) { $0.merging($1) },
            waited.reduce(0, +),
            waitHistograms.dropFirst().reduce(into: waitHistograms[0]) { $0.merge($1) })
        let elapsed = Double(now.milliseconds) / QueueSimulation.ticksPerTimeUnit
        return QueueResult(
            overall: overall, classes: perClass,
            utilisation: servers.utilisation(at: now),
            meanInSystem: inSystem.mean(at: now),
            observedArrivalRate: elapsed > 0 ? Double(arrivals) / elapsed : 0,
            simulatedTime: elapsed, events: events)
    }

    private func statistics(_ wait: Tally, _ sojourn: Tally, _ waited: Int, _ histogram: Histogram) -> ClassStatistics {
        let unit = QueueSimulation.ticksPerTimeUnit
        func quantile(_ p: Double) -> Double { Double(histogram.quantile(p)) / unit }
        return ClassStatistics(
            completed: wait.count, meanWait: wait.mean / unit,
            pWait: wait.count > 0 ? Double(waited) / Double(wait.count) : 0,
            meanSojourn: sojourn.mean / unit,
            waitP50: quantile(0.5), waitP90: quantile(0.9), waitP99: quantile(0.99))
    }
}
