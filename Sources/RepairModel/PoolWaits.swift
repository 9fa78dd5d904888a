import SimCore

/// How long the jobs of one pool of staff waited for it: from asking for the pool to a unit
/// taking the job (a crew accepting a ticket, an agent starting a task).
///
/// Counted over the jobs that asked in the observed window and were taken by the horizon (a
/// job still waiting at the horizon is left out). Every field is an integer count, so the
/// waits of several replications (or shards) merge exactly by adding; the percentiles come
/// from the merged histogram.
public struct PoolWaits: Sendable, Equatable, Codable {
    /// `crews.REGION`, `agents`, or `agents.TASK` (one kind of agent task).
    public var pool: String
    /// Jobs taken.
    public var jobs = 0
    /// Of those, jobs that were not taken at once.
    public var waited = 0
    /// The waits added up, in milliseconds (the simulation's resolution).
    public var totalWaitMilliseconds: Int64 = 0
    /// The waits in whole seconds (rounded to the nearest), one count per job.
    public var waitSeconds = Histogram(highestTrackableValue: 0)

    /// No jobs yet.
    public init(pool: String) { self.pool = pool }

    /// Adds one job's wait.
    mutating func record(_ wait: SimDuration) {
        let milliseconds = max(0, wait.milliseconds)
        jobs += 1
        if milliseconds > 0 { waited += 1 }
        totalWaitMilliseconds += milliseconds
        waitSeconds.record((milliseconds + 500) / 1000)
    }

    /// Adds another count of the same pool (another replication or shard).
    public mutating func merge(_ other: PoolWaits) {
        jobs += other.jobs
        waited += other.waited
        totalWaitMilliseconds += other.totalWaitMilliseconds
        waitSeconds.merge(other.waitSeconds)
    }

    /// Share of the jobs that waited; nil without jobs.
    public var waitShare: Double? { jobs > 0 ? Double(waited) / Double(jobs) : nil }

    /// Mean wait in minutes over all jobs (those taken at once count 0); nil without jobs.
    public var meanWaitMinutes: Double? {
        jobs > 0 ? Double(totalWaitMilliseconds) / Double(jobs) / 60_000 : nil
    }
}

extension AgentTask.Kind {
    /// The kind's name in a pool name (`agents.intake`).
    var poolName: String {
        switch self {
        case .confirm: "confirmation"
        case .intake: "intake"
        case .escalationNotice: "escalationNotice"
        case .progressUpdate: "progressUpdate"
        case .faultReport: "faultReport"
        case .outageNotice: "outageNotice"
        case .monthlyReport: "monthlyReport"
        case .installReport: "installReport"
        }
    }

    /// Every kind, in raw-value order (``ReplicationRun/agentWaits`` is indexed by it).
    static let all: [AgentTask.Kind] = [.confirm, .intake, .escalationNotice, .progressUpdate, .faultReport,
                                        .outageNotice, .monthlyReport, .installReport]
}
