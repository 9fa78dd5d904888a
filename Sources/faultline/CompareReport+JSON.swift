import Experiments
import Reports
import SimCore

extension CompareReport {
    /// The JSON document. Keys in a fixed order; every figure derives from the replications in
    /// replication order, so the same inputs and seed give the same bytes whatever the thread
    /// count. Only `timing` (left out by `--omit-timing`) depends on the machine.
    static func json(_ context: Context, includeTiming: Bool) -> JSONValue {
        let results = context.results
        var members = [
            JSONMember("comparison", [
                "base": ["name": .string(results.baseName), "file": .string(context.inputs.baseFile)],
                "seed": .string(String(results.seed)), "randomNumbers": .string(results.pairing.rawValue),
                "replications": .int(results.replications), "period": .string(results.period.rawValue),
                "windowDays": .number(results.windowDays),
            ]),
            JSONMember("notes", [
                "difference": "variant − base per replication; mean and 95 % Student-t half-width over the paired replications",
                "pairs": "replications where both runs have a value; the others are counted in skipped",
                "verdict": "better or worse when the interval excludes 0 (by the metric's direction), else noSignificantChange; undetermined under 2 pairs",
                "units": "share: a fraction in [0, 1]; currency/year and per year: over the window scaled to 365 days",
            ]),
            JSONMember("variants", .array(zip(results.variants, context.inputs.variants).map(variant))),
        ]
        if includeTiming {
            members.append(JSONMember("timing", ["wallSeconds": .number(context.wallSeconds), "threads": .int(context.threads)]))
        }
        return .object(members)
    }

    static func variant(_ variant: VariantComparison, _ source: CompareInputs.Source) -> JSONValue {
        [
            "name": .string(variant.name), "scenario": .string(variant.scenarioName), "file": .string(source.file),
            "inlineVariant": .optional(source.inlineName.map(JSONValue.string)), "seed": .string(String(variant.seed)),
            "metrics": .array(variant.metrics.map(metric)),
        ]
    }

    static func metric(_ comparison: MetricComparison) -> JSONValue {
        [
            "metric": .string(comparison.metric.description), "unit": .string(comparison.metric.unit),
            "higherIsBetter": .bool(comparison.metric.higherIsBetter),
            "base": RunReport.estimate(comparison.base), "variant": RunReport.estimate(comparison.variant),
            "difference": difference(comparison.difference),
            "pairs": .int(comparison.pairs), "skipped": .int(comparison.skipped),
            "verdict": .string(comparison.verdict.rawValue),
        ]
    }

    /// `{mean, halfWidth, lower, upper}`; the bounds null without an interval; null when absent.
    static func difference(_ estimate: Estimate?) -> JSONValue {
        guard let estimate else { return nil }
        let finite = estimate.halfWidth.isFinite
        return [
            "mean": .number(estimate.mean), "halfWidth": RunReport.finite(estimate.halfWidth),
            "lower": finite ? .number(estimate.mean - estimate.halfWidth) : nil,
            "upper": finite ? .number(estimate.mean + estimate.halfWidth) : nil,
        ]
    }
}
