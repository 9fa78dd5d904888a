extension Histogram {
    /// The bucket that holds `value` (≥ 0).
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    internal static func bucketIndex(of value: Int64) -> Int {
        // Below `exactLimit` the exponent is clamped so that the shift is 0 and the index is the
        // value itself: one formula without a branch (zero waits and long waits alternate at
        // random, which a branch predictor cannot learn).
        let exponent = Swift.max(63 &- value.leadingZeroBitCount, subBucketBits)
        let shift = exponent &- subBucketBits
        return shift &* subBucketCount &+ Int(value &>> Int64(shift))
    }

    /// Smallest value that falls into bucket `index`.
    internal static func lowerBound(ofBucket index: Int) -> Int64 {
        guard index >= Int(exactLimit) else { return Int64(index) }
        let shift = index / subBucketCount - 1
        let subBucket = Int64(index % subBucketCount + subBucketCount)
        return subBucket << shift
    }

    /// Number of distinct values that fall into bucket `index`.
    internal static func width(ofBucket index: Int) -> Int64 {
        guard index >= Int(exactLimit) else { return 1 }
        return 1 << (index / subBucketCount - 1)
    }

    /// The value reported for bucket `index`: its midpoint (exact below 2048).
    internal static func representative(ofBucket index: Int) -> Int64 {
        lowerBound(ofBucket: index) + width(ofBucket: index) / 2
    }
}

extension Histogram {
    /// The value at quantile `p` ∈ [0, 1]: the smallest recorded value v such that at least
    /// ⌈p·count⌉ values are ≤ v (nearest rank), within the documented relative error.
    /// `p = 0` gives the exact minimum and `p = 1` the exact maximum; an empty histogram gives 0.
    /// - Complexity: O(number of buckets).
    public func quantile(_ p: Double) -> Int64 {
        precondition(p >= 0 && p <= 1, "Histogram: quantile \(p) outside [0, 1]")
        guard count > 0 else { return 0 }
        if p == 0 { return min }
        if p == 1 { return max }
        let rank = Swift.max(1, Int64((p * Double(count)).rounded(.up)))
        let index = bucketIndex(ofRank: rank)
        return Swift.min(Swift.max(Self.representative(ofBucket: index), min), max)
    }

    /// The bucket that holds the `rank`-th smallest value (1-based).
    private func bucketIndex(ofRank rank: Int64) -> Int {
        var seen: Int64 = 0
        for (index, bucketCount) in counts.enumerated() {
            seen += bucketCount
            if seen >= rank { return index }
        }
        return counts.count - 1
    }

    /// Approximate mean, from bucket representatives.
    /// - Complexity: O(number of buckets).
    public var approximateMean: Double {
        guard count > 0 else { return 0 }
        var total = 0.0
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            total += Double(Self.representative(ofBucket: index)) * Double(bucketCount)
        }
        return total / Double(count)
    }

    /// Adds every value of `other`; exact (the result equals recording both streams in one).
    /// - Complexity: O(number of buckets).
    public mutating func merge(_ other: Histogram) {
        guard other.count > 0 else { return }
        if other.counts.count > counts.count { grow(toInclude: other.counts.count - 1) }
        for index in other.counts.indices {
            counts[index] += other.counts[index]
        }
        totalCount += other.count
        minValue = Swift.min(minValue, other.min)
        maxValue = Swift.max(maxValue, other.max)
    }

    /// Calls `body` with (lowest value, highest value, count) for every non-empty bucket,
    /// in increasing order; for reports and serialisation.
    public func forEachBucket(_ body: (_ lowest: Int64, _ highest: Int64, _ count: Int64) -> Void) {
        for (index, bucketCount) in counts.enumerated() where bucketCount > 0 {
            let lowest = Self.lowerBound(ofBucket: index)
            body(lowest, lowest + Self.width(ofBucket: index) - 1, bucketCount)
        }
    }
}
