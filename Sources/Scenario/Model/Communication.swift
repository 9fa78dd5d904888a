import SimCore
import SimRandom

/// The customer communication the SLA tiers promise besides fault handling (source §4.1, §4.5):
/// the monthly SLA circuit report and SLA-AAA's proactive outage notice. `communication: none`
/// switches both off (docs/scenario-format.md, docs/repair-model.md "Communication workload").
public struct Communication: Sendable, Equatable {
    /// Who does a piece of communication work.
    public enum Party: String, Sendable, Equatable, CaseIterable {
        /// A monitoring-centre agent: a task in the agents' line, in their utilisation.
        case agent
        /// The customer's account manager: not a modelled pool; hours counted and costed at
        /// `costs.accountManagerHour`.
        case accountManager
    }

    /// One report per circuit of `tiers` per calendar month.
    public struct MonthlyReport: Sendable, Equatable {
        /// Who writes and sends it.
        public var by: Party
        /// Work per report, minutes.
        public var work: Distribution
        /// Tiers whose circuits get one (default the three SLA tiers).
        public var tiers: Set<String>
        /// Agents' reports are asked for evenly over this long from 00:00 on the 1st.
        public var spread: SimDuration
    }

    /// An agent tells the customer of every outage on a circuit of `tiers`, once reported.
    public struct OutageNotice: Sendable, Equatable {
        /// Tiers whose outages are notified (default SLA-AAA).
        public var tiers: Set<String>
        /// Work per notice, minutes.
        public var work: Distribution
        /// The notice is on time when sent within this long of `reported_at`.
        public var within: SimDuration
    }

    /// Nil: no monthly reports.
    public var monthlyReport: MonthlyReport?
    /// Nil: no outage notices.
    public var outageNotice: OutageNotice?

    /// Neither.
    public static let none = Communication(monthlyReport: nil, outageNotice: nil)

    /// Whether the circuits of an inventory row get a monthly SLA circuit report (their tier is
    /// one the reports cover).
    public func getsMonthlyReport(_ row: InventoryClass) -> Bool {
        row.tier.map { monthlyReport?.tiers.contains($0) ?? false } ?? false
    }
}
