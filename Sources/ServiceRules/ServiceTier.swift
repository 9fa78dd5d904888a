/// A differentiated service tier (SLA-AAA ... QLC): what it promises and what it pays.
public struct ServiceTier: Hashable, Sendable {
    /// Tier key, e.g. `SLA-AA`.
    public var key: String
    /// Quality-assurance family of the tier.
    public var family: TierFamily
    /// End-to-end availability target per period, as a fraction (0.9995 for 99.95 %).
    public var availabilityTarget: Double
    /// Network grade key (`A`, `B`, `C`, `N`).
    public var networkGrade: String
    /// Restoration limit for non-VPN products.
    public var restorationLimit: RestorationLimit
    /// Restoration limit for VPN products; nil means the same as `restorationLimit`.
    public var vpnRestorationLimit: RestorationLimit?
    /// Repeat-fault window in seconds; nil when the tier has no repeat rule.
    public var repeatWindowSeconds: Int64?
    /// Segments monitored proactively 7×24.
    public var monitoredSegments: [NetworkSegment]
    /// Working days after repair within which the fault report is due; nil when not promised.
    public var faultReportWorkingDays: Int?
    /// Name of the business calendar for working-time limits.
    public var calendar: String
    /// Whether the restoration clock stops during a ticket's suspended intervals (customer-caused
    /// delays; `pauseOn: [restoration]` in a rules file). Untiered circuits follow the fallback tier.
    public var pausesRestoration = true
    /// How credits are paid.
    public var payment: PaymentTerms
    /// Service-credit schedule.
    public var credits: CreditSchedule

    /// A tier entry; optional promises default to "not promised".
    public init(
        key: String, family: TierFamily, availabilityTarget: Double, networkGrade: String,
        restorationLimit: RestorationLimit, vpnRestorationLimit: RestorationLimit? = nil,
        repeatWindowSeconds: Int64? = nil, monitoredSegments: [NetworkSegment] = [],
        faultReportWorkingDays: Int? = nil, calendar: String = "standard",
        payment: PaymentTerms, credits: CreditSchedule = CreditSchedule(terms: [])
    ) {
        self.key = key
        self.family = family
        self.availabilityTarget = availabilityTarget
        self.networkGrade = networkGrade
        self.restorationLimit = restorationLimit
        self.vpnRestorationLimit = vpnRestorationLimit
        self.repeatWindowSeconds = repeatWindowSeconds
        self.monitoredSegments = monitoredSegments
        self.faultReportWorkingDays = faultReportWorkingDays
        self.calendar = calendar
        self.payment = payment
        self.credits = credits
    }

    /// The restoration limit for a circuit, taking the VPN variant when the circuit is a VPN.
    public func restorationLimit(vpn: Bool) -> RestorationLimit {
        vpn ? (vpnRestorationLimit ?? restorationLimit) : restorationLimit
    }
}

/// Default repair limits for circuits without a tier (docs/domain.md §5): one limit per
/// customer grade, on a named calendar.
public struct RepairLimitRow: Hashable, Sendable {
    /// Limits indexed by `CustomerGrade.allCases` order.
    public var limits: [RestorationLimit]
    /// Limits by customer type, taking precedence over the grade's for a circuit whose type is
    /// known (800/4008: industry and high-end cluster 12 h, brand 24 h).
    public var byCustomerType: [CustomerType: RestorationLimit] = [:]
    /// Working days after the report within which the first feedback is due (ICT and
    /// application products: 1); nil when the row promises none.
    public var feedbackWorkingDays: Int?
    /// Calendar for working-day limits (restoration and feedback).
    public var calendar: String

    /// A row with a limit per grade.
    public init(group: RestorationLimit, provincial: RestorationLimit, localA: RestorationLimit,
                localB: RestorationLimit, localC: RestorationLimit, calendar: String = "standard") {
        limits = [group, provincial, localA, localB, localC]
        self.calendar = calendar
    }

    /// A row with one limit for every grade.
    public init(all limit: RestorationLimit, calendar: String = "standard") {
        self.init(group: limit, provincial: limit, localA: limit, localB: limit, localC: limit,
                  calendar: calendar)
    }

    /// The limit for a customer grade.
    public func limit(for grade: CustomerGrade) -> RestorationLimit {
        limits[CustomerGrade.allCases.firstIndex(of: grade)!]
    }

    /// The limit for a customer: by its type when the row has one for it, else by its grade.
    public func limit(for grade: CustomerGrade, type: CustomerType?) -> RestorationLimit {
        type.flatMap { byCustomerType[$0] } ?? limit(for: grade)
    }
}

/// The product × customer-grade repair-limit matrix: rows by product key, else by family.
public struct RepairLimitMatrix: Hashable, Sendable {
    /// Rows for individual products (take precedence over family rows).
    public var byProduct: [String: RepairLimitRow]
    /// Rows for whole product families.
    public var byFamily: [ProductFamily: RepairLimitRow]

    /// A matrix from its rows.
    public init(byProduct: [String: RepairLimitRow], byFamily: [ProductFamily: RepairLimitRow]) {
        self.byProduct = byProduct
        self.byFamily = byFamily
    }

    /// The row for a product, or nil (then the fallback tier applies).
    public func row(for product: Product) -> RepairLimitRow? {
        byProduct[product.key] ?? byFamily[product.family]
    }
}
