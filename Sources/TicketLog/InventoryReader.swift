import ServiceRules

/// Reads an inventory CSV (`circuits.csv`) into `Circuit`s.
///
/// Columns, found by header name in any order: `circuit_id,customer_grade,product,tier,monthly_fee`
/// (required) and `vpn,region,start,end,customer_type` (optional); other columns are ignored
/// with a notice. `customer_type` is `industry`, `high-end-cluster`, `brand` or `cluster`; empty
/// (the default) means not known, and the repair limits then go by the grade alone.
/// `tier` may be empty (repair-limit matrix, then QLC). Tiers, grades and products follow one
/// rule (`CatalogueNames`): surrounding white space and letter case are ignored and the
/// catalogue's spelling is kept; a name the catalogue in force does not know rejects the row
/// with the closest known name as a hint (a rules file may add tiers and products).
/// `start`/`end` are a date (`2026-03-15`, meaning 00:00) or a timestamp; `end` is exclusive.
public struct InventoryReader: Sendable {
    /// The rules in force: their tiers and products are the ones a row may name.
    public let catalogue: RuleCatalogue
    /// Parser for `start` / `end`, converting explicit offsets to the calendar's zone.
    public let timestamps: TimestampParser

    /// A reader judging rows by `catalogue`, converting explicit offsets to `zone`.
    public init(catalogue: RuleCatalogue = .builtIn, zone: UTCOffset = .shanghai) {
        self.catalogue = catalogue
        self.timestamps = TimestampParser(zone: zone)
    }

    /// Reads the inventory file at `path`.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(path: String) throws(TicketLogError) -> IngestResult<Circuit> {
        try read(source: SourceFile.map(path: path), path: path)
    }

    /// Reads inventory CSV `bytes`; `path` names them in messages.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(bytes: [UInt8], path: String) throws(TicketLogError) -> IngestResult<Circuit> {
        try read(source: SourceBytes(copying: bytes), path: path)
    }

    private func read(source: SourceBytes, path: String) throws(TicketLogError) -> IngestResult<Circuit> {
        var ingest = RowIngest(decoder: CircuitRowDecoder(reader: self), path: path)
        var result = try ingest.run(source: source)
        if result.rejections.isEmpty { result.admittedIDs = ingest.decoder.takeFirstLines() }
        return result
    }
}

/// Admits inventory rows in file order; remembers the first line of every circuit id.
struct CircuitRowDecoder: RowDecoder {
    static let schema = ColumnSchema(
        required: ["circuit_id", "customer_grade", "product", "tier", "monthly_fee"],
        optional: ["vpn", "region", "start", "end", "customer_type"])

    let reader: InventoryReader
    var currentID: String?
    private var firstLines = IdentifierTable()

    init(reader: InventoryReader) { self.reader = reader }

    mutating func warm(hash: UInt64, ahead: Int32) { firstLines.warm(hash: hash) }

    /// The ids admitted so far, in the order first seen (with no row rejected: the accepted
    /// circuits' ids by position), handed over and no longer kept here.
    mutating func takeFirstLines() -> IdentifierTable {
        var taken = IdentifierTable()
        swap(&taken, &firstLines)
        return taken
    }

    mutating func bind(to layout: ColumnLayout, expectedRows: Int) -> CircuitRowDrafter {
        firstLines = IdentifierTable(expectedCount: expectedRows)
        return CircuitRowDrafter(reader: reader, columns: CircuitColumns(layout))
    }

    /// The checks in the order one row is read: id, duplicate id, then the rest. `currentID`
    /// is set only when the row is rejected (it is read only then): an accepted row, nearly
    /// every row, costs no retain and release of its id here.
    mutating func admit(_ draft: consuming CircuitRowDrafter.Draft, line: Int) throws(RejectionReason) -> Circuit? {
        if let first = firstLines.insert(draft.id, hash: draft.idHash, value: line) {
            currentID = draft.id
            throw .duplicateCircuitID(id: draft.id, firstLine: first)
        }
        if let rejection = draft.rejection {
            currentID = draft.id
            throw rejection
        }
        return draft.circuit.take()
    }
}

/// Column positions of an inventory file, resolved once from the header.
struct CircuitColumns: Sendable {
    let circuitID, customerGrade, product, tier, monthlyFee: Int
    let vpn, region, start, end, customerType: Int?

    init(_ layout: ColumnLayout) {
        circuitID = layout.required("circuit_id")
        customerGrade = layout.required("customer_grade")
        product = layout.required("product")
        tier = layout.required("tier")
        monthlyFee = layout.required("monthly_fee")
        vpn = layout.optional("vpn")
        region = layout.optional("region")
        start = layout.optional("start")
        end = layout.optional("end")
        customerType = layout.optional("customer_type")
    }
}

