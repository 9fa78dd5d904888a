/// The restoration-limit lookup (docs/rules-semantics.md "Restoration limit: which one
/// applies"): the one place that decides which limit a circuit's outages are judged by. The
/// rule engine resolves its circuits through it, and models (RepairModel) read the same answer
/// through ``restorationLimit(for:)``.
extension RuleCatalogue {
    /// Where a circuit's restoration limit comes from, and the tier and calendar it is judged by.
    struct LimitLookup {
        /// Index into `tiers` of the tier the circuit is judged and reported under; nil for an
        /// untiered circuit judged by the repair-limit matrix (reported as ``RuleCatalogue/untiered``).
        var tierIndex: Int?
        var limit: RestorationLimit
        /// Name of the business calendar of a working-time limit (the tier's or the matrix row's).
        var calendar: String
        var source: LimitSource
        /// Working days within which the first feedback is due (the matrix row's); nil when none.
        var feedbackWorkingDays: Int? = nil
        /// Whether suspended intervals stop the restoration clock (the tier's; the fallback
        /// tier's for an untiered circuit).
        var pausesRestoration = true
    }

    /// The key of the row that reports untiered circuits judged by the repair-limit matrix.
    public static let untiered = "untiered"

    /// The circuit's restoration limit, with its clock: `.calendar(seconds:)` counts every
    /// second, `.workingDays(n)` counts n working days of the limit's business calendar.
    ///
    /// Order: the circuit's tier (VPN variant for VPN circuits), else the product × customer-grade
    /// repair-limit matrix (by customer type first where the row has one), else the fallback tier
    /// (`QLC`). The same lookup the rule engine judges
    /// tickets by. Assumes a valid circuit (known tier and product); an unknown tier is looked up
    /// like an untiered circuit.
    public func restorationLimit(for circuit: Circuit) -> RestorationLimit {
        limitLookup(for: circuit).limit
    }

    /// The business calendar a circuit's working-day restoration limit counts in (its tier's, or
    /// its repair-limit row's); nil for a calendar-time limit. From the same lookup as
    /// ``restorationLimit(for:)``.
    public func restorationCalendar(for circuit: Circuit) -> BusinessCalendar? {
        let lookup = limitLookup(for: circuit)
        guard case .workingDays = lookup.limit else { return nil }
        return calendar(lookup.calendar)
    }

    /// The row a circuit's tickets and circuit-periods are reported under: its tier, else
    /// ``untiered`` when the repair-limit matrix judges it, else the fallback tier. From the same
    /// lookup as ``restorationLimit(for:)``.
    public func reportingTier(for circuit: Circuit) -> String {
        limitLookup(for: circuit).tierIndex.map { tiers[$0].key } ?? Self.untiered
    }

    /// The lookup behind ``restorationLimit(for:)`` and `RuleEngine.resolvedPlan(for:)`.
    func limitLookup(for circuit: Circuit) -> LimitLookup {
        let vpn = isVPN(circuit)
        if let key = circuit.tier, let index = tiers.firstIndex(where: { $0.key == key }) {
            let tier = tiers[index]
            let source: LimitSource = vpn && tier.vpnRestorationLimit != nil ? .tierVPN : .tier
            return LimitLookup(tierIndex: index, limit: tier.restorationLimit(vpn: vpn),
                               calendar: tier.calendar, source: source, pausesRestoration: tier.pausesRestoration)
        }
        let fallbackIndex = tiers.firstIndex { $0.key == fallbackTier } ?? 0
        let fallback = tiers[fallbackIndex]
        if let product = product(circuit.product), let row = repairLimits.row(for: product) {
            return LimitLookup(tierIndex: nil, limit: row.limit(for: circuit.customerGrade, type: circuit.customerType),
                               calendar: row.calendar, source: .repairLimitMatrix,
                               feedbackWorkingDays: row.feedbackWorkingDays, pausesRestoration: fallback.pausesRestoration)
        }
        return LimitLookup(tierIndex: fallbackIndex, limit: fallback.restorationLimit(vpn: vpn),
                           calendar: fallback.calendar, source: .fallbackTier, pausesRestoration: fallback.pausesRestoration)
    }
}
