import Fitting
import Foundation
import Scenario
import ServiceRules
import SimRandom

/// Writes `fitted.yaml`: a scenario that `extends:` the base and replaces what the log
/// identifies, each fitted value with a comment a reviewer can audit (n, estimate, interval,
/// chosen family, the runner-up's AIC, the goodness-of-fit p-values). Staffing, rosters, intake,
/// escalation, rules and costs stay the base's. docs/fit.md, "The scenario", lists the mapping
/// and what the scenario format cannot express.
public struct ScenarioWriter: Sendable {
    /// What the log gave.
    public let calibration: Calibration
    /// The base scenario, resolved.
    public let base: Scenario
    /// The `extends:` path as written (relative to the fitted file).
    public let extendsPath: String
    /// The accepted inventory: the fitted scenario's circuits.
    public let circuits: [Circuit]
    /// The ticket log's file name, for the scenario's name and header.
    public let logName: String

    /// A writer for `calibration` over `base`.
    public init(calibration: Calibration, base: Scenario, extendsPath: String, circuits: [Circuit], logName: String) {
        self.calibration = calibration
        self.base = base
        self.extendsPath = extendsPath
        self.circuits = circuits
        self.logName = logName
    }

    /// The fitted inventory: one row per product, tier, grade and region.
    public var inventory: [FittedInventoryRow] {
        FittedInventoryRow.rows(circuits: circuits, window: calibration.window, regions: base.regions)
    }

    /// What the written scenario could not take as fitted, one sentence each.
    public var limitations: [String] {
        var notes: [String] = []
        for duration in calibration.durations {
            if let fallback = duration.fallback { notes.append("\(duration.stage.rawValue): not fitted (\(fallback)); the base's value stays") }
            if let chosen = duration.comparison?.chosen, let written = duration.written, chosen.family != written.family {
                notes.append("\(duration.stage.rawValue): \(chosen.family.rawValue) fits best but the scenario format cannot express it; \(written.family.rawValue) written")
            }
        }
        let moved = inventory.filter { $0.region != $0.logRegion }
        if !moved.isEmpty {
            notes.append("\(moved.count) inventory row(s) have a region without crews in the base; they use region `\(base.regions[0])`")
        }
        return notes
    }

    /// The scenario's text.
    public func text() -> String {
        var lines = header()
        lines += timeLines()
        lines += inventoryLines()
        lines += faultLines()
        lines += detectionLines()
        lines += workLines()
        return lines.joined(separator: "\n") + "\n"
    }

    // MARK: - Parts

    private func header() -> [String] {
        let window = calibration.window
        return [
            "# Fitted by `faultline fit` from \(logName): window \(window.start.isoString) … \(window.end.isoString) (\(number(Rounding.significant(window.years))) years, from the \(window.source)).",
            "# Every fitted value carries a comment: n, estimate, 95 % interval or the family chosen by AIC, the runner-up's AIC and",
            "# the goodness-of-fit p-values. Staffing, rosters, intake, escalation, rules and costs are the base's. See docs/fit.md.",
            "extends: \(quoted(extendsPath))",
            "name: \(quoted("fitted-" + (logName as NSString).deletingPathExtension.replacingOccurrences(of: "/", with: "-")))",
            "description: \(quoted("Calibrated from \(logName) by faultline fit; extends \(extendsPath)."))",
        ]
    }

    /// The simulation covers the base's warm-up and then exactly the log's window (whole days).
    private func timeLines() -> [String] {
        let warmupDays = Int((base.warmupMinutes / 1_440).rounded(.up))
        let windowDays = Int((Double(calibration.window.end.seconds - Int64(calibration.window.start.dayNumber) * 86_400) / 86_400).rounded(.up))
        let start = CivilDate(dayNumber: calibration.window.start.dayNumber - warmupDays)
        return [
            "start: \(start)          # the log's first day less the base's warm-up",
            "warmup: \(warmupDays)d",
            "horizon: \(warmupDays + windowDays)d         # warm-up + the log's \(windowDays) days",
        ]
    }

