#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The tables of the ziggurat method for the standard exponential distribution (Marsaglia and
/// Tsang, "The Ziggurat Method for Generating Random Variables", J. Stat. Software 5(8), 2000).
///
/// The density e^(−x) is covered by 256 horizontal strips of equal area `v`: a base strip
/// (the rectangle [0, r] × [0, e^(−r)] plus the tail beyond `r`) and 255 rectangles stacked on
/// it. Strip `i` has right edge `x[i]`; the strip above it is narrower, with right edge
/// `x[i + 1]`, so a point drawn uniformly in strip `i` with abscissa below `x[i + 1]` lies under
/// the density and is accepted at once. That happens in about 99 % of draws, for the price of
/// one 32-bit integer, one multiplication and one comparison. The rest fall in a wedge (tested
/// against the density with a second uniform, rejected points start over) or, in the base
/// strip, in the tail, which by memorylessness is `r` plus a fresh standard exponential.
///
/// The edges come from the paper's recurrence x[0] = v / e^(−r), x[1] = r,
/// x[i + 1] = −log(v / x[i] + e^(−x[i])), with the paper's r and v for 256 strips; the top
/// edge x[256] is 0.
///
/// An immutable value computed once per process; nothing here depends on a random state.
@usableFromInline
internal struct ExponentialZiggurat: Sendable {
    /// Right edge of the base rectangle, where the tail begins.
    @usableFromInline static let r = 7.69711747013104972
    /// Area of each strip.
    static let v = 0.0039496598225815571993

    /// The fast-path data of one strip, packed together so one draw touches one cache line.
    @usableFromInline
    internal struct Strip: Sendable {
        /// Accept at once when the 24-bit uniform is below this: ⌊x[i + 1] / x[i] · 2²⁴⌋.
        @usableFromInline var threshold: UInt32
        /// x[i] / 2²⁴: the 24-bit uniform times this is the candidate abscissa.
        @usableFromInline var scale: Double
        /// e^(−x[i]), the density at the strip's right edge (its bottom).
        @usableFromInline var bottom: Double
        /// e^(−x[i + 1]), the density at the next edge (the strip's top).
        @usableFromInline var top: Double
    }

    /// The 256 strips; index 0 is the base strip.
    @usableFromInline let strips: [Strip]

    /// The tables, shared by every stream.
    @usableFromInline static let standard = ExponentialZiggurat()

    private init() {
        let count = 256
        var edges = [Double](repeating: 0, count: count + 1)
        edges[0] = Self.v / exp(-Self.r)
        edges[1] = Self.r
        for i in 1..<(count - 1) {
            edges[i + 1] = -log(Self.v / edges[i] + exp(-edges[i]))
        }
        edges[count] = 0
        let unit = Double(1 << 24)
        strips = (0..<count).map { i in
            Strip(
                threshold: UInt32((edges[i + 1] / edges[i] * unit).rounded(.down)),
                scale: edges[i] / unit, bottom: i == 0 ? 0 : exp(-edges[i]), top: exp(-edges[i + 1]))
        }
    }

    /// A standard exponential variate from a source of uniform 32-bit integers.
    /// - Complexity: O(1) expected; one integer about 99 % of the time.
    @inlinable
    @inline(__always)
    internal func sample(_ next32: () -> UInt32) -> Double {
        let word = next32()
        let strip = strips[Int(word & 0xFF)]
        let u = word >> 8
        if u < strip.threshold { return Double(u) * strip.scale }
        return sampleSlowly(next32, firstWord: word)
    }

    /// The rare paths: wedges, the tail, and starting over after a rejection.
    @usableFromInline
    internal func sampleSlowly(_ next32: () -> UInt32, firstWord: UInt32) -> Double {
        var offset = 0.0  // tails passed so far; each adds r (memorylessness)
        var word = firstWord
        while true {
            let index = Int(word & 0xFF)
            let strip = strips[index]
            let u = word >> 8
            let x = Double(u) * strip.scale
            if u < strip.threshold { return offset + x }
            if index == 0 {
                if x < Self.r { return offset + x }  // inside the base rectangle after all
                offset += Self.r
            } else {
                // The wedge: a uniform height in the strip, accepted below the density.
                let height = strip.bottom + (strip.top - strip.bottom) * (Double(next32()) + 0.5) / 4_294_967_296
                if height < exp(-x) { return offset + x }
            }
            word = next32()
        }
    }
}
