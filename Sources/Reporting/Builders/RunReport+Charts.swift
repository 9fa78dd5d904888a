import Experiments
import HTMLReport
import Scenario
import ServiceRules
import SimCore

/// The HTML charts of the run report.
extension RunReport {
    static var checkpoints: [(name: String, value: KeyPath<GroupResult, Estimate?>)] { [
        ("dispatch", \.dispatch), ("accept", \.accept), ("restoration", \.restoration), ("confirmation", \.confirmation),
    ] }

    /// Compliance per tier and checkpoint; shares resting on one replication do not set the axis.
    func complianceChart(_ groups: [GroupResult]) -> ChartSpec {
        var chart = IntervalChart(
            categories: groups.map(\.key),
            series: Self.checkpoints.map { checkpoint in
                IntervalChart.Series(name: checkpoint.name, intervals: groups.map { group in
                    group[keyPath: checkpoint.value].map { IntervalChart.Interval(value: $0.mean, halfWidth: $0.halfWidth) }
                })
            },
            axis: AxisLabel("Tickets meeting the checkpoint", unit: "%", format: .percent(0)), bounds: 0...1)
        let settled = groups.flatMap { group in Self.checkpoints.compactMap { group[keyPath: $0.value] }.filter(\.hasInterval) }
        if let low = settled.map({ $0.mean - $0.halfWidth }).min() {
            let step = Scale.niceStep(1 - low, count: 5)
            chart.domain = Swift.max(0, ((low - step / 2) / step).rounded(.down) * step)...1
        }
        return .interval(chart, label: "Compliance per tier and checkpoint")
    }

    /// One dot per replication of claimed and liability credits, all tiers.
    var exposureCharts: Block {
        let all = results.overall
        let charts = [("claimed", all.claimedCreditsPerYear), ("liability", all.creditsPerYear)].map { name, exposure in
            ChartSpec.exposure(
                ExposureChart(rows: [ExposureChart.Row(name: name, values: exposure.values, markers: [
                    ReferenceLine(value: exposure.estimate.mean, label: "mean"),
                    ReferenceLine(value: exposure.p95, label: "p95"), ReferenceLine(value: exposure.p99, label: "p99"),
                ])], axis: AxisLabel("\(name.capitalized) credits per year, all tiers", unit: "currency of the fees",
                                     format: .compactMoney)),
                label: "Distribution of \(name) credits per year")
        }
        return .charts(charts, columns: 1,
                       caption: "One dot per replication: how far a year's credits can stray from the mean. Budget for p95, not the mean.")
    }

    /// Restoration time distributions per tier against the tiers' limits (HTML only).
    var restorationSection: Section {
        let tiers = results.breakdowns.first { $0.breakdown == .tier }?.groups ?? []
        let limits = tiers.map { restorationLimits(tier: $0.key) }
        let domain = restorationDomain(tiers, limits: limits)
        let panels = tiers.indices.map { index in
            let count = Int(tiers[index].restorationSeconds.count)
            return ChartSpec.distribution(
                DistributionChart(title: tiers[index].key, buckets: minuteBuckets(tiers[index].restorationSeconds),
                                  limits: limits[index].drawn, domain: domain, note: limits[index].note,
                                  subtitle: "\(NumberText.grouped(Double(count))) outage ticket\(count == 1 ? "" : "s")"),
                label: "Restoration time distribution of \(tiers[index].key)")
        }
        return Section(
            id: "restoration", title: "Restoration time against the limit",
            lead: "Share of outage tickets restored within each time (calendar time, log scale); the dashed line is the tier's restoration limit.",
            blocks: [.charts(panels, columns: 2,
                             caption: "Cumulative distribution over every replication's outage tickets, in calendar time (the "
                                + "compliance table judges each ticket against its own limit and clock). A working-day limit "
                                + "runs on the business calendar and is listed, not drawn.")])
    }

