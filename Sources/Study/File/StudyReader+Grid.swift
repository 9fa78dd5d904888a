import Scenario
import ServiceRules

/// `grid:` — axes, each one transformation without its number and the values it takes; every
/// combination becomes a mix.
extension StudyReader {
    /// One axis as read: its public description and the transformation it varies.
    struct GridAxis {
        var axis: StudyAxis
        var shape: StepShape
        var valueMarks: [SourceMark]
    }

    /// The grid's axes in file order; nil after a problem.
    mutating func gridAxes(_ node: DocumentNode, base: Scenario) -> [GridAxis]? {
        guard let entries = node.mapping, !entries.isEmpty else {
            report(.wrongType, "expected a mapping of axis names to axes, e.g. `aaa: {scale: {select: {tier: SLA-AAA}}, "
                   + "values: [1, 2]}`, found \(node.mapping != nil ? "no axis" : node.shapeDescription)", at: node.mark, "grid")
            return nil
        }
        let problemsBefore = problems.count
        let axes = entries.compactMap { entry -> GridAxis? in
            let path = StudyFields.child("grid", entry.key)
            guard !entry.key.isEmpty, !entry.key.contains(where: { $0 == "=" || $0 == "," }) else {
                report(.invalidValue, "an axis needs a name without `=` or `,` (they separate the grid points' names)",
                       at: entry.keyMark, path)
                return nil
            }
            return gridAxis(entry.value, path, name: entry.key, base: base)
        }
        return problems.count == problemsBefore ? axes : nil
    }

    /// One axis: exactly one transformation key, and `values`.
    mutating func gridAxis(_ node: DocumentNode, _ path: String, name: String, base: Scenario) -> GridAxis? {
        let entry = fields(node, path, allowed: StepKind.allCases.map(\.rawValue) + ["values"], required: ["values"])
        let kinds = entry.entries.compactMap { StepKind(rawValue: $0.key) }
        guard kinds.count == 1, let kind = kinds.first, let step = entry[kind.rawValue] else {
            let found = kinds.isEmpty ? "none" : kinds.map { "`\($0.rawValue)`" }.joined(separator: " and ")
            report(.invalidValue, "an axis varies exactly one transformation (set, move, scale, faults or installs); found \(found)",
                   at: node.mark, path)
            return nil
        }
        let shape = self.shape(kind, step, entry.path(kind.rawValue), base: base, inGrid: true)?.shape
        guard let values = axisValues(entry["values"], entry.path("values"), kind: kind), let shape else { return nil }
        return GridAxis(axis: StudyAxis(name: name, label: shape.axisLabel, values: values.map(\.value)), shape: shape,
                        valueMarks: values.map(\.mark))
    }

    /// An axis's `values`: a list of at least one number in the range of its transformation.
    mutating func axisValues(_ node: DocumentNode?, _ path: String, kind: StepKind) -> [(value: Double, mark: SourceMark)]? {
        guard let node else { return nil }
        guard let list = node.sequence, !list.isEmpty else {
            report(.wrongType, "expected a list of at least one \(kind.numberKey == "by" ? "factor" : "share"), found "
                   + node.shapeDescription, at: node.mark, path)
            return nil
        }
        let values = items(node, path).compactMap { item in number(item.node, item.path, within: kind.range).map { ($0, item.node.mark) } }
        return values.count == list.count ? values : nil
    }

    /// How many points the axes make (nil beyond `Int.max`).
    static func pointCount(_ axes: [GridAxis]) -> Int? {
        var count = 1
        for axis in axes {
            let (product, overflow) = count.multipliedReportingOverflow(by: axis.axis.values.count)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// Every point of the grid as a mix, first axis slowest.
    mutating func gridMixes(_ axes: [GridAxis], base: Scenario, at mark: SourceMark) -> [StudyMix] {
        Self.gridPoints(axes).compactMap { point in
            let steps = axes.indices.map { axes[$0].shape.located(point[$0]) }
            return mix(named: Self.pointName(axes, point), steps: steps, base: base, gridPoint: point, at: mark, "grid")
        }
    }

    /// The value of every axis at every point, first axis slowest.
    static func gridPoints(_ axes: [GridAxis]) -> [[Double]] {
        axes.reduce([[]]) { points, axis in points.flatMap { point in axis.axis.values.map { point + [$0] } } }
    }

    /// A point's name: `axis=value` by axis, joined by commas (`aaa=1.5,growth=1.1`).
    static func pointName(_ axes: [GridAxis], _ point: [Double]) -> String {
        zip(axes, point).map { "\($0.axis.name)=\($1.shortText)" }.joined(separator: ",")
    }
}
