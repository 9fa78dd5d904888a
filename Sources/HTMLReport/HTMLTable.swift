/// A table of text cells; numeric columns are right-aligned with tabular figures.
public struct HTMLTable: Sendable, Hashable {
    /// Column headings.
    public var header: [String]
    /// Rows of cells (as many as headings).
    public var rows: [[String]]
    /// Indices of the columns to right-align (figures).
    public var numericColumns: Set<Int>
    /// Rows to emphasise (e.g. a total), by index.
    public var emphasisedRows: Set<Int>

    /// A table; by default every column but the first is numeric.
    public init(header: [String], rows: [[String]], numericColumns: Set<Int>? = nil, emphasisedRows: Set<Int> = []) {
        self.header = header
        self.rows = rows
        self.numericColumns = numericColumns ?? Set(1..<Swift.max(1, header.count))
        self.emphasisedRows = emphasisedRows
    }

    /// The `<table>` element; every cell escaped.
    public func html() -> String {
        let head = header.enumerated().map { "<th\(alignment($0.offset))>\(Markup.escape($0.element))</th>" }.joined()
        let body = rows.enumerated().map { index, row in
            "<tr\(emphasisedRows.contains(index) ? " class=\"total\"" : "")>"
                + row.enumerated().map { "<td\(alignment($0.offset))>\(Markup.escape($0.element))</td>" }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(body)\n</tbody>\n</table>"
    }

    private func alignment(_ column: Int) -> String { numericColumns.contains(column) ? " class=\"num\"" : "" }
}
