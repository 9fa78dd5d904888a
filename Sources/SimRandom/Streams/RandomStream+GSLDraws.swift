import CGSL
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// GSL's own samplers, drawn in Swift from the MT19937 state (``MersenneTwisterState``): the same
/// numbers, bit for bit, as `gsl_ran_lognormal`, `gsl_ran_exponential` and `gsl_rng_uniform_int`
/// on this stream, without GSL's two indirect calls per integer. The arithmetic is GSL 2.7's
/// (`randist/lognormal.c`, `randist/exponential.c`, `rng/rng.c`), operation for operation, and
/// `log`, `log1p` and `exp` are the C library's, as GSL's; the tests compare every draw with
/// GSL's. Other generators go through GSL.
extension RandomStream {
    /// A uniform double in [0, 1): GSL's `gsl_rng_uniform` for MT19937 (its integer / 2³²;
    /// 0 is possible, unlike ``uniform()``).
    @inlinable
    @inline(__always)
    func uniformFromZero(_ mersenne: MersenneTwisterState) -> Double {
        Double(mersenne.next()) * 0x1p-32
    }

    /// A lognormal draw: `exp(zeta + sigma · N)`, N a standard normal from the polar method.
    /// The same number as `gsl_ran_lognormal(rng, zeta, sigma)`.
    /// - Complexity: O(1) expected; two integers per try, π/4 of tries accepted.
    @inlinable
    public func lognormal(zeta: Double, sigma: Double) -> Double {
        guard let mersenne else { return gsl_ran_lognormal(rng, zeta, sigma) }
        var u = 0.0, r2 = 0.0
        repeat {
            u = -1 + 2 * uniformFromZero(mersenne)
            let v = -1 + 2 * uniformFromZero(mersenne)
            r2 = u * u + v * v
        } while r2 > 1.0 || r2 == 0
        let normal = u * (-2.0 * log(r2) / r2).squareRoot()
        return exp(sigma * normal + zeta)
    }

    /// An exponential draw with the given `mean` by inversion, `−mean · log1p(−u)`: the same
    /// number as `gsl_ran_exponential(rng, mean)` (``exponential(mean:)`` is faster but draws
    /// other numbers).
    /// - Complexity: O(1); one integer.
    @inlinable
    public func exponentialByInversion(mean: Double) -> Double {
        guard let mersenne else { return gsl_ran_exponential(rng, mean) }
        return -mean * log1p(-uniformFromZero(mersenne))
    }

    /// GSL's `gsl_rng_uniform_int(rng, n)` for `n` in 1 ... 2³² − 1: the integer divided by
    /// ⌊(2³² − 1) / n⌋, drawn again while it reaches `n`.
    @inlinable
    @inline(__always)
    func uniformInt(below n: UInt32, _ mersenne: MersenneTwisterState) -> UInt32 {
        let scale = UInt32.max / n
        var k: UInt32
        repeat { k = mersenne.next() / scale } while k >= n
        return k
    }
}
