import Foundation

/// Maps values of a domain onto a span of pixels, linearly or on a log₁₀ scale, and proposes
/// round tick values.
///
/// Bounded by construction, whatever the data: a domain with a bound that is not finite, an
/// empty span (one value, or none) or a non-positive lower bound on a log scale is replaced by
/// a usable one (``usable(_:logarithmic:)``), so positions are finite and ``ticks(_:)``
/// returns at most ``maximumTicks`` values.
public struct Scale: Sendable, Hashable {
    /// The values mapped; `domain.lowerBound` goes to `range.from`, `upperBound` to `range.to`.
    public var domain: ClosedRange<Double>
    /// Pixel positions of the domain's two ends (`to` may be smaller, as on a y axis).
    public var from: Double, to: Double
    /// Whether values are placed by their logarithm (domain must be positive).
    public var isLogarithmic: Bool

    /// Most ticks ``ticks(_:)`` returns.
    public static let maximumTicks = 50

    /// A scale from `domain` (made usable first) onto `from…to`.
    public init(domain: ClosedRange<Double>, from: Double, to: Double, logarithmic: Bool = false) {
        self.domain = Self.usable(domain, logarithmic: logarithmic)
        self.from = from
        self.to = to
        isLogarithmic = logarithmic
    }

    /// `domain` if it has finite bounds and a span (positive bounds on a log scale); else the
    /// nearest such domain: an infinite bound is dropped for one unit (a decade on a log scale)
    /// beyond the other, a lone value is widened on both sides, nothing usable becomes 0…1 (1…10).
    public static func usable(_ domain: ClosedRange<Double>, logarithmic: Bool = false) -> ClosedRange<Double> {
        var lower = domain.lowerBound, upper = domain.upperBound
        if logarithmic {
            if !(upper.isFinite && upper > 0) { upper = lower.isFinite && lower > 0 ? lower * 10 : 10 }
            if !(lower.isFinite && lower > 0) { lower = upper / 10 }
            return lower < upper ? lower...upper : lower / 10 ... upper * 10
        }
        if !lower.isFinite { lower = upper.isFinite ? upper - 1 : 0 }
        if !upper.isFinite { upper = lower + 1 }
        guard lower < upper else {
            let pad = Swift.max(1, abs(lower) * 1e-6)
            if !(lower + pad).isFinite { return lower - 2 * pad ... lower }
            if !(lower - pad).isFinite { return lower ... lower + 2 * pad }
            return lower - pad ... lower + pad
        }
        return lower...upper
    }

    /// The pixel position of `value`, clamped to the domain.
    public func position(_ value: Double) -> Double {
        let clamped = Swift.min(domain.upperBound, Swift.max(domain.lowerBound, value))
        let t = isLogarithmic
            ? log10(clamped / domain.lowerBound) / log10(domain.upperBound / domain.lowerBound)
            : (clamped - domain.lowerBound) / (domain.upperBound - domain.lowerBound)
        return from + t * (to - from)
    }

    /// Round values inside the domain: about `count` steps of 1, 2 or 5 × 10ⁿ (linear scales);
    /// the domain's two ends when round values cannot be told apart (a span too small for the
    /// magnitude of its bounds); never more than ``maximumTicks``.
    public func ticks(_ count: Int = 5) -> [Double] {
        let step = Self.niceStep(domain.upperBound - domain.lowerBound, count: Swift.min(Swift.max(1, count), Self.maximumTicks - 1))
        let first = (domain.lowerBound / step).rounded(.up)
        let last = (domain.upperBound / step + 1e-9).rounded(.down)
        guard first <= last else { return [domain.lowerBound] }
        let steps = last - first
        guard steps < Double(Self.maximumTicks), first + steps == last, (first + 1) * step > first * step else {
            return [domain.lowerBound, domain.upperBound]
        }
        return (0...Int(steps)).map { (first + Double($0)) * step }
    }

    /// A step of 1, 2 or 5 × 10ⁿ giving about `count` steps over `span`.
    public static func niceStep(_ span: Double, count: Int) -> Double {
        guard span > 0, span.isFinite else { return 1 }
        let raw = span / Double(Swift.max(1, count))
        let power = pow(10, (log10(raw)).rounded(.down))
        let multiple = [1.0, 2, 5, 10].first { $0 * power >= raw * 0.999 } ?? 10
        return multiple * power
    }

    /// The smallest domain from 0 (or `lower`) with a round upper end covering `maximum`; a
    /// bound that is not finite is replaced (`lower` by 0, `maximum` by `lower` + 1).
    public static func niceDomain(_ lower: Double, _ maximum: Double, count: Int = 5) -> ClosedRange<Double> {
        let lower = lower.isFinite ? lower : 0
        let upper = Swift.max(maximum.isFinite ? maximum : lower + 1, lower + 1e-12)
        let step = niceStep(upper - lower, count: count)
        let top = (upper / step - 1e-9).rounded(.up) * step
        let bottom = (lower / step + 1e-9).rounded(.down) * step
        return bottom ... Swift.max(top, bottom + step)
    }
}
