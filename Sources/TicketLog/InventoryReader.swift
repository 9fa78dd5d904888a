import ServiceRules

/// Reads an inventory CSV (`circuits.csv`) into `Circuit`s.
///
/// Columns, found by header name in any order: `circuit_id,customer_grade,product,tier,monthly_fee`
/// (required) and `vpn,region,start,end` (optional); other columns are ignored with a notice.
/// `tier` may be empty (repair-limit matrix, then QLC). A row whose tier or product the catalogue
/// in force does not know is rejected, as the catalogue's shared `validate` says (a rules file may
/// add tiers and products). `start`/`end` are a date (`2026-03-15`, meaning 00:00) or a timestamp;
/// `end` is exclusive.
public struct InventoryReader: Sendable {
    /// The rules in force: their `validate` decides which tiers and products a row may name.
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
        try read(bytes: SourceFile.load(path: path), path: path)
    }

    /// Reads inventory CSV `bytes`; `path` names them in messages.
    /// - Throws: `TicketLogError` when the whole file is refused.
    public func read(bytes: [UInt8], path: String) throws(TicketLogError) -> IngestResult<Circuit> {
        var ingest = RowIngest(decoder: CircuitRowDecoder(reader: self), path: path)
        return try ingest.run(bytes: bytes)
    }
}

/// Decodes one inventory row; remembers the first line of every circuit id.
struct CircuitRowDecoder: RowDecoder {
    static let schema = ColumnSchema(
        required: ["circuit_id", "customer_grade", "product", "tier", "monthly_fee"],
        optional: ["vpn", "region", "start", "end"])

    let reader: InventoryReader
    var currentID: String?
    private var layout = ColumnLayout.unbound
    private var firstLines: [String: Int] = [:]

    init(reader: InventoryReader) { self.reader = reader }

    mutating func bind(to layout: ColumnLayout, expectedRows: Int) {
        self.layout = layout
        firstLines.reserveCapacity(expectedRows)
    }

    mutating func decode(_ row: CSVRow) throws(RejectionReason) -> Circuit {
        let id = try row.text(layout.required("circuit_id"), "circuit_id")
        currentID = id
        if let first = firstLines[id] { throw .duplicateCircuitID(id: id, firstLine: first) }
        firstLines[id] = row.line
        let grade = try Self.grade(row, layout.required("customer_grade"))
        let product = try row.text(layout.required("product"), "product")
        let tier = try row.optionalText(layout.required("tier"), "tier")
        let fee = try row.amount(layout.required("monthly_fee"), "monthly_fee")
        var circuit = Circuit(id: id, customerGrade: grade, product: product, tier: tier, monthlyFee: fee)
        try decodeOptionals(row, into: &circuit)
        if let rejection = reader.catalogue.validate(circuit) { throw .refusedByRules(rejection) }
        return circuit
    }

    private func decodeOptionals(_ row: CSVRow, into circuit: inout Circuit) throws(RejectionReason) {
        circuit.vpn = try row.flag(layout.optional("vpn"), "vpn")
        circuit.region = try row.optionalText(layout.optional("region"), "region")
        circuit.start = try row.instant(layout.optional("start"), "start", parser: reader.timestamps, allowDateOnly: true)
        circuit.end = try row.instant(layout.optional("end"), "end", parser: reader.timestamps, allowDateOnly: true)
        if let start = circuit.start, let end = circuit.end, end <= start { throw .endNotAfterStart }
    }

    /// Customer grades match their key case-insensitively (`localA`, `locala`, `LOCALA`).
    private static func grade(_ row: CSVRow, _ column: Int) throws(RejectionReason) -> CustomerGrade {
        let text = try row.text(column, "customer_grade")
        guard let grade = gradesByLowercasedKey[text.lowercased()] else { throw .unknownCustomerGrade(text: text) }
        return grade
    }

    private static let gradesByLowercasedKey: [String: CustomerGrade] = Dictionary(
        uniqueKeysWithValues: CustomerGrade.allCases.map { ($0.rawValue.lowercased(), $0) })
}
