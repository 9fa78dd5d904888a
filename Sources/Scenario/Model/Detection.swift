import SimRandom

/// How a fault reaches the monitoring centre (docs/domain.md §3: proactive detection, the
/// customer's call, or the account manager). All delays are minutes from the fault's start.
///
/// A fault on a segment the circuit's tier monitors is detected proactively. Otherwise the
/// account manager reports it with probability `accountManagerShare`, else the customer does,
/// with `customerOffHoursDelay` when the fault starts outside the calendar's working hours.
public struct Detection: Sendable, Equatable {
    /// Delay of proactive detection on monitored segments.
    public var proactiveDelay: Distribution
    /// Delay of a customer's report when the fault starts in working hours.
    public var customerDelay: Distribution
    /// Delay of a customer's report when the fault starts outside working hours.
    public var customerOffHoursDelay: Distribution
    /// Share (0…1) of unmonitored faults reported by the account manager instead of the customer.
    public var accountManagerShare: Double
    /// Delay of an account manager's report.
    public var accountManagerDelay: Distribution
}
