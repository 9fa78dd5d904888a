/// The columns a reader knows, in contract order.
struct ColumnSchema: Sendable {
    /// Columns that must be in the header.
    let required: [String]
    /// Columns that may be in the header.
    let optional: [String]

    var all: [String] { required + optional }
}

/// Where each known column sits in one file's header, found by name (any order, any case).
struct ColumnLayout: Sendable {
    /// Number of fields every row must have (the header's field count).
    let width: Int
    /// Header columns the reader does not know, in header order.
    let ignored: [String]
    private let positions: [String: Int]

    /// Matches `header` against `schema`; refuses the file when a required column is absent,
    /// a known column repeats, or no known column appears at all.
    init(header: [String], schema: ColumnSchema, path: String) throws(TicketLogError) {
        let known = Set(schema.all)
        var positions: [String: Int] = [:]
        var ignored: [String] = []
        for (index, raw) in header.enumerated() {
            let name = ColumnLayout.normalized(raw)
            guard known.contains(name) else {
                ignored.append(name.isEmpty ? "(unnamed column \(index + 1))" : raw)
                continue
            }
            guard positions[name] == nil else { throw .duplicateColumn(path: path, column: name) }
            positions[name] = index
        }
        guard !positions.isEmpty else { throw .notCSV(path: path, reason: .noExpectedColumns(header: header)) }
        let missing = schema.required.filter { positions[$0] == nil }
        guard missing.isEmpty else { throw .missingColumns(path: path, columns: missing) }
        self.width = header.count
        self.ignored = ignored
        self.positions = positions
    }

    /// The column index of a required column.
    func required(_ name: String) -> Int { positions[name]! }

    /// The column index of an optional column, nil when the file lacks it.
    func optional(_ name: String) -> Int? { positions[name] }

    /// Header names compare trimmed of spaces and case-insensitively.
    static func normalized(_ name: String) -> String {
        String(name.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()).lowercased()
    }
}
