/// Named streams: reproducible, independent-looking streams derived from a master seed.
extension RandomStream {
    /// Creates the stream for one purpose in one replication.
    ///
    /// The same `(masterSeed, replication, name, generator)` always gives the same numbers, on any
    /// machine and thread; a different name or replication gives an unrelated sequence.
    ///
    /// The 64-bit seed is derived as
    /// ```
    /// mix(z)  = SplitMix64 finaliser: z ^= z >> 30; z &*= 0xBF58476D1CE4E5B9;
    ///                                 z ^= z >> 27; z &*= 0x94D049BB133111EB; z ^= z >> 31
    /// fnv(s)  = FNV-1a 64 over the UTF-8 bytes of s
    ///           (offset basis 0xCBF29CE484222325, prime 0x100000001B3)
    /// γ       = 0x9E3779B97F4A7C15
    /// a       = mix(masterSeed &+ γ)
    /// b       = mix((a ^ UInt64(bitPattern: Int64(replication))) &+ γ)
    /// seed    = mix(b ^ fnv(name))
    /// ```
    /// and then reduced to GSL's 32 bits as described on ``RandomStream`` (`low32 ⊕ high32`,
    /// 0 mapped away). Because GSL's generators take 32-bit seeds, two different names collide
    /// with probability about 2⁻³² per pair.
    /// - Parameters:
    ///   - masterSeed: the experiment's seed.
    ///   - replication: the replication index (0-based by convention).
    ///   - name: the purpose, e.g. `"arrivals/leased-line/north"`; compared byte for byte.
    ///   - generator: the algorithm, MT19937 by default.
    public convenience init(
        masterSeed: UInt64, replication: Int, name: String, generator: GeneratorKind = .mt19937
    ) {
        let seed = RandomStream.derivedSeed(masterSeed: masterSeed, replication: replication, name: name)
        self.init(seed: seed, generator: generator)
    }

    /// The documented 64-bit seed of a named stream (before GSL's 32-bit reduction).
    public static func derivedSeed(masterSeed: UInt64, replication: Int, name: String) -> UInt64 {
        let golden: UInt64 = 0x9E37_79B9_7F4A_7C15
        let a = splitMix64Finalise(masterSeed &+ golden)
        let b = splitMix64Finalise((a ^ UInt64(bitPattern: Int64(replication))) &+ golden)
        return splitMix64Finalise(b ^ fnv1a64(name))
    }

    /// SplitMix64's output function: a bijective, well-avalanching 64-bit mix.
    static func splitMix64Finalise(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// FNV-1a, 64-bit, over the UTF-8 encoding of `text`.
    static func fnv1a64(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in text.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        }
        return hash
    }
}
