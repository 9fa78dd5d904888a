import Reports

/// Writes a report's tables as CSV files, one per table that has a ``Table/csvName``: raw
/// numbers (shares as fractions), an estimate as two columns `name` and `name_ci` (the 95 %
/// half-width, empty with one replication; other cells of such a column leave `_ci` empty),
/// missing values empty.
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
        let widths = table.columns.indices.map { index in
            table.rows.map { $0.indices.contains(index) ? $0[index].csvWidth : 1 }.max() ?? 1
        }
        var writer = CSVWriter(header: zip(table.columns, widths).flatMap { column, width in
            width == 2 ? [column.csvName, column.csvName + "_ci"] : [column.csvName]
        })
        for row in table.rows {
            try writer.append(zip(row, widths).flatMap { cell, width in
                let fields = CellText.csvFields(cell)
                return fields + Array(repeating: "", count: width - fields.count)
            })
        }
        return writer.bytes
    }
}