/// Decodes one inventory row on its own (any thread): everything but the duplicate-id check,
/// which ``CircuitRowDecoder`` makes in file order.
struct CircuitRowDrafter: RowDrafter {
    /// An inventory row as read on its own: its circuit, or its id and why the row is rejected.
    /// One flat value, no `Result` around the circuit: drafts are moved from thread to array to
    /// admission, and each layer would be another copy of some 100 bytes.
    struct Draft: RowDraft {
        /// The circuit (when `rejection` is set, only its id is read); optional only so that
        /// admission can move it out (`take()`) rather than copy it.
        var circuit: Circuit?
        /// Why the row is rejected, or nil.
        var rejection: RejectionReason?
        let idHash: UInt64

        /// The circuit's id.
        var id: String { circuit!.id }
    }

    let reader: InventoryReader
    let columns: CircuitColumns
    private let tiers: CatalogueNames
    private let products: CatalogueNames

    init(reader: InventoryReader, columns: CircuitColumns) {
        self.reader = reader
        self.columns = columns
        tiers = CatalogueNames(reader.catalogue.tiers.map(\.key))
        products = CatalogueNames(reader.catalogue.products.map(\.key))
    }

    func draft(_ row: CSVRow) throws(RejectionReason) -> Draft {
        let id = try row.text(columns.circuitID, "circuit_id")
        let idHash = IdentifierTable.hash(id)
        var circuit = Circuit(id: id, customerGrade: .group, product: "", tier: nil, monthlyFee: 0)
        var rejection: RejectionReason?
        do {
            try decode(row, into: &circuit)
        } catch {
            rejection = error
        }
        return Draft(circuit: circuit, rejection: rejection, idHash: idHash)
    }

    /// Fills in everything but the id. The tier and product are keys of the catalogue in force
    /// (``CatalogueNames`` of its tiers and products), so its `validate` never refuses them.
    private func decode(_ row: CSVRow, into circuit: inout Circuit) throws(RejectionReason) {
        circuit.customerGrade = try Self.grade(row, columns.customerGrade)
        circuit.product = products.keys[try Self.nameIndex(row, columns.product, "product", among: products)]
        circuit.tier = try Self.optionalNameIndex(row, columns.tier, "tier", among: tiers).map { tiers.keys[$0] }
        circuit.monthlyFee = try row.amount(columns.monthlyFee, "monthly_fee")
        try decodeOptionals(row, into: &circuit)
    }

    private func decodeOptionals(_ row: CSVRow, into circuit: inout Circuit) throws(RejectionReason) {
        circuit.vpn = try row.flag(columns.vpn, "vpn")
        circuit.region = try row.optionalText(columns.region, "region")
        circuit.start = try row.instant(columns.start, "start", parser: reader.timestamps, allowDateOnly: true)
        circuit.end = try row.instant(columns.end, "end", parser: reader.timestamps, allowDateOnly: true)
        if let start = circuit.start, let end = circuit.end, end <= start { throw .endNotAfterStart }
        if let column = columns.customerType,
           let type = try Self.optionalNameIndex(row, column, "customer_type", among: Self.customerTypes) {
            circuit.customerType = CustomerType.allCases[type]
        }
    }

    private static let customerTypes = CatalogueNames(CustomerType.allCases.map(\.rawValue))

    /// A customer grade, by the one rule for names (`localA`, ` locala`, `LOCALA`).
    private static func grade(_ row: CSVRow, _ column: Int) throws(RejectionReason) -> CustomerGrade {
        CustomerGrade.allCases[try nameIndex(row, column, "customer_grade", among: grades)]
    }

    /// The grades' names, in `CustomerGrade.allCases` order (a name's place is its grade's).
    private static let grades = CatalogueNames(CustomerGrade.allCases.map(\.rawValue))

    /// The place in `names.keys` of a required name; empty (after trimming) is an empty field.
    private static func nameIndex(_ row: CSVRow, _ column: Int, _ field: String, among names: CatalogueNames) throws(RejectionReason) -> Int {
        guard let index = try optionalNameIndex(row, column, field, among: names) else { throw .emptyField(field: field) }
        return index
    }

    /// The place in `names.keys` of an optional name: nil when empty or only white space.
    private static func optionalNameIndex(_ row: CSVRow, _ column: Int, _ field: String, among names: CatalogueNames) throws(RejectionReason) -> Int? {
        let bytes = row[column]
        if !bytes.hasDoubledQuotes, let index = names.exactIndex(bytes.bytes) { return index }
        guard let text = try row.optionalText(column, field), !CatalogueNames.trimmed(text).isEmpty else { return nil }
        guard let index = names.canonicalIndex(text) else {
            throw .unknownName(field: field, text: text, suggestion: names.suggestion(for: text), known: names.keys)
        }
        return index
    }
}
