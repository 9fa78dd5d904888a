import Foundation
import RepairModel
import Scenario
import SimRandom

/// What a run of a scenario would need, checked before anything is simulated: a staff pool
/// offered more work than its rosters hold (ρ ≥ 1: its queue grows for the whole horizon and
/// the run slows with it) and a size that would not fit in memory are refused, each unless
/// allowed; a count beyond what the model can index is always refused.
///
/// ```swift
/// try RunLimits(allowUnstable: false, allowLarge: false).check(scenario, threads: 2, replications: 20)
/// ```
public struct RunLimits: Sendable {
    /// Run even when a pool's offered load reaches its roster hours.
    public var allowUnstable: Bool
    /// Run even when the estimated memory exceeds the machine's.
    public var allowLarge: Bool
    /// The memory a run may use, in bytes (the machine's physical memory unless set).
    public var memoryBytes: Double

    /// Limits with the machine's physical memory.
    public init(allowUnstable: Bool = false, allowLarge: Bool = false, memoryBytes: Double = RunLimits.physicalMemoryBytes) {
        self.allowUnstable = allowUnstable
        self.allowLarge = allowLarge
        self.memoryBytes = memoryBytes
    }

    /// Checks the size (always first: an absurd scenario is refused before its load is even
    /// estimated), then each pool's load unless `allowUnstable`.
    public func check(_ scenario: Scenario, threads: Int, replications: Int) throws(RunLimitError) {
        try checkSize(scenario, threads: threads, replications: replications)
        if !allowUnstable { try checkLoad(scenario) }
    }

    /// Refuses the first pool whose offered load reaches its roster hours.
    public func checkLoad(_ scenario: Scenario) throws(RunLimitError) {
        if let pool = OfferedLoad(scenario).pools.first(where: { !($0.utilisation < 1) }) {
            throw .overloaded(pool)
        }
    }

    /// Refuses a replication the model cannot index, and unless `allowLarge` one whose
    /// memory, × the replications in flight, exceeds ``memoryBytes``.
    public func checkSize(_ scenario: Scenario, threads: Int, replications: Int) throws(RunLimitError) {
        let size = RunSize(scenario, threads: threads, replications: replications)
        if let count = size.beyondModel { throw .beyondModel(count, size) }
        if !allowLarge && !(size.bytes <= memoryBytes) { throw .tooLarge(size, memoryBytes: memoryBytes) }
    }

    /// The machine's physical memory in bytes (`sysconf`), or infinity when unknown.
    public static var physicalMemoryBytes: Double {
        let pages = sysconf(Int32(_SC_PHYS_PAGES)), pageSize = sysconf(Int32(_SC_PAGESIZE))
        return pages > 0 && pageSize > 0 ? Double(pages) * Double(pageSize) : .infinity
    }
}

/// The estimated size of a run: expected tickets and installs per replication (fault rates ×
/// circuits × horizon, as ``OfferedLoad`` counts them) and the memory they take.
///
/// Measured with `/usr/bin/time -v` (peak RSS) on the city ×100 (`Benchmarks/scaled-city.sh 100`:
/// 3.83 M circuits, 3.18 M tickets per replication-year, Benchmarks/README.md "Memory per
/// replication in flight"): the circuits expanded once and shared by the replications take
/// about 240 bytes each (944 MB with the process and a one-day replication); a replication in
/// flight adds about 124 MB (2 threads against 1), its tickets judged as they settle: what it
/// keeps per ticket for the circuit-period pass (32 bytes an outage ticket, and its grouping by
/// circuit at the end), the tickets still in the workflow, and per-circuit arrays. Rounded up here.
public struct RunSize: Sendable {
    /// Expected tickets over one replication's horizon.
    public var ticketsPerReplication: Double
    /// Expected installation orders over one replication's horizon.
    public var installsPerReplication: Double
    /// Circuits of the inventory.
    public var circuits: Double
    /// Replications simulated at once.
    public var threads: Int
    /// Replications of the run.
    public var replications: Int

    /// Peak memory of one replication per ticket of its horizon (what the circuit-period pass
    /// keeps of it and its grouping by circuit; tickets are judged and dropped as they settle).
    public static let bytesPerTicket = 48.0
    /// Per installation order.
    public static let bytesPerInstall = 100.0
    /// Per circuit and replication in flight (open faults per segment, the rule engine's and the
    /// breakdowns' per-circuit arrays).
    public static let bytesPerCircuit = 16.0
    /// Per circuit, once per run: the expanded inventory and its rulings, shared by the replications.
    public static let bytesPerSharedCircuit = 240.0
    /// Per replication's figures kept until the run's end (``ReplicationFigures``, restoration
    /// histograms merged away): measured 12 KB on the small test scenario (peak RSS 41 MB for
    /// 1,000 replications, 151 MB for 10,000); more regions and tiers hold more.
    public static let bytesPerReplicationFigures = 32.0 * 1024
    /// The process before any replication.
    public static let baseBytes = 30.0 * 1_048_576
    /// The model addresses tickets, circuits and install orders with 32-bit indices.
    public static let modelLimit = Double(Int32.max)

