import CGSL

/// A view of a GSL MT19937 generator's state that draws its 32-bit integers in Swift, inlined
/// into the caller, instead of through GSL's out-of-line `get` function.
///
/// The draws are GSL's, bit for bit: the view reads and advances the very state GSL keeps
/// (624 words and an index, `mt_state_t` in GSL's `mt.c`), with the same twist and tempering
/// (Matsumoto and Nishimura 1998). So a stream may mix these draws with GSL's own samplers
/// (which call GSL's `get` on the same state) and the sequence is the one GSL alone would give.
/// Two things make it faster than GSL's step: no indirect call per integer, and a twist that
/// selects the magic constant with a mask instead of a branch on a random bit (a branch that
/// is mispredicted half of the time, once per integer).
///
/// GSL does not publish `mt_state_t`, so ``init(_:)`` accepts a generator only when its type
/// is GSL's MT19937 and its state has the expected size and a valid index; otherwise the stream
/// keeps using GSL's `get`. The tests compare the two over several regenerations.
@usableFromInline
internal struct MersenneTwisterState {
    /// Words of state (`N` in the paper).
    @usableFromInline static var wordCount: Int { 624 }
    /// Offset of the word mixed into each twist (`M` in the paper).
    @usableFromInline static var shift: Int { 397 }
    /// Bytes of GSL's `mt_state_t`: 624 `unsigned long` words, an `int` index, padding.
    static var gslStateSize: Int {
        let indexEnd = wordCount * MemoryLayout<UInt>.stride + MemoryLayout<Int32>.stride
        let alignment = MemoryLayout<UInt>.alignment
        return (indexEnd + alignment - 1) / alignment * alignment
    }

    /// The 624 state words (each below 2³², stored as C's `unsigned long`).
    @usableFromInline let words: UnsafeMutablePointer<UInt>
    /// Index of the next word to temper; 624 means the state must be twisted first.
    @usableFromInline let index: UnsafeMutablePointer<Int32>

    /// A view of `rng`'s state, or `nil` if `rng` is not a GSL MT19937 generator laid out as
    /// expected.
    init?(_ rng: UnsafeMutablePointer<gsl_rng>) {
        guard MemoryLayout<UInt>.size == 8,
              rng.pointee.type == faultline_rng_mt19937(),
              rng.pointee.type.pointee.size == Self.gslStateSize,
              let state = rng.pointee.state
        else { return nil }
        words = state.bindMemory(to: UInt.self, capacity: Self.wordCount)
        index = (state + Self.wordCount * MemoryLayout<UInt>.stride)
            .bindMemory(to: Int32.self, capacity: 1)
        guard (0...Int32(Self.wordCount)).contains(index.pointee) else { return nil }
    }

    /// The next 32-bit integer: exactly what GSL's `gsl_rng_get` would return.
    /// - Complexity: O(1); a twist of the 624 words every 624 draws.
    @inlinable
    @inline(__always)
    func next() -> UInt32 {
        var position = Int(index.pointee)
        if position >= Self.wordCount {
            twist()
            position = 0
        }
        index.pointee = Int32(truncatingIfNeeded: position &+ 1)
        return Self.temper(UInt32(truncatingIfNeeded: words[position]))
    }

    /// MT19937's output transformation of one state word.
    @inlinable
    @inline(__always)
    static func temper(_ word: UInt32) -> UInt32 {
        var k = word
        k ^= k &>> 11
        k ^= (k &<< 7) & 0x9D2C_5680
        k ^= (k &<< 15) & 0xEFC6_0000
        k ^= k &>> 18
        return k
    }

    /// Regenerates all 624 words (the twist), as GSL's `mt_get` does when its index is spent.
    @usableFromInline
    func twist() {
        let n = Self.wordCount, m = Self.shift
        for k in 0..<(n - m) {
            words[k] = Self.twisted(words[k], words[k + 1], partner: words[k + m])
        }
        for k in (n - m)..<(n - 1) {
            words[k] = Self.twisted(words[k], words[k + 1], partner: words[k + m - n])
        }
        words[n - 1] = Self.twisted(words[n - 1], words[0], partner: words[m - 1])
        index.pointee = 0
    }

    /// One word of the twist: the upper bit of `upper`, the lower 31 bits of `lower`, shifted,
    /// and the magic matrix applied when the result is odd (by mask, not by branch).
    @inline(__always)
    static func twisted(_ upper: UInt, _ lower: UInt, partner: UInt) -> UInt {
        let y = (upper & 0x8000_0000) | (lower & 0x7FFF_FFFF)
        let magic = (0 &- (y & 1)) & 0x9908_B0DF
        return partner ^ (y &>> 1) ^ magic
    }
}
