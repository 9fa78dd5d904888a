/// The value types the rule catalogue is made of: products, network grades, limits, payment.

/// Product families of docs/domain.md §2.
public enum ProductFamily: String, CaseIterable, Hashable, Sendable, Codable {
    /// Bandwidth, Business Navigator & ICT, converged applications, fixed voice.
    case bandwidth, ict, converged, voice
}

/// A product of the catalogue, keyed canonically (e.g. `mpls-vpn`).
public struct Product: Hashable, Sendable {
    /// Canonical product key used in inventory files.
    public var key: String
    /// The family the product belongs to (drives the repair-limit matrix).
    public var family: ProductFamily
    /// Whether circuits of this product take the tiers' VPN restoration limits.
    public var isVPN: Bool

    /// A product entry.
    public init(key: String, family: ProductFamily, isVPN: Bool = false) {
        self.key = key
        self.family = family
        self.isVPN = isVPN
    }
}

/// A segment of a circuit's path, from the customer's side to the core.
public enum NetworkSegment: String, CaseIterable, Hashable, Sendable, Codable {
    /// From the customer's equipment to the core network.
    case customerPremises, access, metro, backbone
}

/// A network quality grade (网络质量等级): which segments are protected and monitored.
public struct NetworkGrade: Hashable, Sendable {
    /// Grade key: `A`, `B`, `C`, `N`.
    public var key: String
    /// Segments with pre-arranged protection: a single fault there is not an outage.
    public var protectedSegments: Set<NetworkSegment>
    /// Segments monitored end to end.
    public var monitoredSegments: Set<NetworkSegment>

    /// A network grade entry.
    public init(key: String, protectedSegments: Set<NetworkSegment>, monitoredSegments: Set<NetworkSegment>) {
        self.key = key
        self.protectedSegments = protectedSegments
        self.monitoredSegments = monitoredSegments
    }
}

/// A restoration time limit: calendar time, or working days of a business calendar.
public enum RestorationLimit: Hashable, Sendable {
    /// Counts every second (hours and minutes in the source).
    case calendar(seconds: Int64)
    /// Counts working time: N × the calendar's working-day length.
    case workingDays(Int)

    /// A calendar-time limit in minutes.
    public static func minutes(_ value: Int64) -> RestorationLimit { .calendar(seconds: value * 60) }
    /// A calendar-time limit in hours.
    public static func hours(_ value: Int64) -> RestorationLimit { .calendar(seconds: value * 3600) }
}

/// Which clock a restoration limit runs on.
public enum RestorationClock: String, Hashable, Sendable, Codable {
    /// Every second counts / only working hours of a business calendar count.
    case calendar, working
}

/// How missed commitments turn into money.
public enum PaymentTerms: Hashable, Sendable {
    /// Credits are liabilities (SLA tiers).
    case strict
    /// Credits may be paid or waived; expected figures are multiplied by `payProbability`.
    case negotiable(payProbability: Double)
    /// No compensation at all (QLC).
    case noCompensation

    /// The share of a liability expected to be paid.
    public var expectedShare: Double {
        switch self {
        case .strict: return 1
        case .negotiable(let probability): return probability
        case .noCompensation: return 0
        }
    }
}

/// Families of differentiated service (docs/domain.md §4).
public enum TierFamily: String, Hashable, Sendable, Codable {
    /// SLA quality commitment, strict compensation.
    case slaCommitment
    /// Maintenance-quality assurance, negotiable compensation.
    case maintenanceQuality
    /// Quality-level commitment, no compensation.
    case qualityLevel
}

/// Limits on the ticket checkpoints that apply to every ticket (docs/domain.md §3).
public struct CheckpointLimits: Hashable, Sendable {
    /// Ticket created → dispatched (default 15 min).
    public var dispatchSeconds: Int64 = 15 * 60
    /// Dispatched → accepted (default 30 min).
    public var acceptSeconds: Int64 = 30 * 60
    /// Repaired → confirmed (default 15 min).
    public var confirmationSeconds: Int64 = 15 * 60

    /// The source's defaults: 15 / 30 / 15 minutes.
    public init() {}
}

/// A three-level after-sales level (VIP-SL1..3). The source's table is cut off, so the
/// thresholds are assumptions kept as data for the simulator's escalation logic.
public struct AfterSalesLevel: Hashable, Sendable {
    /// Level key, e.g. `VIP-SL1`.
    public var key: String
    /// Ticket ages (seconds after creation) at which the ticket escalates one step each.
    public var escalationAfterSeconds: [Int64]
    /// Interval between progress updates to the customer while a ticket is open.
    public var progressUpdateSeconds: Int64

    /// An after-sales level entry.
    public init(key: String, escalationAfterSeconds: [Int64], progressUpdateSeconds: Int64) {
        self.key = key
        self.escalationAfterSeconds = escalationAfterSeconds
        self.progressUpdateSeconds = progressUpdateSeconds
    }
}
