/// A table of text cells; numeric columns are right-aligned with tabular figures. A figure with
/// its interval (`4,891,600.12 ± 65,447.97`) may break before the `±`, and a column of words
/// (other than the first) keeps a readable width and wraps, so a wide table fits the page instead
/// of scrolling.
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
        let classes = header.indices.map(columnClass)
        let head = header.enumerated().map { "<th\(classes[$0.offset])>\(Markup.escape($0.element))</th>" }.joined()
        let body = rows.enumerated().map { index, row in
            "<tr\(emphasisedRows.contains(index) ? " class=\"total\"" : "")>"
                + row.enumerated().map { cell($0.element, column: $0.offset, classes: classes) }.joined() + "</tr>"
        }.joined(separator: "\n")
        return "<table>\n<thead><tr>\(head)</tr></thead>\n<tbody>\n\(body)\n</tbody>\n</table>"
    }

    /// ` class="num"` for figures, ` class="words"` for a column of long words (a binding
    /// target, not `yes`), nothing otherwise.
    private func columnClass(_ column: Int) -> String {
        if numericColumns.contains(column) { return " class=\"num\"" }
        let holdsLongWords = column > 0 && rows.contains { column < $0.count && $0[column].count > 24 }
        return holdsLongWords ? " class=\"words\"" : ""
    }

    /// A `<td>`; a figure with an interval as two unbreakable parts with a break between them.
    private func cell(_ text: String, column: Int, classes: [String]) -> String {
        guard numericColumns.contains(column), let plusMinus = text.range(of: " ± ") else {
            return "<td\(column < classes.count ? classes[column] : "")>\(Markup.escape(text))</td>"
        }
        let value = Markup.escape(String(text[..<plusMinus.lowerBound]))
        let interval = Markup.escape("± " + text[plusMinus.upperBound...])
        return "<td class=\"num interval\"><span>\(value)</span> <span>\(interval)</span></td>"
    }
}
