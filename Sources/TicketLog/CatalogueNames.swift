#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import ServiceRules

/// The one rule for the names a user writes for tiers, customer grades and products: white space
/// around the name is ignored and so is letter case, and the catalogue's own spelling is what is
/// kept (`" sla-aa "` reads as `SLA-AA`). An unknown name gets the closest known one as a hint,
/// found as for scenario keys (`closestKey`).
struct CatalogueNames: Sendable {
    /// The catalogue's spellings, in catalogue order.
    let keys: [String]
    /// Each spelling → its first place in `keys`.
    private let exact: [String: Int]
    /// Each spelling trimmed and lower-cased → the first place in `keys` of a key folding to it.
    private let byFolded: [String: Int]
    /// Each key's UTF-8 bytes, for `exactIndex(_:)`.
    private let keyBytes: [[UInt8]]
    /// Each key's ``Head``, compared before its bytes.
    private let heads: [Head]

    /// A spelling's length and first eight bytes (zero-padded): two words that tell most
    /// catalogue names apart without looking further.
    private struct Head: Equatable, Sendable {
        var count: Int
        var prefix: UInt64

        init(_ bytes: UnsafeBufferPointer<UInt8>) {
            count = bytes.count
            prefix = 0
            guard let base = bytes.baseAddress else { return }
            if count >= 8 { prefix = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self); return }
            for offset in 0..<count { prefix |= UInt64(bytes[offset]) << (8 * offset) }
        }
    }

    /// Names matching `keys`; of keys equal but for case, the first wins.
    init(_ keys: [String]) {
        self.keys = keys
        var exact: [String: Int] = [:]
        var byFolded: [String: Int] = [:]
        for (index, key) in keys.enumerated() {
            if exact[key] == nil { exact[key] = index }
            if byFolded[Self.fold(key)] == nil { byFolded[Self.fold(key)] = index }
        }
        self.exact = exact
        self.byFolded = byFolded
        keyBytes = keys.map { Array($0.utf8) }
        heads = keyBytes.map { $0.withUnsafeBufferPointer(Head.init) }
    }

    /// The place in `keys` of the catalogue's spelling of `text`, or nil when it names nothing known.
    func canonicalIndex(_ text: String) -> Int? { exact[text] ?? byFolded[Self.fold(text)] }

    /// The place in `keys` of the key whose spelling `bytes` are exactly (the common case: files
    /// written by a program), found without building a `String`; nil otherwise, and
    /// `canonicalIndex(_:)` then decides.
    /// - Complexity: O(keys) word comparisons, then one comparison of the bytes past the
    ///   eighth; no allocation.
    func exactIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let head = Head(bytes)
        for index in heads.indices where heads[index] == head {
            if bytes.count <= 8 || Self.restIsEqual(keyBytes[index], bytes) { return index }
        }
        return nil
    }

    /// True when `key` and `bytes` (of the same length, over eight bytes) agree past their eighth byte.
    private static func restIsEqual(_ key: [UInt8], _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        key.withUnsafeBufferPointer { memcmp($0.baseAddress! + 8, bytes.baseAddress! + 8, bytes.count - 8) == 0 }
    }

    /// The known name closest to `text`, for "did you mean".
    func suggestion(for text: String) -> String? { closestKey(to: Self.trimmed(text), among: keys) }

    /// `text` trimmed of surrounding white space.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    private static func fold(_ text: String) -> String { trimmed(text).lowercased() }
}
