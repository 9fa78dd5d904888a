/// A grid of values as shades (e.g. utilisation by hour of the week: 7 days × 24 hours), with a
/// colour key; a cell without a value (nobody on duty) is pale grey and marked with a dot.
public struct HeatmapChart: Sendable {
    /// The panel's title.
    public var title: String
    /// Rows of cells, top to bottom; each row as long as ``columnLabels``.
    public var values: [[Double?]]
    /// Row labels (e.g. `Mon` … `Sun`).
    public var rowLabels: [String]
    /// Column labels (e.g. hours `0` … `23`); every `columnLabelStep`-th is written.
    public var columnLabels: [String]
    /// Write every n-th column label.
    public var columnLabelStep = 3
    /// Values mapped from the lightest to the darkest shade.
    public var domain: ClosedRange<Double>
    /// The quantity, its unit and format (for the key and tooltips).
    public var axis: AxisLabel
    /// Title of the column axis.
    public var columnTitle: String
    /// The text written in each cell, if any (e.g. the percentage without its sign).
    public var cellText: (@Sendable (Double) -> String)?
    /// Values that name categories (which target binds), each with a colour of its own instead of
    /// a shade; the key then lists them under the grid. Nil: the values are shaded on ``domain``.
    public var categories: [Category]?
    /// What a cell without a value means, in the key.
    public var emptyLabel = "nobody present"
    /// View-box width; the height follows from the rows.
    public var width: Double = 1100
    /// Height of one cell.
    public var cellHeight: Double = 24

    /// A heat map.
    public init(title: String, values: [[Double?]], rowLabels: [String], columnLabels: [String],
                domain: ClosedRange<Double>, axis: AxisLabel, columnTitle: String) {
        self.title = title
        self.values = values
        self.rowLabels = rowLabels
        self.columnLabels = columnLabels
        self.domain = domain
        self.axis = axis
        self.columnTitle = columnTitle
    }

    /// A value that names a category: its colour and its line in the key.
    public struct Category: Sendable {
        /// The cell value that means this category.
        public var value: Double
        /// The key's text.
        public var label: String
        /// The cells' fill.
        public var colour: String

        /// A category.
        public init(value: Double, label: String, colour: String) {
            self.value = value
            self.label = label
            self.colour = colour
        }
    }

    /// Days Monday to Sunday.
    public static let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    /// Utilisation by hour of the week: `byHourOfWeek` has 168 values, Monday 00:00–01:00 first.
    public static func hourOfWeek(title: String, _ byHourOfWeek: [Double?],
                                  axis: AxisLabel = AxisLabel("Utilisation", unit: "busy / present hours", format: .percent(0))) -> HeatmapChart {
        precondition(byHourOfWeek.count == 168, "HeatmapChart: \(byHourOfWeek.count) values, expected 168")
        let rows = (0..<7).map { day in Array(byHourOfWeek[day * 24 ..< day * 24 + 24]) }
        var chart = HeatmapChart(title: title, values: rows, rowLabels: weekdays,
                            columnLabels: (0..<24).map { $0 < 10 ? "0\($0):00" : "\($0):00" },
                            domain: 0...1, axis: axis, columnTitle: "Hour of the day (local time); cells in %")
        chart.cellText = { NumberText.fixed($0 * 100, 0) }
        return chart
    }

    /// The grid's rectangle.
    public var plot: PlotArea {
        PlotArea(width: width, height: height, marginLeft: 60, marginTop: 34, marginRight: 190,
                 marginBottom: height - 34 - gridHeight)
    }

    /// View-box height: the grid and its column labels, or the shaded key when it is taller (a
    /// grid of two rows), and the categories' key under the grid.
    public var height: Double { 34 + Swift.max(gridHeight + 46, shadedKeyHeight + 8) + categoryKeyHeight }

    private var gridHeight: Double { cellHeight * Double(values.count) }

    private static let keyLineHeight = 18.0

    private var categoryKeyHeight: Double {
        categories.map { Self.keyLineHeight * Double($0.count + 1) + 8 } ?? 0
    }

    /// A step of the shaded key: a cell's height, less to fit a short grid, never under a line.
    private var keyStepHeight: Double { Swift.max(16, Swift.min(cellHeight, gridHeight / 6)) }

    /// The shaded key's six steps, a gap and the empty cells' swatch.
    private var shadedKeyHeight: Double { categories == nil ? keyStepHeight * 6 + 6 + 16 : 0 }

