import Testing
@testable import SimCore

@Suite("Tally and TimeWeighted")
struct TallyTests {
    @Test("tally matches hand-computed moments")
    func handComputed() {
        let tally = Tally([2, 4, 4, 4, 5, 5, 7, 9])
        #expect(tally.count == 8)
        #expect(tally.mean == 5)
        #expect(abs(tally.populationVariance - 4) < 1e-12)
        #expect(abs(tally.variance - 32.0 / 7) < 1e-12)
        #expect(abs(tally.standardDeviation - (32.0 / 7).squareRoot()) < 1e-12)
        #expect(tally.min == 2 && tally.max == 9)
    }

    @Test("Welford stays accurate for large, close values")
    func largeOffset() {
        let tally = Tally([1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16])
        #expect(abs(tally.variance - 30) < 1e-6)
    }

    @Test("merging tallies equals tallying everything at once")
    func merge() {
        var random = SplitMix64(seed: 7)
        let values = (0..<1_000).map { _ in random.nextUnit() * 100 - 20 }
        for split in [0, 1, 333, 999, 1_000] {
            var merged = Tally(values[..<split])
            merged.merge(Tally(values[split...]))
            let whole = Tally(values)
            #expect(merged.count == whole.count)
            #expect(abs(merged.mean - whole.mean) < 1e-12 * abs(whole.mean))
            #expect(abs(merged.variance - whole.variance) < 1e-10 * whole.variance)
            #expect(merged.min == whole.min && merged.max == whole.max)
        }
    }

    @Test("time-weighted average, maximum and warm-up reset")
    func timeWeighted() {
        var level = TimeWeighted()
        level.update(to: 2, at: .milliseconds(10))
        level.update(to: 5, at: .milliseconds(15))
        level.update(to: 1, at: .milliseconds(20))
        // 0·10 + 2·5 + 5·5 + 1·10 = 45 over 30 ms.
        #expect(level.mean(at: .milliseconds(30)) == 1.5)
        #expect(level.max == 5)
        level.reset(at: .milliseconds(20))
        #expect(level.mean(at: .milliseconds(30)) == 1)
        #expect(level.max == 1)
        level.add(3, at: .milliseconds(25))
        #expect(level.mean(at: .milliseconds(30)) == 2.5)
    }
}

@Suite("Histogram")
struct HistogramTests {
    /// Exact nearest-rank quantile of sorted values.
    static func exactQuantile(_ sorted: [Int64], _ p: Double) -> Int64 {
        let rank = max(1, Int((p * Double(sorted.count)).rounded(.up)))
        return sorted[rank - 1]
    }

