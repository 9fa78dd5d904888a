import ServiceRules
import SimCore

/// A figure read off one replication by name, such as `SLA-AAA.restoration` (the share of
/// SLA-AAA outage tickets restored within their limit) or `credits` (credit liability per year
/// over all tiers). `compare` pairs a metric's values replication by replication; `staff` states
/// targets on them.
///
/// Names are `[GROUP.]MEASURE`: GROUP is a tier key (`SLA-AAA`, `MQ-II`, …) or `all` (the
/// default); MEASURE is one of ``Measure``. Staff metrics are `crews.REGION.utilisation`,
/// `agents.utilisation` and `remoteEngineers.utilisation`; install metrics `installs.appointment`
/// and `installs.completion`.
public struct Metric: Sendable, Hashable, CustomStringConvertible {
    /// What a group's metric measures.
    public enum Measure: String, Sendable, CaseIterable {
        /// Share of tickets dispatched within the tier's dispatch limit.
        case dispatch
        /// Share of dispatched tickets accepted within the accept limit.
        case accept
        /// Share of outage tickets restored within the repair limit.
        case restoration
        /// Share of tickets confirmed within the confirmation limit.
        case confirmation
        /// Share of circuit-periods meeting the availability target.
        case availability
        /// Credit liability per year (currency units).
        case credits
        /// Expected credit paid per year (negotiable tiers × pay probability).
        case expectedCredits
        /// Expected credit × claim rate per year: the penalty exposure to budget.
        case claimedCredits
        /// Repeat-fault violations per year.
        case repeatViolations
        /// Tickets per year.
        case tickets

        /// A higher value is better (compliance shares); for the others lower is better.
        public var higherIsBetter: Bool {
            switch self {
            case .dispatch, .accept, .restoration, .confirmation, .availability: return true
            case .credits, .expectedCredits, .claimedCredits, .repeatViolations, .tickets: return false
            }
        }

        /// What the value is measured in: a share, money per year, or a count per year.
        public var unit: Unit {
            switch self {
            case .dispatch, .accept, .restoration, .confirmation, .availability: return .share
            case .credits, .expectedCredits, .claimedCredits: return .money
            case .repeatViolations, .tickets: return .perYear
            }
        }
    }

    /// What is measured.
    public enum Subject: Sendable, Hashable {
        /// A measure of one tier's circuits and tickets, or of all of them (`group == "all"`).
        case group(String, Measure)
        /// Crew utilisation of a region (busy / present crew-hours).
        case crewUtilisation(region: String)
        /// Agent utilisation of the monitoring centre.
        case agentUtilisation
        /// Utilisation of the remote-fix engineers (no value without the pool).
        case remoteEngineerUtilisation
        /// Share of install orders assigned a crew within the appointment promise.
        case installAppointment
        /// Share of install orders completed within the completion promise.
        case installCompletion
    }

    /// What is measured.
    public var subject: Subject

    /// A metric of `subject`.
    public init(_ subject: Subject) { self.subject = subject }

    /// The metric's name, as ``parse(_:)`` reads it.
    public var description: String {
        switch subject {
        case .group(let group, let measure): return group == "all" ? measure.rawValue : "\(group).\(measure.rawValue)"
        case .crewUtilisation(let region): return "crews.\(region).utilisation"
        case .agentUtilisation: return "agents.utilisation"
        case .remoteEngineerUtilisation: return "remoteEngineers.utilisation"
        case .installAppointment: return "installs.appointment"
        case .installCompletion: return "installs.completion"
        }
    }

    /// A higher value is better.
    public var higherIsBetter: Bool {
        switch subject {
        case .group(_, let measure): return measure.higherIsBetter
        case .crewUtilisation, .agentUtilisation, .remoteEngineerUtilisation: return false
        case .installAppointment, .installCompletion: return true
        }
    }

    /// What the value is measured in (money is per year).
    public var unit: Unit {
        if case .group(_, let measure) = subject { return measure.unit }
        return .share
    }

