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

    /// Names matching `keys`; of keys equal but for case, the first wins.
    init(_ keys: [String]) {
        self.keys = keys
        self.exact = Set(keys)
        var byFolded: [String: String] = [:]
        for key in keys where byFolded[Self.fold(key)] == nil { byFolded[Self.fold(key)] = key }
        self.byFolded = byFolded
    }

    /// The catalogue's spelling of `text`, or nil when it names nothing known.
    func canonical(_ text: String) -> String? {
        exact.contains(text) ? text : byFolded[Self.fold(text)]
    }

    /// The known name closest to `text`, for "did you mean".
    func suggestion(for text: String) -> String? { closestKey(to: Self.trimmed(text), among: keys) }

    /// `text` trimmed of surrounding white space.
    static func trimmed(_ text: String) -> String {
        String(text.drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }

    private static func fold(_ text: String) -> String { trimmed(text).lowercased() }
}
