/// The one catalogue of method sentences: how a report's figures were made. Reports list the
/// notes they rest on; the terminal prints them at the end, HTML in the footer, JSON under
/// `notes` (keyed by ``key``). A sentence is written here once and nowhere else.
public enum MethodNote: String, Sendable, Hashable, CaseIterable, Encodable {
    /// Means across replications with Student-t intervals.
    case studentT
    /// `n=K` cells.
    case partialCoverage
    /// Per-year scaling of window figures.
    case perYear
    /// p95 and p99 of money figures.
    case empiricalPercentiles
    /// Restoration percentiles and charts pool every replication's restored outage tickets.
    case pooledRestoration
    /// Staff cost: roster hours plus measured call-outs and account managers' reports.
    case staffCost
    /// Progress updates late.
    case progressUpdatesLate
    /// Paired differences with common random numbers (compare).
    case pairedDifference
    /// Differences of runs with independent streams (compare --independent).
    case independentDifference
    /// One-sided bounds of staff targets (staff).
    case targetBound
    /// Cost to serve per circuit-month (price).
    case costToServe
    /// Headcount as full-time equivalents (study).
    case headcount
    /// Closed-form predictions of the queue.
    case queueTheory
    /// Rows read = evaluated + rejected (evaluate).
    case rowAccounting
    /// Fault rates: events / exposure with Garwood's exact interval, sparse classes pooled (fit).
    case garwoodRates
    /// Distributions by maximum likelihood, chosen by AIC, bootstrap goodness of fit (fit).
    case maximumLikelihood
    /// The back-test's prediction intervals (fit --backtest).
    case backtestInterval

    /// The note's key in JSON (its name).
    public var key: String { rawValue }

    /// The sentence.
    public var text: String {
        switch self {
        case .studentT:
            return "Figures are means across replications ± the half-width of a 95 % Student-t confidence interval "
                + "(no ± with one replication)."
        case .partialCoverage:
            return "n=K: the figure exists in only K of the run's replications (e.g. no ticket of that kind in the "
                + "others); it is the mean over those K, with no ± when K = 1."
        case .perYear:
            return "Per-year figures scale the observed window (horizon − warm-up) to 365 days."
        case .empiricalPercentiles:
            return "p95 and p99 are empirical percentiles (nearest rank) of the replication values, not confidence bounds."
        case .pooledRestoration:
            return "Restoration percentiles are in calendar minutes reported → repaired, pooled over every replication's "
                + "restored outage tickets."
        case .staffCost:
            return "Staff cost per year = roster hours × the scenario's `costs:` rates + measured call-out crew-hours "
                + "× the crew-hour rate + account managers' monthly-report and installation progress-report hours × their rate."
        case .progressUpdatesLate:
            return "Late progress updates: due updates not sent before the next fell due (sent later, or merged into "
                + "the one still waiting; a model measure, the rule engine has no progress-update rule)."
        case .pairedDifference:
            return "Differences are variant − base per replication with common random numbers, mean ± 95 % Student-t "
                + "half-width over the paired replications; significant when the interval excludes 0."
        case .independentDifference:
            return "Differences are variant − base per replication with independent random streams (no pairing), mean ± "
                + "95 % Student-t half-width over the replications; significant when the interval excludes 0."
        case .targetBound:
            return "A target is met when its one-sided confidence bound is on the target's side: the Student-t bound "
                + "of a mean, an order statistic for a percentile."
        case .costToServe:
            return "Cost to serve is per circuit-month in the currency of the fees; loaded cost spreads the year's "
                + "staff cost by workload, marginal cost counts the extra work only."
        case .headcount:
            return "Headcount = rostered hours per year of every head on duty ÷ the productive hours of one full-time "
                + "person a year (the scenario's `costs.productiveHoursPerYear`); on-call standby is not counted."
        case .queueTheory:
            return "Predictions: Erlang C with Cobham's priority waits (exact for exponential service), else the "
                + "Allen–Cunneen approximation; ✓ when the prediction lies inside the simulated 95 % interval."
        case .rowAccounting:
            return "Rows read = rows evaluated + rows rejected; every rejected row is listed with its file, line and reason."
        case .garwoodRates:
            return "Fault rates = faults ÷ circuit-years in the log's window, with Garwood's exact 95 % Poisson interval; a class "
                + "with fewer than 10 faults is shrunk toward its product's rate (empirical Bayes), never dropped."
        case .maximumLikelihood:
            return "Durations fitted by maximum likelihood (open tickets as right-censored values); the family with the lowest AIC "
                + "is chosen (a mixture must also win on BIC); KS and AD p-values by parametric bootstrap with refitting."
        case .backtestInterval:
            return "Back-test intervals: mean ± z·sd·√(1 + 1/R) over R replications of the fitted scenario, the range a new "
                + "replication (the log) falls in at the stated level; each figure judged by the same rule engine as evaluate."
        }
    }
}