    /// The calendar-time limits of a tier's circuits (lines) and a note for working-day limits.
    func restorationLimits(tier: String) -> (drawn: [ReferenceLine], note: String?) {
        let catalogue = scenario.catalogue
        var calendar: [Int64: [Bool]] = [:], workingDays: Set<Int> = []
        for inventoryClass in scenario.inventory where judgedTier(inventoryClass, catalogue) == tier {
            let circuit = inventoryClass.circuit(id: inventoryClass.id)
            switch catalogue.restorationLimit(for: circuit) {
            case .calendar(let seconds): calendar[seconds, default: []].append(inventoryClass.isVPN)
            case .workingDays(let days): workingDays.insert(days)
            }
        }
        // Name a limit by its products' VPN flag only when that is what tells two limits apart.
        let byVPN = calendar.count == 2 && calendar.values.allSatisfy { Set($0).count == 1 }
            && Set(calendar.values.map { $0[0] }).count == 2
        let drawn = calendar.keys.sorted().map { seconds in
            let suffix = byVPN ? (calendar[seconds]![0] ? " (VPN)" : " (non-VPN)") : ""
            return ReferenceLine(value: Double(seconds) / 60, label: "limit \(NumberText.duration(minutes: Double(seconds) / 60))\(suffix)")
        }
        let note = workingDays.isEmpty ? nil
            : "limit " + workingDays.sorted().map { "\($0) working day\($0 == 1 ? "" : "s")" }.joined(separator: ", ")
        return (drawn, note)
    }

    /// The tier a class's circuits are reported under (`RuleCatalogue.reportingTier(for:)`).
    func judgedTier(_ inventoryClass: InventoryClass, _ catalogue: RuleCatalogue) -> String {
        catalogue.reportingTier(for: inventoryClass.circuit(id: inventoryClass.id))
    }

    /// A histogram of seconds as buckets of minutes.
    func minuteBuckets(_ histogram: Histogram) -> [DistributionChart.Bucket] {
        var buckets: [DistributionChart.Bucket] = []
        histogram.forEachBucket { lowest, highest, count in
            buckets.append(.init(lower: Double(lowest) / 60, upper: Double(highest + 1) / 60, count: Double(count)))
        }
        return buckets
    }

    /// One time range for every panel: from a round duration below the fastest 1 % to one above
    /// the slowest 1 % and every limit.
    func restorationDomain(_ tiers: [GroupResult], limits: [(drawn: [ReferenceLine], note: String?)]) -> ClosedRange<Double> {
        let nonEmpty = tiers.map(\.restorationSeconds).filter { !$0.isEmpty }
        let low = nonEmpty.map { Double($0.quantile(0.01)) / 60 }.min() ?? 10
        let high = (nonEmpty.map { Double($0.quantile(0.99)) / 60 } + limits.flatMap { $0.drawn.map { $0.value * 1.5 } }).max() ?? 1440
        let lower = [1.0, 5, 15, 30, 60].last { $0 <= Swift.max(1, low) } ?? 1
        let upper = [240.0, 480, 1440, 2880, 5760, 10_080, 20_160, 40_320].first { $0 >= high } ?? 40_320
        return lower...upper
    }

    /// Utilisation by hour of the week per staff group.
    var heatmaps: Block {
        let staff = results.staff
        let charts = staff.loads.map { load in
            let title = (load.name == staff.agents.name ? "Monitoring-centre agents"
                         : load.name == staff.remoteEngineers?.name ? "Remote-fix engineers" : "Crews · \(load.name)")
                + " — \(NumberText.percent(load.utilisation.mean)) overall"
            return ChartSpec.heatmap(HeatmapChart.hourOfWeek(title: title, load.byHourOfWeek),
                                     label: "Utilisation by hour of week, \(title)")
        }
        return .charts(charts, columns: 1,
                       caption: "Busy hours ÷ hours present by hour of the week, pooled over replications: dark cells are "
                           + "where queues build up; grey cells had nobody on duty.")
    }

    /// Mean minutes per stage with intervals (restoration, the sum, left out).
    var stageChart: Block {
        let stages = results.stages.filter { $0.stage != "restoration" }
        var chart = IntervalChart(
            categories: stages.map(\.stage),
            series: [.init(name: "mean minutes", intervals: stages.map { stage in
                stage.minutes.map { IntervalChart.Interval(value: $0.mean, halfWidth: $0.halfWidth) }
            })],
            axis: AxisLabel("Mean time per ticket in the stage", unit: "minutes", format: .number(0)), bounds: 0...Double.infinity)
        chart.showsValues = true
        chart.height = 340
        return .chart(.interval(chart, label: "Mean minutes per workflow stage"),
                      caption: "Means over tickets where the stage occurred (call-out only for on-call crews).")
    }
}
