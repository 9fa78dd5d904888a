/// The families the fitter knows, by the name written in reports.
public enum FittedFamily: String, CaseIterable, Codable, Sendable {
    case exponential
    case lognormal
    case gamma
    case weibull
    case logLogistic = "log-logistic"
    case lognormalMixture2 = "lognormal-mixture-2"
    case lognormalMixture3 = "lognormal-mixture-3"

    /// The single (non-mixture) families, fitted to every sample, censored or not.
    public static let single: [FittedFamily] = [.exponential, .lognormal, .gamma, .weibull, .logLogistic]
    /// The mixtures, fitted by EM to uncensored samples only.
    public static let mixtures: [FittedFamily] = [.lognormalMixture2, .lognormalMixture3]

    /// The number of free parameters, k in AIC = 2k − 2 ln L.
    public var parameterCount: Int {
        switch self {
        case .exponential: 1
        case .lognormal, .gamma, .weibull, .logLogistic: 2
        case .lognormalMixture2: 5
        case .lognormalMixture3: 8
        }
    }

    /// Whether this family is a mixture (it must beat the best single family on AIC and BIC).
    public var isMixture: Bool { FittedFamily.mixtures.contains(self) }

    /// Whether the scenario format can express this family (log-logistic it cannot).
    public var isWritableToScenario: Bool { self != .logLogistic }
}
