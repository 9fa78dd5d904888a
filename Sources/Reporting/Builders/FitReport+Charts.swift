import Calibration
import Fitting
import Foundation
import HTMLReport

/// The fit report's charts: the hour-of-week profile, and per stage the histogram against the
/// fitted density and the Q–Q plot of the written law.
extension FitReport {
    var hourOfWeekChart: ChartSpec {
        let points = calibration.profile.observedHourOfWeek.enumerated().map { LineChart.Point(x: Double($0), y: $1) }
        var chart = LineChart(series: [.init(name: "observed ÷ expected", points: points)],
                              xAxis: AxisLabel("Hour of the week (Monday 00:00 = 0)", unit: "h", format: .number(0)),
                              yAxis: AxisLabel("Factor", unit: "", format: .number(2)),
                              target: ReferenceLine(value: 1, label: "average"), xDomain: 0...168)
        chart.height = 300
        return .line(chart, label: "Hour-of-week profile of fault starts")
    }

    /// Histogram against density, and the Q–Q plot; nil without a written law or a sample.
    func stageCharts(_ fit: DurationFit) -> Block? {
        guard let written = fit.written, !fit.shape.bins.isEmpty else { return nil }
        let law = written.law
        let histogram = fit.shape.bins.flatMap { [LineChart.Point(x: $0.lower, y: $0.density), LineChart.Point(x: $0.upper, y: $0.density)] }
        let density = fit.shape.bins.map { bin in
            let x = (bin.lower + bin.upper) / 2
            return LineChart.Point(x: x, y: exp(law.logDensity(x)))
        }
        var histogramChart = LineChart(series: [.init(name: "log (histogram)", points: histogram), .init(name: written.family.rawValue, points: density)],
                                       xAxis: AxisLabel("Duration", unit: "min", format: .number(0)),
                                       yAxis: AxisLabel("Density", unit: "per min", format: .number(4)))
        histogramChart.width = 540
        histogramChart.height = 320
        let qq = fit.shape.percentiles.enumerated().map { index, value in
            LineChart.Point(x: Self.quantile(law, Double(index + 1) / 100), y: value)
        }
        let top = max(qq.last?.x ?? 1, qq.last?.y ?? 1)
        var qqChart = LineChart(series: [.init(name: "percentiles 1…99", points: qq), .init(name: "y = x", points: [.init(x: 0, y: 0), .init(x: top, y: top)])],
                                xAxis: AxisLabel("Fitted quantile", unit: "min", format: .number(0)),
                                yAxis: AxisLabel("Log quantile", unit: "min", format: .number(0)))
        qqChart.width = 540
        qqChart.height = 320
        let stage = Self.title(fit.stage)
        return .charts([.line(histogramChart, label: "\(stage): histogram against the fitted density"),
                        .line(qqChart, label: "\(stage): Q–Q plot against the written law")],
                       columns: 2, caption: "\(stage): the log's uncensored values against the written \(written.family.rawValue) law")
    }

    /// The law's p-quantile by bisection on its CDF.
    static func quantile(_ law: FittedLaw, _ p: Double) -> Double {
        var high = 1.0
        while law.cdf(high) < p, high < 1e12 { high *= 2 }
        var low = 0.0
        for _ in 0..<80 {
            let mid = (low + high) / 2
            if law.cdf(mid) < p { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
