/// Records the rule engine judges: the same shape for a real ticket log and for simulated tickets.
/// (Shared contract between the rule engine and the ticket-log reader: extend, do not rename.)

/// A local wall-clock instant in the calendar's time zone, in whole seconds since
/// 1970-01-01T00:00:00 local time (no offset, no daylight saving: a wall clock, not UTC).
public struct WallTime: Comparable, Hashable, Sendable {
    /// Seconds since 1970-01-01T00:00:00 local wall-clock time.
    public var seconds: Int64

    /// Wraps a count of seconds since 1970-01-01T00:00:00 local time.
    @inlinable public init(seconds: Int64) { self.seconds = seconds }

    @inlinable public static func < (lhs: WallTime, rhs: WallTime) -> Bool { lhs.seconds < rhs.seconds }
}

/// The five customer grades (客户等级), highest first.
public enum CustomerGrade: String, CaseIterable, Comparable, Hashable, Sendable {
    case group, provincial, localA, localB, localC

    public static func < (lhs: CustomerGrade, rhs: CustomerGrade) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The customer's type in the source (docs/domain.md §5): the 800/4008 repair limits depend on
/// it, not on the grade alone (brand, key-industry and high-end cluster customers are all local A).
public enum CustomerType: String, CaseIterable, Hashable, Sendable {
    /// Key industry-application customer (行业).
    case industry
    /// High-end cluster customer (高端聚类).
    case highEndCluster = "high-end-cluster"
    /// Brand enterprise customer, "Business Navigator" (商务领航).
    case brand
    /// Ordinary cluster customer (普通聚类).
    case cluster
}

/// One circuit of the inventory, as a user's `circuits.csv` row or a simulated circuit.
///
/// The stored properties are declared widest first, so that the one-byte ones share the last
/// word (104 bytes a circuit rather than 120: an inventory of a million is moved and kept).
public struct Circuit: Hashable, Sendable {
    /// The circuit id, unique in the inventory.
    public var id: String
    /// Canonical product key, e.g. `mpls-vpn`.
    public var product: String
    /// Tier key, e.g. `SLA-AA`; nil when the row leaves it empty (repair-limit matrix, then QLC).
    public var tier: String?
    /// The region (free text, as the inventory writes it), for breakdowns by region.
    public var region: String?
    /// Monthly fee, in the currency of the inventory.
    public var monthlyFee: Double
    /// First instant of service (inclusive); nil means before any period evaluated.
    public var start: WallTime?
    /// End of service (exclusive); nil means after any period evaluated.
    public var end: WallTime?
    /// The customer's grade.
    public var customerGrade: CustomerGrade
    /// VPN flag; nil means "as the product's catalogue entry says".
    public var vpn: Bool?
    /// The customer's type; nil when the inventory does not say (limits then go by grade alone).
    public var customerType: CustomerType?

    public init(
        id: String, customerGrade: CustomerGrade, product: String, tier: String?,
        monthlyFee: Double, vpn: Bool? = nil, region: String? = nil,
        start: WallTime? = nil, end: WallTime? = nil, customerType: CustomerType? = nil
    ) {
        self.id = id
        self.customerGrade = customerGrade
        self.product = product
        self.tier = tier
        self.monthlyFee = monthlyFee
        self.vpn = vpn
        self.region = region
        self.start = start
        self.end = end
        self.customerType = customerType
    }
}

/// One fault ticket with its checkpoints (docs/rules-semantics.md "A ticket and its
/// checkpoints").
public struct TicketRecord: Hashable, Sendable {
    public var ticketID: String
    public var circuitID: String
    public var faultStart: WallTime
    /// Ticket created at the monitoring centre; the restoration clock starts here.
    public var reportedAt: WallTime
    public var dispatchedAt: WallTime?
    public var acceptedAt: WallTime?
    /// Service restored (end of the outage); for a ticket still open when the log ends, that
    /// instant (``openAsOf``).
    public var repairedAt: WallTime
    public var confirmedAt: WallTime?
    public var reportSentAt: WallTime?
    /// Intervals `[start, end)` when the SLA clock stops for a customer-caused delay (no access
    /// to the site, customer not ready): subtracted from the restoration time where the tier
    /// pauses on them (`ServiceTier.pausesRestoration`). Valid when each ends after it starts,
    /// none overlaps another and all lie within `[reportedAt, repairedAt]` (``suspensionViolation``).
    public var suspended: [Range<WallTime>]
    /// First feedback to the customer (ICT and application products promise it within a
    /// working day of the report); nil when the log does not record it.
    public var feedbackAt: WallTime?
    /// True when service-affecting; false when the fault hit a protected segment.
    public var outage: Bool
    /// Reason the ticket counts for no compliance or credit (customer-caused, force majeure, ...).
    public var excluded: String?
    /// For a ticket whose service was not restored when the log ends (a simulation's horizon):
    /// that instant, as of which it is judged; nil for a restored ticket. The outage lasts at
    /// least until then (`repairedAt` equals it); a checkpoint that is nil had not happened by
    /// then: a limit already exceeded at `openAsOf` is missed, one not yet exceeded is not
    /// judged yet (see `RuleEngine.check`).
    public var openAsOf: WallTime?

    // Inlinable, and `suspended` a parameter rather than a property's default: the simulator
    // builds a record per ticket, and a default or a later assignment costs a call and a copy.
    @inlinable
    public init(
        ticketID: String, circuitID: String, faultStart: WallTime, reportedAt: WallTime,
        dispatchedAt: WallTime?, acceptedAt: WallTime?, repairedAt: WallTime,
        confirmedAt: WallTime?, reportSentAt: WallTime? = nil, outage: Bool, excluded: String? = nil,
        suspended: [Range<WallTime>] = []
    ) {
        self.ticketID = ticketID
        self.circuitID = circuitID
        self.faultStart = faultStart
        self.reportedAt = reportedAt
        self.dispatchedAt = dispatchedAt
        self.acceptedAt = acceptedAt
        self.repairedAt = repairedAt
        self.confirmedAt = confirmedAt
        self.reportSentAt = reportSentAt
        self.outage = outage
        self.excluded = excluded
        self.suspended = suspended
    }

    /// A ticket still open at `asOf`, its service not restored: `repairedAt` is `asOf`, and
    /// confirmation and report are empty.
    @inlinable
    public init(
        ticketID: String, circuitID: String, faultStart: WallTime, reportedAt: WallTime,
        dispatchedAt: WallTime?, acceptedAt: WallTime?, openAsOf asOf: WallTime, outage: Bool, excluded: String? = nil,
        suspended: [Range<WallTime>] = []
    ) {
        self.init(ticketID: ticketID, circuitID: circuitID, faultStart: faultStart, reportedAt: reportedAt,
                  dispatchedAt: dispatchedAt, acceptedAt: acceptedAt, repairedAt: asOf, confirmedAt: nil,
                  outage: outage, excluded: excluded, suspended: suspended)
        openAsOf = asOf
    }
}