    /// Reads a metric name; nil with the reason when it is not one. Group names are not checked
    /// here (a tier absent from a run simply has no value).
    public static func parse(_ text: String) -> Result<Metric, MetricError> {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1:
            guard let measure = Measure(rawValue: parts[0]) else { return .failure(.unknownMeasure(text, parts[0])) }
            return .success(Metric(.group("all", measure)))
        case 2 where parts == ["agents", "utilisation"]:
            return .success(Metric(.agentUtilisation))
        case 2 where parts == ["remoteEngineers", "utilisation"]:
            return .success(Metric(.remoteEngineerUtilisation))
        case 2 where parts[0] == "installs":
            if parts[1] == "appointment" { return .success(Metric(.installAppointment)) }
            if parts[1] == "completion" { return .success(Metric(.installCompletion)) }
            return .failure(.unknownMeasure(text, parts[1]))
        case 2:
            guard !parts[0].isEmpty else { return .failure(.malformed(text)) }
            guard let measure = Measure(rawValue: parts[1]) else { return .failure(.unknownMeasure(text, parts[1])) }
            return .success(Metric(.group(parts[0], measure)))
        case 3 where parts[0] == "crews" && parts[2] == "utilisation" && !parts[1].isEmpty:
            return .success(Metric(.crewUtilisation(region: parts[1])))
        default:
            return .failure(.malformed(text))
        }
    }

    /// The value in one replication; nil when it has none there (a check that never applied, a
    /// tier or region the run does not have, no install orders).
    public func value(in figures: ReplicationFigures) -> Double? {
        switch subject {
        case .group(let key, let measure):
            let tiers = figures.groups[.tier] ?? []
            let group = key == "all" ? GroupFigures.total(tiers) : tiers.first { $0.key == key }
            guard let group else { return nil }
            return measure.value(of: group, years: Double(figures.windowSeconds) / ExperimentResults.secondsPerYear)
        case .crewUtilisation(let region):
            return figures.staff.crews.first { $0.region == region }?.bands.utilisation
        case .agentUtilisation:
            return figures.staff.agents.utilisation
        case .remoteEngineerUtilisation:
            return figures.staff.remoteEngineers?.utilisation
        case .installAppointment:
            return figures.installs.appointmentShare
        case .installCompletion:
            return figures.installs.completionShare
        }
    }

    /// The metrics every run has a value for, in report order: per tier present in `figures`
    /// (then `all`) its checkpoints, availability and credits; then the staff utilisations.
    public static func standard(for figures: ReplicationFigures) -> [Metric] {
        let tiers = (figures.groups[.tier] ?? []).map(\.key) + ["all"]
        let measures: [Measure] = [.dispatch, .accept, .restoration, .confirmation, .availability, .credits, .claimedCredits]
        var metrics = tiers.flatMap { tier in measures.map { Metric(.group(tier, $0)) } }
        metrics += figures.staff.crews.map { Metric(.crewUtilisation(region: $0.region)) }
        metrics.append(Metric(.agentUtilisation))
        if figures.staff.remoteEngineers != nil { metrics.append(Metric(.remoteEngineerUtilisation)) }
        return metrics
    }
}

extension Metric.Measure {
    /// The measure of one group's figures over a window of `years`.
    func value(of group: GroupFigures, years: Double) -> Double? {
        switch self {
        case .dispatch: return group.dispatch.fraction
        case .accept: return group.accept.fraction
        case .restoration: return group.restoration.fraction
        case .confirmation: return group.confirmation.fraction
        case .availability:
            return group.circuitPeriods == 0 ? nil : Double(group.availabilityMet) / Double(group.circuitPeriods)
        case .credits: return group.credits / years
        case .expectedCredits: return group.expectedCredits / years
        case .claimedCredits: return group.claimedCredits / years
        case .repeatViolations: return Double(group.repeatViolations) / years
        case .tickets: return Double(group.tickets) / years
        }
    }
}

/// Why a metric name was not understood.
public enum MetricError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The measure part is not a known measure.
    case unknownMeasure(String, String)
    /// The name has the wrong shape.
    case malformed(String)

    public var description: String {
        switch self {
        case .unknownMeasure(let name, let measure):
            let known = Metric.Measure.allCases.map(\.rawValue)
            if let suggestion = closestKey(to: measure, among: known) {
                return "«\(name)»: unknown measure «\(measure)»; did you mean «\(suggestion)»?"
            }
            return "«\(name)»: unknown measure «\(measure)» (expected one of \(known.joined(separator: ", ")))"
        case .malformed(let name):
            return "«\(name)»: expected [TIER.]MEASURE, crews.REGION.utilisation, agents.utilisation, "
                + "remoteEngineers.utilisation or installs.appointment|completion"
        }
    }
}
