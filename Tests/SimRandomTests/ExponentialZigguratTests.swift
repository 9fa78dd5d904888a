import Foundation
import Testing
@testable import SimRandom

/// The ziggurat sampler behind `RandomStream.exponential(mean:)`. Its bugs hide where the moment
/// and KS tests look least: in the tail beyond the base strip and in the wedges.
@Suite struct ExponentialZigguratTests {
    static let draws = 2_000_000
    static let mean = 3.0
    /// About a 1-in-150,000 two-sided miss per check if the sampler is right.
    static let z = 4.5

    static let sample: [Double] = {
        let stream = RandomStream(masterSeed: 20_261_124, replication: 0, name: "ziggurat")
        return (0..<draws).map { _ in stream.exponential(mean: mean) }
    }()

    @Test func everyStripHasTheSameArea() {
        let z = ExponentialZiggurat.standard
        #expect(z.strips.count == 256)
        let unit = Double(1 << 24)
        let edges = z.strips.map { $0.scale * unit } + [0]
        // Base strip: rectangle [0, r] × [0, e^(−r)] plus the tail, e^(−r) in all.
        let base = ExponentialZiggurat.r * exp(-ExponentialZiggurat.r) + exp(-ExponentialZiggurat.r)
        #expect(abs(edges[0] * exp(-ExponentialZiggurat.r) - base) < 1e-15)
        for i in 1..<256 {
            let area = edges[i] * (exp(-edges[i + 1]) - exp(-edges[i]))
            #expect(abs(area - base) < 1e-9 * base, "strip \(i): area \(area) vs \(base)")
        }
    }

    @Test(arguments: [0.001, 0.1, 0.5, 1, 2, 4, 7, 7.697, 8, 10])
    func tailProbabilityMatches(_ multiple: Double) {
        let n = Double(Self.draws)
        let p = exp(-multiple)
        let beyond = Self.sample.reduce(0) { $0 + ($1 > multiple * Self.mean ? 1 : 0) }
        let tolerance = Self.z * (n * p * (1 - p)).squareRoot() + 1
        #expect(abs(Double(beyond) - n * p) <= tolerance,
                "P(X > \(multiple)·mean): \(beyond) of \(Self.draws), expected \(n * p) ± \(tolerance)")
    }

    /// Beyond the base strip the sampler adds r to a fresh draw; the excess must again be
    /// exponential with the same mean (memorylessness).
    @Test func excessBeyondTheBaseStripIsExponential() {
        let start = ExponentialZiggurat.r * Self.mean
        let excess = Self.sample.filter { $0 > start }.map { $0 - start }
        #expect(excess.count > 700)
        let m = excess.reduce(0, +) / Double(excess.count)
        let tolerance = Self.z * Self.mean / Double(excess.count).squareRoot()
        #expect(abs(m - Self.mean) <= tolerance, "mean excess \(m) vs \(Self.mean) ± \(tolerance)")
    }

    /// 1,000 equally likely bins: a χ² with 999 degrees of freedom (sd ≈ 44.7) sees the
    /// wedges' fine structure that a KS test on 20,000 draws misses.
    @Test func equalProbabilityBinsAreEven() {
        let bins = 1_000
        var counts = [Int](repeating: 0, count: bins)
        for x in Self.sample {
            let bin = Int((1 - exp(-x / Self.mean)) * Double(bins))
            counts[min(bin, bins - 1)] += 1
        }
        let expected = Double(Self.draws) / Double(bins)
        let chiSquare = counts.reduce(0.0) { $0 + (Double($1) - expected) * (Double($1) - expected) / expected }
        #expect(abs(chiSquare - Double(bins - 1)) <= Self.z * (2 * Double(bins - 1)).squareRoot(),
                "χ² = \(chiSquare) with \(bins - 1) degrees of freedom")
    }

    @Test(arguments: GeneratorKind.allCases)
    func everyGeneratorFeedsTheZiggurat(_ kind: GeneratorKind) {
        let stream = RandomStream(seed: 99, generator: kind)
        let n = 200_000
        let m = (0..<n).reduce(0.0) { sum, _ in sum + stream.exponential(mean: 2) } / Double(n)
        #expect(abs(m - 2) <= Self.z * 2 / Double(n).squareRoot())
    }
}
