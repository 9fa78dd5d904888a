import RepairModel
import SimCore

/// How long one pool's jobs waited, across replications: the share that waited and the mean
/// wait as estimates (one value per replication), the percentiles from the merged histogram.
public struct PoolWaitResult: Sendable {
    /// `crews.REGION`, `agents` or `agents.TASK` (``PoolWaits/pool``).
    public var pool: String
    /// Jobs taken, over all replications.
    public var jobs: Int
    /// P(wait): the share of a replication's jobs not taken at once.
    public var waitShare: Estimate?
    /// Mean wait in minutes (jobs taken at once count 0).
    public var meanWaitMinutes: Estimate?
    /// Wait percentiles in minutes (p50, p90, p99) over every replication's jobs; nil without jobs.
    public var p50: Double?, p90: Double?, p99: Double?
    /// The merged waits in seconds, the distribution the percentiles come from.
    public var waitSeconds: Histogram

    /// The pool's figures from its counts per replication and its merged histogram.
    init(pool: String, _ replications: [PoolWaits], merged: Histogram) {
        self.pool = pool
        jobs = replications.reduce(0) { $0 + $1.jobs }
        waitShare = Estimate(replications.compactMap(\.waitShare))
        meanWaitMinutes = Estimate(replications.compactMap(\.meanWaitMinutes))
        waitSeconds = merged
        let minutes = { (p: Double) in merged.isEmpty ? nil : Double(merged.quantile(p)) / 60 }
        (p50, p90, p99) = (minutes(0.5), minutes(0.9), minutes(0.99))
    }

    /// Every pool with jobs in some replication, in the order a replication lists them.
    static func all(_ figures: [ReplicationFigures], merged: WaitTimes) -> [PoolWaitResult] {
        let pools = figures.first?.waits.map(\.pool) ?? []
        return pools.indices.compactMap { index in
            let counts = figures.map { $0.waits[index] }
            guard counts.contains(where: { $0.jobs > 0 }) else { return nil }
            return PoolWaitResult(pool: pools[index], counts,
                                  merged: merged.pools[pools[index]] ?? Histogram(highestTrackableValue: 0))
        }
    }
}

/// Wait histograms merged over replications, per pool. Moved here as each replication
/// finishes (as ``RestorationTimes`` does), so what a run keeps per replication is counts.
struct WaitTimes: Sendable, Codable {
    /// Per pool name.
    var pools: [String: Histogram] = [:]

    /// Merges the figures' wait histograms in and leaves empty ones in their place.
    mutating func absorb(_ figures: inout ReplicationFigures) {
        for pool in figures.waits {
            pools[pool.pool, default: Histogram(highestTrackableValue: 0)].merge(pool.waitSeconds)
        }
        figures.dropWaitTimes()
    }
}

extension ReplicationFigures {
    /// Replaces every pool's wait histogram with an empty one (its counts stay).
    mutating func dropWaitTimes() {
        for index in waits.indices { waits[index].waitSeconds = Histogram(highestTrackableValue: 0) }
    }

    /// Drops the restoration and wait histograms: what a replication keeps when only its
    /// counts and per-replication values are read (comparisons, pricing).
    mutating func dropHistograms() {
        dropRestorationTimes()
        dropWaitTimes()
    }
}
