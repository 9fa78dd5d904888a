import SimCore
import Experiments
import Reports
import Scenario
import ServiceRules

extension RunReport {
    /// The JSON document. Keys in a fixed order; everything derives from the replications in
    /// replication order, so the same scenario and seed give the same bytes whatever the thread
    /// count. Only `timing` (left out by `--omit-timing`) depends on the machine.
    static func json(_ context: Context, includeTiming: Bool) -> JSONValue {
        let results = context.results
        var members = [
            JSONMember("scenario", scenarioJSON(context)),
            JSONMember("notes", [
                "estimates": "mean across replications; halfWidth: 95 % Student-t confidence half-width (null with one replication); replications: how many replications the figure rests on (fewer than the run's when the figure is undefined in some, e.g. no ticket of that kind)",
                "progressUpdatesLate": "share of due progress updates not sent before the next one fell due (sent later, or merged into the one still waiting; a model measure, the rule engine has no progress-update rule)",
                "staffCost": "lines: roster hours × costs: rates; callouts: measured call-out crew-hours × crewHour; totalPerYear = roster + call-outs",
                "perYear": "figures over the window (horizon − warm-up) × 365 days / window",
                "p95p99": "empirical percentiles (nearest rank) of the replication values, not confidence bounds",
                "restorationMinutes": "calendar minutes reported_at → repaired_at of outage tickets, all replications pooled",
            ]),
            JSONMember("overall", group(results.overall)),
            JSONMember("breakdowns", .object(results.breakdowns.map {
                JSONMember($0.breakdown.rawValue, .array($0.groups.map(group)))
            })),
            JSONMember("staff", staff(results.staff)),
            JSONMember("staffCost", staffCostJSON(context)),
            JSONMember("stageMinutes", .object(results.stages.map { JSONMember($0.stage, estimate($0.minutes)) })),
            JSONMember("installs", [
                "ordered": estimate(results.installs.ordered),
                "appointmentMet": estimate(results.installs.appointmentMet),
                "completionMet": estimate(results.installs.completionMet),
            ]),
            JSONMember("openAtHorizon", estimate(results.openAtHorizon)),
            JSONMember("pendingRestorations", estimate(results.pendingRestorations)),
        ]
        if let export = context.export { members.append(JSONMember("exportedReplication", exported(export))) }
        if includeTiming {
            members.append(JSONMember("timing", ["wallSeconds": .number(context.wallSeconds), "threads": .int(context.threads)]))
        }
        return .object(members)
    }

    static func scenarioJSON(_ context: Context) -> JSONValue {
        let scenario = context.scenario
        return [
            "name": .string(scenario.name), "file": .optional(context.scenarioFile.map(JSONValue.string)),
            "seed": .string(String(scenario.seed)), "replications": .int(context.results.replications),
            "period": .string(context.results.period.rawValue), "start": .string(scenario.start.description),
            "horizonDays": .number(scenario.horizonMinutes / 1440), "warmupDays": .number(scenario.warmupMinutes / 1440),
            "windowDays": .number(context.results.windowDays),
        ]
    }

    static func group(_ group: GroupResult) -> JSONValue {
        [
            "key": .string(group.key), "tickets": estimate(group.tickets), "outageTickets": estimate(group.outageTickets),
            "dispatchMet": estimate(group.dispatch), "acceptMet": estimate(group.accept),
            "restorationMet": estimate(group.restoration), "confirmationMet": estimate(group.confirmation),
            "faultReportMet": estimate(group.faultReport),
            "restorationMinutes": [
                "p50": .optional(group.restorationP50.map(JSONValue.number)),
                "p90": .optional(group.restorationP90.map(JSONValue.number)),
                "p99": .optional(group.restorationP99.map(JSONValue.number)),
            ],
            "availabilityMet": estimate(group.availabilityMet),
            "repeatViolationsPerYear": estimate(group.repeatViolationsPerYear),
            "creditsPerYear": [
                "liability": exposure(group.creditsPerYear), "expected": exposure(group.expectedCreditsPerYear),
                "claimed": exposure(group.claimedCreditsPerYear),
            ],
        ]
    }

    static func staff(_ staff: StaffResults) -> JSONValue {
        let load = { (load: StaffLoad) -> JSONValue in
            ["name": .string(load.name), "utilisation": estimate(load.utilisation),
             "utilisationByHour": .array(load.byHour.map { .optional($0.map(JSONValue.number)) })]
        }
        let talk = staff.communication
        return [
            "crews": .array(staff.crews.map(load)), "agents": load(staff.agents),
            "agentCommunication": [
                "progressUpdatesPerYear": estimate(talk.updatesPerYear), "progressUpdatesLate": estimate(talk.updatesLate),
                "progressUpdateDelayMinutes": estimate(talk.updateDelayMinutes),
                "faultReportsPerYear": estimate(talk.reportsPerYear),
            ],
        ]
    }

    /// The exported replication as the rule engine judged it, in the shape of `evaluate`'s
    /// `byTier`, so the two can be compared figure by figure.
    static func exported(_ export: RunTicketExport.Summary) -> JSONValue {
        let evaluation = export.evaluation
        return [
            "replication": .int(export.replication), "folder": .string(export.folder),
            "circuits": .int(export.circuits), "tickets": .int(export.tickets),
            "periods": [
                "kind": .string(evaluation.periodKind.rawValue),
                "first": .optional(evaluation.firstPeriod.map(JSONValue.string)),
                "last": .optional(evaluation.lastPeriod.map(JSONValue.string)),
            ],
            "byTier": .object(evaluation.byTier.map { JSONMember($0.tier, EvaluateReport.tier($0)) }),
            "totals": EvaluateReport.totals(evaluation.totals),
        ]
    }

    /// `{mean, halfWidth}`; `halfWidth` null when infinite (one replication); null when absent.
    static func estimate(_ estimate: Estimate?) -> JSONValue {
        guard let estimate else { return nil }
        return ["mean": .number(estimate.mean), "halfWidth": finite(estimate.halfWidth), "replications": .int(estimate.count)]
    }

    static func exposure(_ exposure: ExposureEstimate) -> JSONValue {
        ["mean": .number(exposure.estimate.mean), "halfWidth": finite(exposure.estimate.halfWidth),
         "p95": .number(exposure.p95), "p99": .number(exposure.p99), "max": .number(exposure.max)]
    }

    static func finite(_ value: Double) -> JSONValue { value.isFinite ? .number(value) : nil }
}
