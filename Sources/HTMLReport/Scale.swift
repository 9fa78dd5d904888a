import Foundation

/// Maps values of a domain onto a span of pixels, linearly or on a log₁₀ scale, and proposes
/// round tick values.
public struct Scale: Sendable, Hashable {
    /// The values mapped; `domain.lowerBound` goes to `range.from`, `upperBound` to `range.to`.
    public var domain: ClosedRange<Double>
    /// Pixel positions of the domain's two ends (`to` may be smaller, as on a y axis).
    public var from: Double, to: Double
    /// Whether values are placed by their logarithm (domain must be positive).
    public var isLogarithmic: Bool

    /// A scale from `domain` onto `from…to`.
    public init(domain: ClosedRange<Double>, from: Double, to: Double, logarithmic: Bool = false) {
        precondition(!logarithmic || domain.lowerBound > 0, "Scale: a log scale needs a positive domain")
        self.domain = domain.lowerBound == domain.upperBound
            ? domain.lowerBound - 1 ... domain.upperBound + 1 : domain
        self.from = from
        self.to = to
        isLogarithmic = logarithmic
    }

    /// The pixel position of `value`, clamped to the domain.
    public func position(_ value: Double) -> Double {
        let clamped = Swift.min(domain.upperBound, Swift.max(domain.lowerBound, value))
        let t = isLogarithmic
            ? log10(clamped / domain.lowerBound) / log10(domain.upperBound / domain.lowerBound)
            : (clamped - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return from + t * (to - from)
    }

    /// Round values inside the domain: about `count` steps of 1, 2 or 5 × 10ⁿ (linear scales).
    public func ticks(_ count: Int = 5) -> [Double] {
        let step = Self.niceStep(domain.upperBound - domain.lowerBound, count: count)
        let first = (domain.lowerBound / step).rounded(.up)
        let last = (domain.upperBound / step + 1e-9).rounded(.down)
        guard first <= last else { return [domain.lowerBound] }
        return stride(from: first, through: last, by: 1).map { $0 * step }
    }

    /// A step of 1, 2 or 5 × 10ⁿ giving about `count` steps over `span`.
    public static func niceStep(_ span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(Swift.max(1, count))
        let power = pow(10, (log10(raw)).rounded(.down))
        let multiple = [1.0, 2, 5, 10].first { $0 * power >= raw * 0.999 } ?? 10
        return multiple * power
    }

    /// The smallest domain from 0 (or `lower`) with a round upper end covering `maximum`.
    public static func niceDomain(_ lower: Double, _ maximum: Double, count: Int = 5) -> ClosedRange<Double> {
        let upper = Swift.max(maximum, lower + 1e-12)
        let step = niceStep(upper - lower, count: count)
        let top = (upper / step - 1e-9).rounded(.up) * step
        let bottom = (lower / step + 1e-9).rounded(.down) * step
        return bottom ... Swift.max(top, bottom + step)
    }
}
