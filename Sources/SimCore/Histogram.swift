/// A mergeable log-linear histogram of non-negative integers (durations in milliseconds,
/// credits in cents) for quantiles: p50, p95, p99 of restoration times.
///
/// Layout (the HdrHistogram idea with three significant decimal digits):
/// values below 2048 have a bucket each and are exact; above, every power-of-two range
/// [2ᵉ, 2ᵉ⁺¹) is split into 1024 equal buckets of width 2ᵉ⁻¹⁰.
///
/// **Error bound.** A bucket's width is at most 1/1024 of its lower edge, and a quantile is
/// reported as the bucket's midpoint (clamped to the recorded min and max), so a reported
/// quantile is within 1/2048 ≈ 0.049 % of the exact order statistic — comfortably inside 0.1 %.
///
/// Two histograms merge by adding bucket counts, which is exact: merging equals recording
/// everything into one. Memory is 8 bytes per bucket: 2048 + 1024 per octave above 2¹¹
/// (about 220 KiB for the default range of 2³⁶ ms ≈ 2.2 years).
public struct Histogram: Sendable, Codable {
    /// Count per bucket; grows when a value beyond the current range is recorded.
    @usableFromInline
    internal var counts: [Int64]

    /// Storage for ``count``.
    @usableFromInline
    internal var totalCount: Int64 = 0
    /// Storage for ``min``.
    @usableFromInline
    internal var minValue: Int64 = .max
    /// Storage for ``max``.
    @usableFromInline
    internal var maxValue: Int64 = 0

    /// Number of recorded values.
    public var count: Int64 { totalCount }
    /// Smallest recorded value; `Int64.max` when empty.
    public var min: Int64 { minValue }
    /// Largest recorded value; 0 when empty.
    public var max: Int64 { maxValue }

    /// Buckets per power of two above the exact range.
    @inlinable
    internal static var subBucketCount: Int { 1024 }
    /// log₂ of ``subBucketCount``.
    @inlinable
    internal static var subBucketBits: Int { 10 }
    /// Values below this have exact buckets.
    @inlinable
    internal static var exactLimit: Int64 { 2048 }

    /// Creates an empty histogram whose storage covers `0...highestTrackableValue` without
    /// further allocation; larger values are still accepted, at the price of growing storage.
    public init(highestTrackableValue: Int64 = (1 << 36) - 1) {
        precondition(highestTrackableValue >= 0, "Histogram: negative range")
        counts = Array(repeating: 0, count: Self.bucketIndex(of: highestTrackableValue) + 1)
    }

    /// Whether nothing was recorded.
    public var isEmpty: Bool { count == 0 }

    /// Records one non-negative value.
    /// - Complexity: O(1); no allocation for values within the initial range.
    @inlinable
    @inline(__always)
    public mutating func record(_ value: Int64) {
        precondition(value >= 0, "Histogram: negative value \(value)")
        let index = Self.bucketIndex(of: value)
        if index >= counts.count { grow(toInclude: index) }
        counts[index] &+= 1
        totalCount &+= 1
        minValue = Swift.min(minValue, value)
        maxValue = Swift.max(maxValue, value)
    }

    /// Records every value of `values` (each non-negative), as one ``record(_:)`` per value
    /// would, with one check of the storage for the whole batch: for models that gather
    /// observations and record them in bursts, which keeps the buckets out of their hot loop.
    /// - Complexity: O(n); no allocation for values within the initial range.
    @inlinable
    public mutating func record(contentsOf values: UnsafeBufferPointer<Int64>) {
        guard !values.isEmpty else { return }
        var lowest = Int64.max, highest = Int64.min
        for value in values {
            lowest = Swift.min(lowest, value)
            highest = Swift.max(highest, value)
        }
        precondition(lowest >= 0, "Histogram: negative value \(lowest)")
        let top = Self.bucketIndex(of: highest)
        if top >= counts.count { grow(toInclude: top) }
        counts.withUnsafeMutableBufferPointer { buckets in
            for value in values { buckets[Self.bucketIndex(of: value)] &+= 1 }
        }
        totalCount &+= Int64(values.count)
        minValue = Swift.min(minValue, lowest)
        maxValue = Swift.max(maxValue, highest)
    }

    /// Records `value` `times` times (e.g. replaying a histogram).
    /// - Complexity: O(1) within the initial range.
    @inlinable
    public mutating func record(_ value: Int64, times: Int64) {
        precondition(value >= 0, "Histogram: negative value \(value)")
        precondition(times >= 0, "Histogram: negative count")
        let index = Self.bucketIndex(of: value)
        if index >= counts.count { grow(toInclude: index) }
        counts[index] += times
        totalCount += times
        if times > 0 {
            if value < minValue { minValue = value }
            if value > maxValue { maxValue = value }
        }
    }

    /// Extends storage so that bucket `index` exists.
    @usableFromInline
    internal mutating func grow(toInclude index: Int) {
        counts.append(contentsOf: repeatElement(0, count: index + 1 - counts.count))
    }
}

extension Histogram: Equatable {
    /// Histograms are equal when they hold the same values, whatever their allocated range.
    public static func == (lhs: Histogram, rhs: Histogram) -> Bool {
        guard lhs.count == rhs.count, lhs.min == rhs.min, lhs.max == rhs.max else { return false }
        let shared = Swift.min(lhs.counts.count, rhs.counts.count)
        return lhs.counts[..<shared] == rhs.counts[..<shared]
            && lhs.counts[shared...].allSatisfy { $0 == 0 }
            && rhs.counts[shared...].allSatisfy { $0 == 0 }
    }
}
