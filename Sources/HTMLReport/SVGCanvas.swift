/// Builds one SVG element from shapes and text; every text and attribute value is escaped, and
/// every coordinate written with at most one decimal, so output is deterministic and safe.
public struct SVGCanvas: Sendable {
    /// Width and height of the view box, in pixels at 100 % zoom.
    public let width: Double, height: Double
    private var parts: [String] = []

    /// An empty canvas.
    public init(width: Double, height: Double) {
        self.width = width
        self.height = height
    }

    /// Text anchors.
    public enum Anchor: String, Sendable { case start, middle, end }

    /// A straight line; `dash` is an SVG dash array such as `6 4`.
    public mutating func line(_ x1: Double, _ y1: Double, _ x2: Double, _ y2: Double,
                              stroke: String, width strokeWidth: Double = 1, dash: String? = nil) {
        parts.append("<line x1=\"\(c(x1))\" y1=\"\(c(y1))\" x2=\"\(c(x2))\" y2=\"\(c(y2))\" stroke=\"\(Markup.escape(stroke))\""
            + " stroke-width=\"\(c(strokeWidth))\"" + (dash.map { " stroke-dasharray=\"\(Markup.escape($0))\"" } ?? "") + "/>")
    }

    /// A rectangle, with an optional tooltip.
    public mutating func rect(_ x: Double, _ y: Double, _ w: Double, _ h: Double, fill: String,
                              stroke: String? = nil, opacity: Double? = nil, tooltip: String? = nil) {
        let attributes = "x=\"\(c(x))\" y=\"\(c(y))\" width=\"\(c(Swift.max(0, w)))\" height=\"\(c(Swift.max(0, h)))\" fill=\"\(Markup.escape(fill))\""
            + (stroke.map { " stroke=\"\(Markup.escape($0))\"" } ?? "")
            + (opacity.map { " fill-opacity=\"\(NumberText.fixed($0, 2))\"" } ?? "")
        parts.append(element("rect", attributes, tooltip: tooltip))
    }

    /// A circle, with an optional tooltip.
    public mutating func circle(_ x: Double, _ y: Double, radius: Double, fill: String,
                                stroke: String? = nil, tooltip: String? = nil) {
        let attributes = "cx=\"\(c(x))\" cy=\"\(c(y))\" r=\"\(c(radius))\" fill=\"\(Markup.escape(fill))\""
            + (stroke.map { " stroke=\"\(Markup.escape($0))\" stroke-width=\"1.5\"" } ?? "")
        parts.append(element("circle", attributes, tooltip: tooltip))
    }

    /// An open line through `points`.
    public mutating func polyline(_ points: [(x: Double, y: Double)], stroke: String, width strokeWidth: Double = 2,
                                  dash: String? = nil) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ")
        parts.append("<polyline points=\"\(list)\" fill=\"none\" stroke=\"\(Markup.escape(stroke))\" stroke-width=\"\(c(strokeWidth))\""
            + " stroke-linejoin=\"round\"" + (dash.map { " stroke-dasharray=\"\(Markup.escape($0))\"" } ?? "") + "/>")
    }

    /// A filled polygon (e.g. a confidence band).
    public mutating func polygon(_ points: [(x: Double, y: Double)], fill: String, opacity: Double) {
        guard !points.isEmpty else { return }
        let list = points.map { "\(c($0.x)),\(c($0.y))" }.joined(separator: " ")
        parts.append("<polygon points=\"\(list)\" fill=\"\(Markup.escape(fill))\" fill-opacity=\"\(NumberText.fixed(opacity, 2))\"/>")
    }

    /// Text at (x, y) (the baseline); `rotate` turns it about that point, in degrees.
    public mutating func text(_ content: String, _ x: Double, _ y: Double, size: Double = 13, anchor: Anchor = .start,
                              fill: String = Palette.ink, weight: String? = nil, rotate: Double? = nil) {
        let attributes = "x=\"\(c(x))\" y=\"\(c(y))\" font-size=\"\(c(size))\" text-anchor=\"\(anchor.rawValue)\" fill=\"\(Markup.escape(fill))\""
            + (weight.map { " font-weight=\"\(Markup.escape($0))\"" } ?? "")
            + (rotate.map { " transform=\"rotate(\(c($0)) \(c(x)) \(c(y)))\"" } ?? "")
        parts.append("<text \(attributes)>\(Markup.escape(content))</text>")
    }

    /// The `<svg>` element; `label` is its accessible name (`role="img"`, `<title>`).
    public func svg(label: String) -> String {
        "<svg viewBox=\"0 0 \(c(width)) \(c(height))\" role=\"img\" aria-label=\"\(Markup.escape(label))\""
            + " class=\"chart\" style=\"max-width:\(c(width))px\"><title>\(Markup.escape(label))</title>\n"
            + parts.joined(separator: "\n") + "\n</svg>"
    }

    private func element(_ name: String, _ attributes: String, tooltip: String?) -> String {
        guard let tooltip else { return "<\(name) \(attributes)/>" }
        return "<\(name) \(attributes)><title>\(Markup.escape(tooltip))</title></\(name)>"
    }

    private func c(_ value: Double) -> String { NumberText.coordinate(value) }
}
