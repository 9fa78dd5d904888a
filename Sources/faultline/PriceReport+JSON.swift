import Experiments
import Reports
import SimCore

extension PriceReport {
    /// The JSON document. Keys in a fixed order; everything derives from the replications in
    /// replication order, so the same scenario and seed give the same bytes whatever the thread
    /// count. Only `timing` (left out by `--omit-timing`) depends on the machine.
    static func json(_ context: Context, includeTiming: Bool) -> JSONValue {
        let results = context.results
        var members = [
            JSONMember("scenario", [
                "name": .string(results.scenarioName), "file": .optional(context.scenarioFile.map(JSONValue.string)),
                "seed": .string(String(results.seed)), "replications": .int(results.replications),
                "windowDays": .number(results.windowDays),
            ]),
            JSONMember("notes", [
                "perCircuitMonth": "tier figures are per circuit-month: per year / 12 / circuits; currency of the fees",
                "directCost": "the tier's tickets' crew-hours (call-out, travel, repair) × crewHour + agent-hours (intake, confirmation) × agentHour",
                "loadedCost": "the year's roster cost (StaffCostPlan) + call-out work, spread over tiers by busy hours (crews per region, agents apart); installs' share excluded",
                "credits": "claimed credits (expected × claim rate); p95/p99 empirical percentiles of the replication values",
                "breakEven": "loadedCost + credits (mean) + protection",
                "margin": "fee − breakEven; marginShare = margin / fee",
                "sensitivity": "every fault rate × faultFactor, same seed (common random numbers)",
            ]),
            JSONMember("rates", [
                "crewHour": .number(context.scenario.costs.crewHour), "agentHour": .number(context.scenario.costs.agentHour),
                "onCallHour": .number(context.scenario.costs.onCallHour),
                "protectionPerCircuitMonth": .object(context.scenario.costs.protectionPerCircuitMonth.sorted { $0.key < $1.key }
                    .map { JSONMember($0.key, .number($0.value)) }),
            ]),
            JSONMember("base", pricingCase(results.base)),
            JSONMember("sensitivity", [
                "share": .number(results.sensitivity),
                "cases": .array(results.sensitivityCases.map(pricingCase)),
            ]),
        ]
        if includeTiming {
            members.append(JSONMember("timing", ["wallSeconds": .number(context.wallSeconds), "threads": .int(context.threads)]))
        }
        return .object(members)
    }

    static func pricingCase(_ priced: PricingCase) -> JSONValue {
        [
            "faultFactor": .number(priced.faultFactor),
            "tiers": .array(priced.tiers.map(tier)),
            "all": tier(priced.all),
            "perYear": [
                "installCrewHours": RunReport.estimate(priced.installCrewHoursPerYear),
                "installDirect": RunReport.estimate(priced.installDirectPerYear),
                "installLoaded": RunReport.estimate(priced.installLoadedPerYear),
                "unattributed": RunReport.estimate(priced.unattributedPerYear),
                "callOuts": RunReport.estimate(priced.callOutPerYear),
                "staff": RunReport.estimate(priced.staffPerYear),
            ],
        ]
    }

    static func tier(_ tier: TierPrice) -> JSONValue {
        [
            "key": .string(tier.key), "circuits": .int(tier.circuits), "fee": .number(tier.fee),
            "ticketsPerYear": RunReport.estimate(tier.ticketsPerYear),
            "crewHoursPerYear": RunReport.estimate(tier.crewHoursPerYear),
            "agentHoursPerYear": RunReport.estimate(tier.agentHoursPerYear),
            "directCost": RunReport.estimate(tier.directCost), "loadedCost": RunReport.estimate(tier.loadedCost),
            "credits": RunReport.exposure(tier.credits), "protection": .number(tier.protection),
            "breakEven": RunReport.estimate(tier.breakEven), "margin": RunReport.estimate(tier.margin),
            "marginShare": RunReport.estimate(tier.marginShare),
        ]
    }
}