    /// The size of `scenario` run with `replications` on `threads` threads.
    public init(_ scenario: Scenario, threads: Int, replications: Int) {
        let load = OfferedLoad(scenario)
        ticketsPerReplication = load.ticketsPerMinute(over: OfferedLoad.wholeWeek) { _, _ in 1 } * scenario.horizonMinutes
        installsPerReplication = load.installsPerMinute * scenario.horizonMinutes
        circuits = scenario.inventory.reduce(0.0) { $0 + Double($1.circuits) }
        self.threads = max(1, threads)
        self.replications = replications
    }

    /// Peak bytes of one replication in flight.
    public var bytesPerReplication: Double {
        ticketsPerReplication * Self.bytesPerTicket + installsPerReplication * Self.bytesPerInstall
            + circuits * Self.bytesPerCircuit
    }

    /// Bytes of the circuits shared by every replication (expanded once per run).
    public var sharedBytes: Double { circuits * Self.bytesPerSharedCircuit }

    /// Peak bytes of the run: the shared circuits, the replications in flight and every
    /// replication's figures.
    public var bytes: Double {
        Self.baseBytes + sharedBytes + Double(min(threads, replications)) * bytesPerReplication
            + Double(replications) * Self.bytesPerReplicationFigures
    }

    /// The first count beyond what the model can index: (what, how many); nil when all fit.
    public var beyondModel: (String, Double)? {
        let counts = [("tickets per replication", ticketsPerReplication),
                      ("installation orders per replication", installsPerReplication), ("circuits", circuits)]
        return counts.first { !($0.1 < Self.modelLimit) }
    }
}

/// Why a run was refused before it started.
public enum RunLimitError: Error, Sendable, CustomStringConvertible {
    /// A pool's offered load reaches its roster hours.
    case overloaded(OfferedLoad.Pool)
    /// The run would need more memory than the machine has.
    case tooLarge(RunSize, memoryBytes: Double)
    /// A count the model cannot index (what, how many).
    case beyondModel((String, Double), RunSize)

    /// One line for a person: the pool or size, the figures, and what to do.
    public var description: String {
        switch self {
        case .overloaded(let pool):
            return Self.overload(pool) + ": its queue grows without bound; add staff to its roster, lower the load, "
                + "or pass --allow-unstable"
        case let .tooLarge(size, memory):
            return "a replication would hold about \(Self.number(size.ticketsPerReplication)) tickets "
                + "(fault rates × circuits × horizon), \(Self.number(size.installsPerReplication)) installation orders "
                + "and \(Self.number(size.circuits)) circuits: about "
                + "\(Self.bytes(size.bytesPerReplication)) each, and \(Self.bytes(size.sharedBytes)) for the circuits they share; "
                + "with \(min(size.threads, size.replications)) in flight "
                + "and \(size.replications) replications' figures the run needs about \(Self.bytes(size.bytes)), "
                + "more than this machine's \(Self.bytes(memory)) of memory; lower the fault rates, installs, circuits or horizon, "
                + "use fewer --threads or --replications, or pass --allow-large"
        case let .beyondModel((what, count), _):
            return "about \(Self.number(count)) \(what): beyond the model's limit of \(Self.number(RunSize.modelLimit)); "
                + "lower the fault rates, installs, circuits or horizon"
        }
    }

    /// `crews.east is offered 250 staff-hours of work a week but its rosters hold 240 (utilisation ρ = 1.04 ≥ 1)`.
    public static func overload(_ pool: OfferedLoad.Pool) -> String {
        "\(pool.name) is offered \(number(pool.offeredHoursPerWeek)) staff-hours of work a week but its rosters "
            + "hold \(number(pool.rosterHoursPerWeek)) (utilisation ρ = \(ratio(pool.utilisation)) ≥ 1)"
    }

    /// 1,234 for ordinary figures, 1.2e+300 for astronomical ones.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "\(value)" }
        if abs(value) >= 1e12 { return String(format: "%.2g", value) }
        let whole = Int(value.rounded())
        let digits = String(abs(whole))
        var grouped = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return (whole < 0 ? "-" : "") + grouped
    }

    /// ρ with two decimals, never rounded down to 1.00 when above.
    static func ratio(_ value: Double) -> String {
        guard value.isFinite else { return "∞" }
        let text = String(format: "%.2f", value)
        return text == "1.00" && value > 1 ? String(format: "%.4f", value) : text
    }

    /// Bytes as MB, GB or TB (powers of 1,024), or an exponent when astronomical.
    static func bytes(_ value: Double) -> String {
        guard value.isFinite else { return "an unbounded amount" }
        let units = ["bytes", "KB", "MB", "GB", "TB", "PB"]
        var scaled = value, unit = 0
        while scaled >= 1024 && unit < units.count - 1 { scaled /= 1024; unit += 1 }
        if scaled >= 1e6 { return String(format: "%.2g bytes", value) }
        return String(format: scaled < 10 ? "%.1f" : "%.0f", scaled) + " " + units[unit]
    }
}