    /// The shade position (0…1) of a value.
    public func shade(_ value: Double) -> Double {
        (value - domain.lowerBound) / Swift.max(domain.upperBound - domain.lowerBound, 1e-12)
    }

    /// The chart as an `<svg>` element.
    public func svg(label: String) -> String {
        var canvas = SVGCanvas(width: width, height: height)
        canvas.text(title, plot.left, 20, size: 15, weight: "700")
        let columns = Double(Swift.max(1, columnLabels.count))
        let cellWidth = plot.width / columns
        for (row, cells) in values.enumerated() {
            let y = plot.top + cellHeight * Double(row)
            if row < rowLabels.count { canvas.text(rowLabels[row], plot.left - 8, y + cellHeight / 2 + 4, size: 12, anchor: .end, fill: Palette.muted) }
            for (column, value) in cells.enumerated() {
                let x = plot.left + cellWidth * Double(column)
                drawCell(&canvas, value, x: x, y: y, w: cellWidth, tooltip: "\(rowLabels[safe: row] ?? "") \(columnLabels[safe: column] ?? "")")
            }
        }
        for column in stride(from: 0, to: columnLabels.count, by: Swift.max(1, columnLabelStep)) {
            canvas.text(columnLabels[column], plot.left + cellWidth * Double(column), plot.bottom + 16, size: 12, anchor: .start, fill: Palette.muted)
        }
        canvas.text(columnTitle, (plot.left + plot.right) / 2, plot.bottom + 38, size: 13, anchor: .middle, fill: Palette.muted)
        if let categories { drawCategoryKey(&canvas, categories) } else { drawKey(&canvas) }
        return canvas.svg(label: label)
    }

    private func drawCell(_ canvas: inout SVGCanvas, _ value: Double?, x: Double, y: Double, w: Double, tooltip: String) {
        guard let value else {
            canvas.rect(x + 0.5, y + 0.5, w - 1, cellHeight - 1, fill: Palette.empty, tooltip: "\(tooltip): \(emptyLabel)")
            canvas.circle(x + w / 2, y + cellHeight / 2, radius: 1.5, fill: Palette.axis)
            return
        }
        let category = categories?.first { $0.value == value }
        let fill = category?.colour ?? Palette.sequential(shade(value))
        canvas.rect(x + 0.5, y + 0.5, w - 1, cellHeight - 1, fill: fill,
                    tooltip: "\(tooltip): \(category?.label ?? axis.format.text(value))")
        if let cellText {
            let dark = category.map { Palette.isDark($0.colour) } ?? Palette.needsLightText(shade(value))
            canvas.text(cellText(value), x + w / 2, y + cellHeight / 2 + 3.5, size: 10, anchor: .middle,
                        fill: dark ? "#FFFFFF" : Palette.ink)
        }
    }

    /// The categories' key under the grid: the axis title, then a swatch and a label per line.
    private func drawCategoryKey(_ canvas: inout SVGCanvas, _ categories: [Category]) {
        let top = plot.bottom + 46 + 8
        canvas.text(axis.title, plot.left, top + 12, size: 12, fill: Palette.muted, weight: "600")
        for (line, category) in categories.enumerated() {
            let y = top + Self.keyLineHeight * Double(line + 1)
            canvas.rect(plot.left, y + 2, 22, 12, fill: category.colour)
            canvas.text(category.label, plot.left + 30, y + 12, size: 12, fill: Palette.ink)
        }
    }

    /// A vertical colour key with five labelled steps, right of the grid.
    private func drawKey(_ canvas: inout SVGCanvas) {
        let x = plot.right + 24
        canvas.text(axis.title, x, plot.top - 8, size: 12, fill: Palette.muted)
        let steps = 5
        let stepHeight = keyStepHeight
        for step in 0...steps {
            let value = domain.upperBound - (domain.upperBound - domain.lowerBound) * Double(step) / Double(steps)
            let y = plot.top + stepHeight * Double(step)
            canvas.rect(x, y, 22, stepHeight, fill: Palette.sequential(shade(value)))
            canvas.text(axis.format.text(value), x + 30, y + stepHeight / 2 + 4, size: 12, fill: Palette.muted)
        }
        let emptyY = plot.top + stepHeight * Double(steps + 1) + 6
        if emptyY + stepHeight <= height {
            canvas.rect(x, emptyY, 22, Swift.min(stepHeight, 16), fill: Palette.empty, stroke: Palette.grid)
            canvas.text(emptyLabel, x + 30, emptyY + 12, size: 12, fill: Palette.muted)
        }
    }
}

extension Array {
    /// The element at `index`, or nil outside the array.
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
