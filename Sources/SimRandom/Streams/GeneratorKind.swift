import CGSL

/// The pseudo-random generator algorithm behind a ``RandomStream``.
///
/// All three are GSL generators with a period far beyond any simulation's needs; they differ in
/// speed and statistical pedigree. `mt19937` is the default and the fastest; `ranlxd2` is the
/// slow, high-quality choice for checking that a result does not depend on the generator.
public enum GeneratorKind: String, Sendable, CaseIterable {
    /// Mersenne Twister MT19937 (default).
    case mt19937
    /// RANLUX, second luxury level, double precision (slow, very high quality).
    case ranlxd2
    /// L'Ecuyer's maximally equidistributed combined Tausworthe generator.
    case taus2

    /// GSL's type descriptor for this generator.
    var descriptor: UnsafePointer<gsl_rng_type> {
        switch self {
        case .mt19937: faultline_rng_mt19937()
        case .ranlxd2: faultline_rng_ranlxd2()
        case .taus2: faultline_rng_taus2()
        }
    }
}
