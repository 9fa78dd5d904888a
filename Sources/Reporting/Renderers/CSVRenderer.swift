import Reports

/// Writes a report's tables as CSV files, one per table that has a ``Table/csvName``: raw
/// numbers (shares as fractions), an estimate as two columns `name` and `name_ci` (the 95 %
/// half-width, empty with one replication), missing values empty.
public enum CSVRenderer {
    /// One CSV file.
    public struct File: Sendable, Hashable {
        /// The file name (`by-tier.csv`).
        public var name: String
        /// The whole file.
        public var bytes: [UInt8]
    }

    /// The files, in the report's table order.
    /// - Throws: `ReportError` when a row does not fit its header.
    public static func render(_ report: Report) throws(ReportError) -> [File] {
        var files: [File] = []
        for table in report.tables {
            guard let name = table.csvName else { continue }
            files.append(File(name: name + ".csv", bytes: try bytes(table)))
        }
        return files
    }

    /// One table's bytes.
    public static func bytes(_ table: Table) throws(ReportError) -> [UInt8] {
        var writer = CSVWriter(header: header(table))
        for row in table.rows { try writer.append(row.flatMap(CellText.csvFields)) }
        return writer.bytes
    }

    /// Column names; a column holding estimates adds `<name>_ci`.
    static func header(_ table: Table) -> [String] {
        table.columns.enumerated().flatMap { index, column in
            let isEstimate = table.rows.first.map { $0.indices.contains(index) && $0[index].csvWidth == 2 } ?? false
            return isEstimate ? [column.csvName, column.csvName + "_ci"] : [column.csvName]
        }
    }
}
