import SimCore

/// What some replications of one experiment (the whole run, or one shard's part) contribute to
/// its results, in a form that merges exactly: each replication's figures (their
/// restoration-time and wait histograms moved out) and those histograms merged, which adds
/// integer counts. No float is ever summed across replications here: the aggregate is computed once,
/// from all figures in replication order, whatever split produced them.
public struct ReplicationSet: Sendable, Codable {
    /// The replications' figures in replication order, histograms emptied.
    public private(set) var figures: [ReplicationFigures]
    /// Their restoration-time histograms, merged.
    var restorationTimes: RestorationTimes
    /// Their per-pool wait histograms, merged.
    var waitTimes: WaitTimes

    /// No replications.
    public init() {
        figures = []
        restorationTimes = RestorationTimes()
        waitTimes = WaitTimes()
    }

    /// The figures of several replications, in the order given.
    public init(_ all: [ReplicationFigures]) {
        self.init()
        for figures in all { add(figures) }
    }

    /// Appends one replication, moving its histograms into ``restorationTimes`` and ``waitTimes``.
    public mutating func add(_ replication: ReplicationFigures) {
        var light = replication
        restorationTimes.absorb(&light)
        waitTimes.absorb(&light)
        figures.append(light)
    }

    /// The replications of every set, in replication order.
    public static func merged(_ sets: [ReplicationSet]) -> ReplicationSet {
        var merged = ReplicationSet()
        for set in sets {
            merged.figures += set.figures
            merged.restorationTimes.merge(set.restorationTimes)
            merged.waitTimes.merge(set.waitTimes)
        }
        merged.figures.sort { $0.replication < $1.replication }
        return merged
    }

    /// The replication indices held, in order.
    public var replications: [Int] { figures.map(\.replication) }
}

extension RestorationTimes {
    /// Adds another set's histograms (adding counts: exact, in any order).
    mutating func merge(_ other: RestorationTimes) {
        for (breakdown, groups) in other.groups {
            for (key, histogram) in groups {
                self.groups[breakdown, default: [:]][key, default: Histogram(highestTrackableValue: 0)].merge(histogram)
            }
        }
        overall.merge(other.overall)
    }
}

extension WaitTimes {
    /// Adds another set's histograms (adding counts: exact, in any order).
    mutating func merge(_ other: WaitTimes) {
        for (pool, histogram) in other.pools {
            pools[pool, default: Histogram(highestTrackableValue: 0)].merge(histogram)
        }
    }
}

extension ReplicationSet {
    /// Figures whose histograms were already moved into `restorationTimes` and `waitTimes`.
    init(_ figures: [ReplicationFigures], restorationTimes: RestorationTimes, waitTimes: WaitTimes) {
        self.figures = figures
        self.restorationTimes = restorationTimes
        self.waitTimes = waitTimes
    }
}