    /// Values spread over many orders of magnitude (log-uniform up to ~10⁹ ms).
    static func randomValues(seed: UInt64, count: Int) -> [Int64] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let magnitude = random.next(below: 30)
            return Int64(random.next(below: 1 << magnitude) + random.next(below: 1 << magnitude))
        }
    }

    @Test("small values are exact")
    func exactSmallValues() {
        var histogram = Histogram()
        for value in Int64(1)...100 { histogram.record(value) }
        #expect(histogram.count == 100)
        #expect(histogram.quantile(0.5) == 50)
        #expect(histogram.quantile(0.95) == 95)
        #expect(histogram.quantile(0) == 1)
        #expect(histogram.quantile(1) == 100)
    }

    @Test("every bucket is at most 1/1024 of its lower edge wide and holds its values")
    func bucketGeometry() {
        var random = SplitMix64(seed: 3)
        for _ in 0..<10_000 {
            let value = Int64(random.next() >> UInt64(1 + random.next(below: 62)))
            let index = Histogram.bucketIndex(of: value)
            let low = Histogram.lowerBound(ofBucket: index)
            let width = Histogram.width(ofBucket: index)
            #expect(low <= value && value < low + width, "value \(value)")
            #expect(width == 1 || Double(width) / Double(low) <= 1.0 / 1024)
        }
        #expect(Histogram.bucketIndex(of: 2047) + 1 == Histogram.bucketIndex(of: 2048))
    }

    @Test("quantiles are within 0.05 % of exact order statistics on random data")
    func quantileError() {
        let values = Self.randomValues(seed: 11, count: 50_000)
        var histogram = Histogram()
        for value in values { histogram.record(value) }
        let sorted = values.sorted()
        for p in [0.001, 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 0.9999] {
            let exact = Self.exactQuantile(sorted, p)
            let approximate = histogram.quantile(p)
            let error = abs(Double(approximate - exact)) / Double(max(exact, 1))
            #expect(error <= 1.0 / 2048, "p \(p): \(approximate) vs \(exact)")
        }
    }

    @Test("merging equals recording everything into one, across different ranges")
    func merge() {
        let values = Self.randomValues(seed: 5, count: 10_000)
        var whole = Histogram()
        var left = Histogram(highestTrackableValue: 1_000)
        var right = Histogram()
        for (index, value) in values.enumerated() {
            whole.record(value)
            if index % 3 == 0 { left.record(value) } else { right.record(value) }
        }
        left.merge(right)
        #expect(left == whole)
        #expect(left.quantile(0.99) == whole.quantile(0.99))
        right.record(1)
        #expect(right != whole)
    }

    @Test("recording a batch equals recording each value, across batches and beyond the range")
    func batchRecording() {
        let values = Self.randomValues(seed: 23, count: 5_000) + [0, 2_047, 2_048, 1 << 40]
        var oneByOne = Histogram(highestTrackableValue: 1_000)
        var batched = Histogram(highestTrackableValue: 1_000)
        for value in values { oneByOne.record(value) }
        values.withUnsafeBufferPointer { buffer in
            var start = 0
            for size in [0, 1, 256, 1_000, buffer.count] where start < buffer.count {
                let end = min(start + size, buffer.count)
                batched.record(contentsOf: UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end
            }
        }
        #expect(batched == oneByOne)
        #expect(batched.count == Int64(values.count))
        #expect(batched.min == 0 && batched.max == 1 << 40)
        #expect(batched.quantile(0.9) == oneByOne.quantile(0.9))
    }

    @Test("values above the initial range are still counted")
    func growsBeyondRange() {
        var histogram = Histogram(highestTrackableValue: 10)
        histogram.record(5)
        histogram.record(Int64.max)
        #expect(histogram.count == 2)
        #expect(histogram.quantile(1) == Int64.max)
        #expect(histogram.quantile(0.5) == 5)
    }
}

@Suite("Student t and confidence intervals")
struct ConfidenceIntervalTests {
    @Test("t quantiles match textbook tables", arguments: [
        (0.975, 1.0, 12.7062047), (0.975, 2.0, 4.3026527), (0.975, 5.0, 2.5705818),
        (0.975, 19.0, 2.0930241), (0.975, 100.0, 1.9839715), (0.995, 9.0, 3.2498355),
        (0.95, 10.0, 1.8124611), (0.995, 1.0, 63.6567412), (0.9995, 30.0, 3.6459586),
        (0.975, 1_000_000.0, 1.9599664),
    ])
    func tableValues(p: Double, df: Double, expected: Double) {
        let t = StudentT.quantile(p, degreesOfFreedom: df)
        #expect(abs(t - expected) / expected < 1e-7, "df \(df): \(t)")
        #expect(abs(StudentT.quantile(1 - p, degreesOfFreedom: df) + expected) / expected < 1e-7)
    }

    @Test("quantile inverts the CDF; closed forms for 1 and 2 degrees of freedom")
    func inversion() {
        for p in [0.6, 0.8, 0.9, 0.99, 0.999999] {
            for df in [1.0, 2.5, 7, 40] {
                let t = StudentT.quantile(p, degreesOfFreedom: df)
                #expect(abs(StudentT.cdf(t, degreesOfFreedom: df) - p) < 1e-12)
            }
            let closedForm2 = (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
            #expect(abs(StudentT.quantile(p, degreesOfFreedom: 2) - closedForm2) < 1e-9 * closedForm2)
        }
    }

    @Test("interval from replication means (hand-computed)")
    func interval() {
        let interval = ConfidenceInterval(replicationMeans: [10.0, 12, 14], level: 0.95)
        // sd 2, n 3, t(0.975, 2) = 4.30265273 → half-width 4.30265273·2/√3.
        #expect(interval.mean == 12)
        #expect(abs(interval.halfWidth - 4.30265273 * 2 / 3.0.squareRoot()) < 1e-7)
        #expect(interval.contains(12) && interval.contains(16.9))
        #expect(!interval.contains(17) && !interval.contains(7))
        #expect(ConfidenceInterval(replicationMeans: [5.0]).halfWidth == .infinity)
    }
}
