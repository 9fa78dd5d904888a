import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One independent sequence of pseudo-random numbers, owning exactly one GSL generator.
///
/// A stream belongs to one replication and is used from one thread at a time; it is deliberately
/// not `Sendable`. Give every purpose (fault arrivals of a class, repair times, storms, …) its own
/// named stream (``init(masterSeed:replication:name:generator:)``) so that changing one part of a
/// model does not shift the numbers another part sees (common random numbers).
///
/// Seeding: GSL seeds its generators from an `unsigned long`, but MT19937 and Tausworthe read only
/// its low 32 bits and RANLUX its low 31 bits. So the seed given here is reduced to 32 bits first:
/// a seed in `1...UInt32.max` is passed through unchanged (so `RandomStream(seed: 4357)` matches
/// GSL with `GSL_RNG_SEED=4357`); a larger seed is folded as `low32 ⊕ high32`; and a seed that
/// would reach GSL as 0 (which some generators replace by their own default) becomes
/// `0x9E37_79B9` instead.
public final class RandomStream {
    /// The seed this stream was created with (before reduction to GSL's 32 bits).
    public let seed: UInt64
    /// The generator algorithm.
    public let generator: GeneratorKind
    /// The owned GSL generator; freed in `deinit`.
    @usableFromInline let rng: UnsafeMutablePointer<gsl_rng>
    /// The exponential ziggurat's tables (shared, immutable), held here so that a draw reads
    /// them without going through a lazily initialised global.
    @usableFromInline let ziggurat: ExponentialZiggurat
    /// GSL's integer step for this generator and its state, read once here so that a draw makes
    /// one indirect call without first walking `rng → type → get`.
    @usableFromInline let nextInteger: @convention(c) (UnsafeMutableRawPointer?) -> UInt
    @usableFromInline let state: UnsafeMutableRawPointer?
    /// For MT19937, the generator's state drawn from in Swift (GSL's numbers, without GSL's
    /// out-of-line step); `nil` for the other generators, which go through `nextInteger`.
    @usableFromInline let mersenne: MersenneTwisterState?

    /// Creates a stream from an explicit seed.
    /// - Parameters:
    ///   - seed: any value; see the type's documentation for how it reaches GSL.
    ///   - generator: the algorithm, MT19937 by default.
    public init(seed: UInt64, generator: GeneratorKind = .mt19937) {
        GSLSetup.once.touch()
        guard let rng = gsl_rng_alloc(generator.descriptor) else {
            fatalError("GSL could not allocate a \(generator.rawValue) generator (out of memory)")
        }
        gsl_rng_set(rng, UInt(RandomStream.gslSeed(for: seed)))
        precondition(faultline_rng_min(rng) == 0 && faultline_rng_max(rng) == UInt(UInt32.max),
                     "the \(generator.rawValue) generator does not deliver uniform 32-bit integers")
        self.rng = rng
        ziggurat = .standard
        guard let get = rng.pointee.type.pointee.get else {
            fatalError("the \(generator.rawValue) generator has no integer step")
        }
        nextInteger = get
        state = rng.pointee.state
        mersenne = MersenneTwisterState(rng)
        self.seed = seed
        self.generator = generator
    }

    deinit {
        gsl_rng_free(rng)
    }

    /// A uniform random number in the open interval (0, 1): never exactly 0 or 1.
    /// The same number as GSL's `gsl_rng_uniform_pos` on this stream's generator.
    /// - Complexity: O(1); one generator step (rarely two).
    @inlinable
    @inline(__always)
    public func uniform() -> Double {
        guard let mersenne else { return faultline_rng_uniform_open(rng) }
        // GSL's MT19937 double is its integer / 2³²; the open interval skips 0 by drawing again.
        var x: Double
        repeat { x = Double(mersenne.next()) * 0x1p-32 } while x == 0
        return x
    }

    /// A uniform random integer in 0 ... 2³² − 1: one step of the generator.
    /// - Complexity: O(1).
    @inlinable
    @inline(__always)
    public func uniform32() -> UInt32 {
        if let mersenne { return mersenne.next() }
        return UInt32(truncatingIfNeeded: nextInteger(state))
    }

    /// An exponential random number with the given `mean`: the hot path of Poisson arrivals and
    /// exponential service. Drawn by the ziggurat method (Marsaglia and Tsang 2000) from this
    /// stream's 32-bit integers, so no logarithm: about 99 % of draws take one integer, one
    /// multiplication and one comparison. The same law as GSL's `gsl_ran_exponential`, but not
    /// the same numbers for a given seed. Resolution: 24 bits within each of the 256 strips.
    /// - Complexity: O(1) expected; one generator step about 99 % of the time.
    @inlinable
    @inline(__always)
    public func exponential(mean: Double) -> Double {
        mean * ziggurat.sample { uniform32() }
    }

    /// A uniformly chosen index in `0..<n`, without modulo bias.
    /// - Precondition: `n > 0`.
    @inlinable
    public func uniformIndex(below n: Int) -> Int {
        precondition(n > 0, "uniformIndex(below:) needs a positive bound, got \(n)")
        if n <= Int(UInt32.max) {
            if let mersenne { return Int(uniformInt(below: UInt32(n), mersenne)) }
            return Int(gsl_rng_uniform_int(rng, UInt(n)))
        }
        return min(Int(uniform() * Double(n)), n - 1)
    }

    /// The 32-bit, never-zero seed handed to `gsl_rng_set` (documented on the type).
    static func gslSeed(for seed: UInt64) -> UInt32 {
        let reduced = seed <= UInt64(UInt32.max)
            ? UInt32(seed)
            : UInt32(truncatingIfNeeded: seed) ^ UInt32(truncatingIfNeeded: seed >> 32)
        return reduced == 0 ? 0x9E37_79B9 : reduced
    }
}

@available(*, unavailable, message: "a RandomStream belongs to one replication on one thread")
extension RandomStream: Sendable {}

/// Process-wide GSL configuration that must happen before the first generator is used.
///
/// Turning off GSL's abort-on-error handler is idempotent and thread-safe through Swift's lazy
/// `static let`; it is not mutable state that a replication could observe.
struct GSLSetup: Sendable {
    /// Initialised once, on first use, which switches the handler off.
    static let once = GSLSetup()

    private init() {
        faultline_gsl_disable_abort()
    }

    /// Forces the one-time initialisation.
    func touch() {}
}