    private func inventoryLines() -> [String] {
        var lines = ["inventory:                 # the log's inventory; the base's rows are removed"]
        for row in base.inventory { lines.append("  \(row.id): ~") }
        for row in inventory {
            let tier = row.tier.map { "tier: \($0), " } ?? ""
            lines.append("  \(row.id): {product: \(row.product), \(tier)grade: \(row.grade), region: \(row.region), circuits: \(row.circuits), monthlyFee: \(number(row.monthlyFee))}"
                         + "  # mean circuits in service over the window (\(row.listed) listed)" + (row.region != row.logRegion ? "; log region \(row.logRegion)" : ""))
        }
        return lines
    }

    private func faultLines() -> [String] {
        var lines = ["faults:", "  rates:                   # faults per circuit-year, the product's rate split over segments as in the base"]
        let keep = 1 - (calibration.profile.storms?.excessShare ?? 0)
        for product in calibration.rates.products {
            let split = segmentSplit(product.name)
            let total = product.rate * keep
            let parts = NetworkSegment.allCases.map { "\($0.rawValue): \(number(Rounding.significant(total * split[$0, default: 0])))" }
            let storm = keep < 1 ? "; ×\(number(Rounding.significant(keep))) without the storms' excess" : ""
            lines.append("    \(product.name): {\(parts.joined(separator: ", "))}  # \(product.events) faults / \(number(Rounding.significant(product.exposure))) circuit-years = \(number(Rounding.significant(product.rate))) [95 % \(number(Rounding.significant(product.lower))), \(number(Rounding.significant(product.upper)))] (Garwood)\(storm)")
        }
        return lines + profileLines() + stormLines()
    }

    private func profileLines() -> [String] {
        let profile = calibration.profile
        var lines = ["  profile:"]
        let factors = profile.hourFactors.map { number(Rounding.factor($0)) }.joined(separator: ", ")
        switch profile.hourResolution {
        case "hourOfWeek":
            lines += ["    hourOfDay: ~", "    hourOfWeek: [\(factors)]  # \(profile.faults) faults; observed ÷ expected per hour of the week (Monday 00:00 first)"]
        case "hourOfDay":
            lines += ["    hourOfWeek: ~", "    hourOfDay: [\(factors)]  # \(profile.faults) faults: too few for 168 hour-of-week factors (\(ArrivalProfile.minimumPerFactor) per factor), so per hour of the day"]
        default:
            lines += ["    hourOfWeek: ~", "    hourOfDay: ~  # \(profile.faults) faults: too few for an hour profile (\(ArrivalProfile.minimumPerFactor) per factor); flat"]
        }
        if profile.monthFactors.isEmpty {
            lines.append("    month: ~  # not identified: some month of the year has fewer than \(ArrivalProfile.minimumPerFactor) faults in the window; flat")
        } else {
            lines.append("    month: [\(profile.monthFactors.map { number(Rounding.factor($0)) }.joined(separator: ", "))]  # observed ÷ expected per month")
        }
        return lines
    }

    private func stormLines() -> [String] {
        let profile = calibration.profile
        let test = profile.dispersion.map { "dispersion \(number(Rounding.significant($0.statistic))) on \($0.degreesOfFreedom) df, p = \(pValue($0.pValue))" } ?? "no dispersion test (fewer than 2 days)"
        guard let storms = profile.storms else {
            return ["  storms: ~  # \(test): storms not needed"]
        }
        let duration = (try? Distribution.exponential(mean: Rounding.significant(storms.meanDays * 1_440)))?.durationDescription ?? "1d"
        return ["  storms: {perYear: \(number(Rounding.significant(storms.perYear))), multiplier: \(number(Rounding.significant(storms.multiplier))), duration: \(quoted(duration))}"
                + "  # \(test): \(storms.episodes) episodes, \(storms.stormDays) storm days; each episode timed to the hour by a Poisson scan"]
    }

    private func detectionLines() -> [String] {
        guard let law = law(.detection) else { return ["# detection: \(comment(.detection)); the base's delays stay"] }
        let text = quoted(law)
        return [
            "detection:                 # the log has no channel: every channel takes the fitted delay",
            "  # \(comment(.detection))",
            "  proactive: {delay: \(text)}",
            "  customer: {delay: \(text), offHoursDelay: \(text)}",
            "  accountManager: {delay: \(text)}",
        ]
    }

