/// A rules file's versions: catalogues that each apply from an effective date (docs/rules-format.md
/// "Versions"). A plain rules file is one version with no date.
///
/// A ticket is judged by the version in force at its ``TicketClock`` instant (by default when it
/// was reported), a circuit-period by the version in force at the period's start
/// (docs/rules-semantics.md "Versioned rules"); a ticket is never judged again by a version that
/// came into force after it.
public struct RuleVersions: Sendable {
    /// One version: its name, the first day it applies and its rules.
    public struct Version: Sendable {
        /// The name reports show (the file's `name:`, else the effective date).
        public var name: String
        /// 00:00 of the first day it applies; nil for a version without a date (a plain rules
        /// file, or a first version that applies to everything before the next).
        public var effective: WallTime?
        /// The rules of this version (every earlier version's changes included).
        public var catalogue: RuleCatalogue

        /// A version.
        public init(name: String, effective: WallTime?, catalogue: RuleCatalogue) {
            self.name = name
            self.effective = effective
            self.catalogue = catalogue
        }
    }

    /// Which instant of a ticket picks its version.
    public enum TicketClock: String, Sendable, CaseIterable {
        /// `reported_at` (default): the promise in force when the customer's fault was taken on.
        case reportedAt
        /// `fault_start`.
        case faultStart
    }

    /// The versions, effective dates ascending (only the first may have none).
    public var versions: [Version]
    /// Which instant of a ticket picks its version.
    public var ticketClock: TicketClock

    /// Versions in effective order; at least one.
    public init(_ versions: [Version], ticketClock: TicketClock = .reportedAt) {
        precondition(!versions.isEmpty, "RuleVersions: at least one version")
        self.versions = versions
        self.ticketClock = ticketClock
    }

    /// One undated version: a plain catalogue.
    public init(single catalogue: RuleCatalogue) {
        self.init([Version(name: "rules", effective: nil, catalogue: catalogue)])
    }

    /// The rules of the latest version (what files are read with: it knows every tier and product).
    public var latest: RuleCatalogue { versions[versions.count - 1].catalogue }

    /// The version in force at `instant`: the last one whose effective date is not after it; the
    /// first version for anything before every date.
    public func version(at instant: WallTime) -> Int {
        versions.lastIndex { ($0.effective ?? WallTime(seconds: .min)) <= instant } ?? 0
    }

    /// The version judging `ticket`.
    func version(of ticket: TicketRecord) -> Int {
        version(at: ticketClock == .reportedAt ? ticket.reportedAt : ticket.faultStart)
    }
}

/// How many tickets and circuit-periods one version of the rules judged.
public struct RuleVersionUse: Hashable, Sendable, Codable {
    /// The version's name.
    public var name: String
    /// Its effective date (`YYYY-MM-DD`), nil when undated.
    public var effective: String?
    /// Tickets it judged (evaluated, not skipped).
    public var tickets: Int
    /// Circuit-periods it judged (quiet ones included).
    public var circuitPeriods: Int

    /// A version's use.
    public init(name: String, effective: String?, tickets: Int, circuitPeriods: Int) {
        self.name = name
        self.effective = effective
        self.tickets = tickets
        self.circuitPeriods = circuitPeriods
    }
}
