import Experiments

extension Metric {
    /// The unit the metric's value is in, for cells and axes: shares, money per year or
    /// events per year.
    public var valueUnit: Unit {
        guard case .group(_, let measure) = subject else { return .share }
        switch measure {
        case .dispatch, .accept, .restoration, .confirmation, .availability: return .share
        case .credits, .expectedCredits, .claimedCredits: return .money
        case .repeatViolations, .tickets: return .perYear
        }
    }
}