    private func workLines() -> [String] {
        var lines: [String] = []
        if let law = law(.confirmation) {
            lines += ["monitoringCentre:", "  confirm: \(quoted(law))  # \(comment(.confirmation))"]
        } else {
            lines.append("# confirmation: \(comment(.confirmation)); the base's confirm stays")
        }
        guard let law = law(.fieldWork) else {
            return lines + ["# field work: \(comment(.fieldWork)); the base's travel and repair stay"]
        }
        lines += calloutLines()
        lines.append("# travel: the base's (installations use it too); the on-site law below is the log's field work less it")
        lines.append("repair:                    # the log's field work (call-out and work; travel is the base's)")
        for segment in base.repair.keys.map(\.rawValue).sorted() { lines.append("  \(segment): ~") }
        let remote = calibration.remoteWork
        guard remote.remoteShare > 0 else {
            return lines + ["  default: \(quoted(law))  # \(comment(.fieldWork)); all by a crew"]
        }
        lines.append("  default:                 # remote fixes need no crew; the log cannot tell their share, so the base's (rate-weighted) stays")
        lines.append("    remoteShare: \(number(remote.remoteShare))" + (remote.remoteShare < remote.baseShare
            ? "  # the base's \(number(remote.baseShare)), bounded by the log's share accepted at dispatch" : ""))
        lines.append("    remote: \(quoted(remoteLaw ?? law))  # remote fixes: \(remoteComment)")
        lines.append("    onSite: \(quoted(law))  # \(comment(.fieldWork))")
        return lines
    }

    /// The base's on-call crews set off at once: the log's field work of an on-call crew runs
    /// from its acceptance, call-out included, so the fitted on-site law holds the call-out.
    private func calloutLines() -> [String] {
        let onCall = base.crews.filter { $0.callout != nil }.map(\.region)
        guard !onCall.isEmpty else { return [] }
        return ["crews:                     # call-out is inside the fitted field work (accepted_at → repaired_at)"]
            + onCall.map { "  \($0): {callout: 0m}" }
    }

    // MARK: - Values

    /// The remote law's audit comment: how it was fitted, or why not.
    public var remoteComment: String {
        let remote = calibration.remoteWork
        let counts = "\(remote.acceptedAtOnce) tickets accepted at dispatch, \(remote.waited) after a wait"
        guard remote.law != nil, let mean = remote.mean else {
            return "\(counts); not fitted (\(remote.fallback ?? "no sample")): the on-site law"
        }
        return "lognormal fitted to the \(remote.acceptedAtOnce) accepted at dispatch as \(number(Rounding.significant(remote.remoteWeight))) × remote + the rest × the field work of the \(remote.waited) that waited (travel included, held fixed); mean \(number(Rounding.significant(mean))) min"
    }

    /// The rounded scenario text of the fitted remote law, or nil when not fitted.
    public var remoteLaw: String? {
        guard let law = calibration.remoteWork.law?.scenarioDistribution, let rounded = Rounding.distribution(law) else { return nil }
        return rounded.durationDescription
    }

    /// The rounded scenario text of a stage's written law, or nil when not fitted.
    public func law(_ stage: FittedStage) -> String? {
        guard let fit = calibration.duration(stage)?.written, let law = fit.law.scenarioDistribution,
              let rounded = Rounding.distribution(law) else { return nil }
        return rounded.durationDescription
    }

