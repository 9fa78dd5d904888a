import ServiceRules

/// The one rule for the names a user writes for tiers, customer grades and products: white space
/// around the name is ignored and so is letter case, and the catalogue's own spelling is what is
/// kept (`" sla-aa "` reads as `SLA-AA`). An unknown name gets the closest known one as a hint,
/// found as for scenario keys (`closestKey`).
struct CatalogueNames: Sendable {
    /// The catalogue's spellings, in catalogue order.
    let keys: [String]
    private let exact: Set<String>
    private let byFolded: [String: String]
    /// Each key's UTF-8 bytes, for `exactKey(_:)`.
    private let keyBytes: [[UInt8]]

    /// Names matching `keys`; of keys equal but for case, the first wins.
    init(_ keys: [String]) {
        self.keys = keys
        self.exact = Set(keys)
        self.keyBytes = keys.map { Array($0.utf8) }
        var byFolded: [String: String] = [:]
        for key in keys where byFolded[Self.fold(key)] == nil { byFolded[Self.fold(key)] = key }
        self.byFolded = byFolded
    }

    /// The catalogue's spelling of `text`, or nil when it names nothing known.
    func canonical(_ text: String) -> String? {
        exact.contains(text) ? text : byFolded[Self.fold(text)]
    }

    /// The key whose spelling `bytes` are exactly (the common case: files written by a program),
    /// found without building a `String`; nil otherwise, and `canonical(_:)` then decides.
    /// - Complexity: O(keys × length), no allocation.
    func exactKey(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        for (index, key) in keyBytes.enumerated() where key.count == bytes.count {
            if key.withUnsafeBufferPointer({ $0.elementsEqual(bytes) }) { return keys[index] }
        }
        return nil
    }

    /// The known name closest to `text`, for "did you mean".
    func suggestion(for text: String) -> String? { closestKey(to: Self.trimmed(text), among: keys) }

    /// `text` trimmed of surrounding white space.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    private static func fold(_ text: String) -> String { trimmed(text).lowercased() }
}
