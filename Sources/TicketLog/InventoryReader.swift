import ServiceRules

/// Reads an inventory CSV (`circuits.csv`) into `Circuit`s.
///
/// Columns, found by header name in any order: `circuit_id,customer_grade,product,tier,monthly_fee`
/// (required) and `vpn,region,start,end` (optional); other columns are ignored with a notice.
/// `tier` may be empty (repair-limit matrix, then QLC); a non-empty tier must be in `knownTiers`.
/// `start`/`end` are a date (`2026-03-15`, meaning 00:00) or a timestamp; `end` is exclusive.
public struct InventoryReader: Sendable {
    /// The built-in tier keys (service-rules §4), until the rule catalogue is wired in.
    public static let builtInTiers: Set<String> = ["SLA-AAA", "SLA-AA", "SLA-A", "MQ-I", "MQ-II", "MQ-III", "QLC"]

    /// Tier keys a row may name.
    public let knownTiers: Set<String>
    /// Parser for `start` / `end`, converting explicit offsets to the calendar's zone.
    public let timestamps: TimestampParser

    /// A reader accepting `knownTiers`, converting explicit offsets to `zone`.
    public init(knownTiers: Set<String> = InventoryReader.builtInTiers, zone: UTCOffset = .shanghai) {
        self.knownTiers = knownTiers
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
        let tier = try tier(row, layout.required("tier"))
        let fee = try row.amount(layout.required("monthly_fee"), "monthly_fee")
        var circuit = Circuit(id: id, customerGrade: grade, product: product, tier: tier, monthlyFee: fee)
        try decodeOptionals(row, into: &circuit)
        return circuit
    }

    private func decodeOptionals(_ row: CSVRow, into circuit: inout Circuit) throws(RejectionReason) {
        circuit.vpn = try row.flag(layout.optional("vpn"), "vpn")
        circuit.region = try row.optionalText(layout.optional("region"), "region")
        circuit.start = try row.instant(layout.optional("start"), "start", parser: reader.timestamps, allowDateOnly: true)
        circuit.end = try row.instant(layout.optional("end"), "end", parser: reader.timestamps, allowDateOnly: true)
        if let start = circuit.start, let end = circuit.end, end <= start { throw .endNotAfterStart }
    }

    private func tier(_ row: CSVRow, _ column: Int) throws(RejectionReason) -> String? {
        guard let tier = try row.optionalText(column, "tier") else { return nil }
        guard reader.knownTiers.contains(tier) else { throw .unknownTier(text: tier) }
        return tier
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
