import Fitting
import Scenario
import ServiceRules

/// Remote fixes and on-site work told apart in a log that does not mark them.
///
/// A remote fix needs no crew: the log shows it accepted in the second it was dispatched. An
/// on-site job is accepted when a crew is free, at once or after a wait. So a ticket accepted
/// **after** its dispatch waited for a crew and is certainly on site; a ticket accepted at once
/// is a remote fix or an on-site job that found a crew free. The on-site law S is fitted on the
/// tickets that waited (their work does not depend on the wait); the tickets accepted at once are
/// a mixture w · R + (1 − w) · S whose weight w follows from the base's remote share p:
/// w = p · (all field-work tickets) / (tickets accepted at once), and the remote law R is the
/// lognormal that maximises that mixture's likelihood with S held fixed
/// (``KnownPartMixture``). The log cannot identify p itself: a remote fix and an on-site job
/// with a crew free look alike (docs/fit.md, "Remote and on-site work").
public struct RemoteWork: Sendable, Encodable {
    /// The base's share of remote fixes over the log's faults (its rates per segment weighting
    /// its remote share per segment), 4 decimals.
    public let baseShare: Double
    /// The share written: the base's, at most the share of field-work tickets accepted at
    /// dispatch (a remote fix is accepted at dispatch, so the log bounds the share from above).
    public let remoteShare: Double
    /// Field-work tickets accepted in the second of their dispatch (remote, or a crew was free).
    public let acceptedAtOnce: Int
    /// Field-work tickets that waited for a crew (on site).
    public let waited: Int
    /// The share w of remote fixes among the tickets accepted at once.
    public let remoteWeight: Double
    /// The remote law R (lognormal, minutes), nil when not fitted.
    public let law: FittedLaw?
    /// Why R was not fitted (the on-site law is then written for both), or nil.
    public let fallback: String?

    /// Fewest tickets that waited for a crew for the on-site law to be fitted on them alone.
    public static let minimumWaited = 50

    /// R's mean in minutes, nil when not fitted.
    public var mean: Double? { law?.mean }

    private enum CodingKeys: String, CodingKey {
        case baseShare, remoteShare, acceptedAtOnce, waited, remoteWeight, parameters, mean, fallback
    }

    /// The fields above, the law as its named parameters (μ, σ of ln minutes).
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(baseShare, forKey: .baseShare)
        try c.encode(remoteShare, forKey: .remoteShare)
        try c.encode(acceptedAtOnce, forKey: .acceptedAtOnce)
        try c.encode(waited, forKey: .waited)
        try c.encode(remoteWeight, forKey: .remoteWeight)
        try c.encode(law?.namedParameters, forKey: .parameters)
        try c.encode(mean, forKey: .mean)
        try c.encode(fallback, forKey: .fallback)
    }

    /// The tickets the on-site law is fitted on, and why: those that waited for a crew, or every
    /// field-work ticket when the split cannot be made.
    static func onSiteTickets(_ fieldWork: [TicketRecord], baseShare: Double) -> (tickets: [TicketRecord], selection: String) {
        let waited = fieldWork.filter(waitedForCrew)
        if baseShare == 0 {
            return (fieldWork, "all field work: the base has no remote fixes")
        }
        if waited.count == fieldWork.count {
            return (fieldWork, "all field work: every ticket waited for a crew, so none was a remote fix")
        }
        if waited.count < minimumWaited {
            return (fieldWork, "all field work: only \(waited.count) tickets waited for a crew, fewer than \(minimumWaited) to tell on-site work from remote fixes")
        }
        return (waited, "of \(fieldWork.count): the tickets that waited for a crew, on site for certain")
    }

    /// Whether the ticket was accepted after its dispatch (a crew was not free).
    static func waitedForCrew(_ ticket: TicketRecord) -> Bool {
        guard let dispatched = ticket.dispatchedAt, let accepted = ticket.acceptedAt else { return false }
        return accepted > dispatched
    }

    /// Fits R on the tickets accepted at once, with the on-site law S fitted (as in
    /// ``FitComparison``, the family by AIC) on `onSite`, the tickets that waited for a crew.
    init(fieldWork: [TicketRecord], baseShare: Double, onSite: [TicketRecord], windowEnd: WallTime, options: CalibrationOptions) {
        let atOnce = fieldWork.filter { !Self.waitedForCrew($0) }
        acceptedAtOnce = atOnce.count
        waited = fieldWork.count - atOnce.count
        self.baseShare = baseShare
        let bound = fieldWork.isEmpty ? baseShare : (Double(atOnce.count) / Double(fieldWork.count) * 10_000).rounded(.down) / 10_000
        let remoteShare = min(baseShare, bound)
        self.remoteShare = remoteShare
        remoteWeight = atOnce.isEmpty ? 0 : min(1, remoteShare * Double(fieldWork.count) / Double(atOnce.count))
        guard remoteShare > 0, waited >= Self.minimumWaited else {
            law = nil
            fallback = baseShare == 0 ? "the base has no remote fixes"
                : remoteShare == 0 ? "no ticket was accepted at its dispatch, so the log shows no remote fix: remote share 0"
                : "only \(waited) tickets waited for a crew (fewer than \(Self.minimumWaited)): remote and on-site work take one law"
            return
        }
        do {
            let onSiteValues = FittedStage.fieldWork.sample(onSite, windowEnd: windowEnd)
            let known = try FitComparison.compare(try Observations(exact: onSiteValues.exact, censoredAbove: onSiteValues.censored),
                                                  bootstrapSamples: 0, seed: options.seed, threads: options.threads).chosen.law
            let values = FittedStage.fieldWork.sample(atOnce, windowEnd: windowEnd)
            let sample = try Observations(exact: values.exact, censoredAbove: values.censored)
            law = try KnownPartMixture.fitLognormal(sample, weight: remoteWeight, known: known).law
            fallback = nil
        } catch {
            law = nil
            fallback = error.message
        }
    }

    /// The base's share of remote fixes over the faults of `products` (the log's), weighted by
    /// the base's rates per segment and the products' exposure, rounded to 4 decimals.
    static func baseShare(_ base: Scenario, products: [RateEstimate]) -> Double {
        var remote = 0.0, all = 0.0
        for product in products {
            guard let rates = base.faults.rates[product.name], ScenarioWriter.total(rates) > 0 else { continue }
            for segment in NetworkSegment.allCases {   // a fixed order: the sum is the same bytes every run
                let weight = product.exposure * rates.rate(on: segment) / ScenarioWriter.total(rates)
                remote += weight * (base.repair[segment]?.remoteShare ?? 0)
                all += weight
            }
        }
        return all > 0 ? (remote / all * 10_000).rounded() / 10_000 : 0
    }
}
