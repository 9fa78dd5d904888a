/// Why a sample could not be fitted. The CLI turns these into one-line messages.
public enum FittingError: Error, Equatable, Sendable {
    /// An observation is zero, negative, infinite or NaN; `index` counts from 0 in the input
    /// (exact values first, then censoring times).
    case notPositive(index: Int, value: Double)
    /// Fewer exact (uncensored) observations than the method needs.
    case tooFewObservations(needed: Int, got: Int)
    /// The likelihood has no maximum inside the family's parameter space for this sample.
    case noMaximum(family: FittedFamily)
    /// The method does not take censored observations (the lognormal mixtures' EM, the
    /// goodness-of-fit bootstrap); `method` names it.
    case censoringNotSupported(method: String)
    /// A rate's exposure is zero, negative or not finite, or its event count is negative.
    case invalidExposure(name: String, events: Int, exposure: Double)
    /// A confidence level outside (0, 1).
    case invalidConfidence(Double)
    /// A bootstrap sample count below 1 (or below 0 where 0 means "skip").
    case invalidBootstrapSamples(Int)

    /// A one-line English description naming what was expected.
    public var message: String {
        switch self {
        case let .notPositive(index, value):
            "observation \(index + 1) is \(value); durations must be positive and finite"
        case let .tooFewObservations(needed, got):
            "\(got) uncensored observations; fitting needs at least \(needed)"
        case let .noMaximum(family):
            "the \(family.rawValue) likelihood has no maximum for this sample"
        case let .censoringNotSupported(method):
            "\(method) takes uncensored samples only"
        case let .invalidExposure(name, events, exposure):
            "class \(name): \(events) events over \(exposure) exposure; need events ≥ 0 and exposure > 0"
        case let .invalidConfidence(level):
            "confidence level \(level) must lie strictly between 0 and 1"
        case let .invalidBootstrapSamples(count):
            "\(count) bootstrap samples; need at least 1 (or 0 to skip the goodness-of-fit test)"
        }
    }
}