    /// The audit comment of a stage: n, chosen family and AIC, runner-up and AIC, GoF.
    public func comment(_ stage: FittedStage) -> String {
        guard let duration = calibration.duration(stage) else { return "\(stage.span): no sample" }
        let n = "n = \(duration.exact)" + (duration.censored > 0 ? " + \(duration.censored) censored" : "")
            + (duration.selection.map { " (\($0))" } ?? "")
        guard let comparison = duration.comparison, let written = duration.written else {
            return "\(stage.span): \(n); \(duration.fallback ?? "not fitted")"
        }
        var parts = ["\(stage.span): \(n)", "mean \(number(Rounding.significant(written.mean))) min",
                     "\(comparison.chosen.family.rawValue) chosen (AIC \(number(Rounding.significant(comparison.chosen.aic, digits: 7))))"]
        if written.family != comparison.chosen.family { parts.append("\(written.family.rawValue) written (AIC \(number(Rounding.significant(written.aic, digits: 7))))") }
        if let runnerUp = duration.runnerUp { parts.append("runner-up \(runnerUp.family.rawValue) AIC \(number(Rounding.significant(runnerUp.aic, digits: 7)))") }
        if let gof = comparison.goodnessOfFit {
            parts.append("KS p = \(pValue(gof.kolmogorovSmirnovP)), AD p = \(pValue(gof.andersonDarlingP)) (B = \(gof.bootstrapSamples))")
        } else {
            parts.append("GoF \(duration.goodnessOfFitNote ?? "not computed")")
        }
        return parts.joined(separator: "; ")
    }

    /// The base's split of a product's rate over segments (shares summing to 1); all on
    /// `access` for a product the base has no rates for.
    func segmentSplit(_ product: String) -> [NetworkSegment: Double] {
        guard let rates = base.faults.rates[product], Self.total(rates) > 0 else { return [.access: 1] }
        let total = Self.total(rates)
        return Dictionary(uniqueKeysWithValues: NetworkSegment.allCases.map { ($0, rates.rate(on: $0) / total) })
    }

    /// A product's rate over all segments, summed in the segments' order (the same bits every run;
    /// `SegmentRates.total` sums a dictionary in hash order).
    static func total(_ rates: SegmentRates) -> Double {
        NetworkSegment.allCases.reduce(0) { $0 + rates.rate(on: $1) }
    }

    private func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }

    private func pValue(_ p: Double) -> String { p < 0.001 ? "< 0.001" : String(format: "%.3f", p) }

    private func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

/// One row of the fitted inventory: circuits alike in product, tier, grade and region.
public struct FittedInventoryRow: Sendable, Encodable {
    /// The row id (`fit-<product>-<tier>-<grade>-<region>`).
    public let id: String
    public let product: String
    public let tier: String?
    public let grade: String
    /// The region written (one the base has crews for).
    public let region: String
    /// The region in the log.
    public let logRegion: String
    /// Mean circuits in service over the window (at least 1).
    public let circuits: Int
    /// Circuits listed in the inventory.
    public let listed: Int
    /// Mean monthly fee of the listed circuits.
    public let monthlyFee: Double

    /// Groups `circuits` into rows, in the order of first appearance; a region the base has no
    /// crews for becomes the base's first region.
    static func rows(circuits: [Circuit], window: ObservationWindow, regions: [String]) -> [FittedInventoryRow] {
        var order: [String] = [], members: [String: [Circuit]] = [:]
        for circuit in circuits {
            let key = [circuit.product, circuit.tier ?? "", circuit.customerGrade.rawValue, circuit.region ?? ""].joined(separator: "\u{1F}")
            if members[key] == nil { order.append(key) }
            members[key, default: []].append(circuit)
        }
        var used = Set<String>()
        return order.map { key in
            let group = members[key]!, first = group[0]
            let logRegion = first.region ?? "—"
            let region = regions.contains(logRegion) ? logRegion : regions[0]
            let exposure = group.reduce(0) { $0 + window.exposureYears(of: $1) }
            var id = "fit-" + [first.product, first.tier ?? "none", first.customerGrade.rawValue, logRegion]
                .joined(separator: "-").lowercased().map { $0.isASCII && ($0.isLetter || $0.isNumber) || $0 == "-" ? String($0) : "-" }.joined()
            while !used.insert(id).inserted { id += "-x" }
            return FittedInventoryRow(
                id: id, product: first.product, tier: first.tier, grade: first.customerGrade.rawValue, region: region,
                logRegion: logRegion, circuits: max(1, Int((exposure / window.years).rounded())), listed: group.count,
                monthlyFee: Rounding.significant(group.reduce(0) { $0 + $1.monthlyFee } / Double(group.count), digits: 6))
        }
    }
}
