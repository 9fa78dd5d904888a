import HTMLReport

/// Writes a report for a person at a terminal: the headline, key figures, each section's
/// title, tables in aligned columns and text, then the method notes. Charts are left out.
public enum TerminalRenderer {
    /// The whole text, without a final newline.
    public static func render(_ report: Report) -> String {
        var lines = [headline(report), ""]
        if !report.keyFigures.isEmpty {
            lines += report.keyFigures.map { "  \($0.label): \(CellText.text($0.value))" + ($0.detail.isEmpty ? "" : " (\($0.detail))") }
            lines.append("")
        }
        for section in report.sections { lines += self.section(section) }
        lines += report.notes.map { "note: " + $0.text }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// `faultline COMMAND · context · … · 1.23 s on 4 threads`.
    static func headline(_ report: Report) -> String {
        var parts = ["faultline \(report.command)"] + report.context
        if let timing = report.timing {
            parts.append("\(NumberText.fixed(timing.wallSeconds, 2)) s on \(timing.threads) thread\(timing.threads == 1 ? "" : "s")")
        }
        return parts.joined(separator: " · ")
    }

    static func section(_ section: Section) -> [String] {
        let shown = section.blocks.contains {
            switch $0 {
            case .table(let table): return table.isShownToPeople && table.isOnTerminal
            case .text: return true
            case .charts: return false
            }
        }
        guard shown else { return [] }
        var lines = [section.lead.isEmpty ? section.title : "\(section.title): \(section.lead)"]
        for block in section.blocks {
            switch block {
            case .table(let table) where table.isShownToPeople && table.isOnTerminal: lines += self.table(table)
            case .table: continue
            case .text(let text): lines.append(text)
            case .charts: continue
            }
        }
        lines.append("")
        return lines
    }

    /// The table in columns, each as wide as its widest cell: columns of text left-aligned, the
    /// others right-aligned; no heading row when every heading is empty; trailing spaces trimmed.
    public static func table(_ table: Table) -> [String] {
        let headings = table.columns.map(\.heading)
        let rows = (headings.allSatisfy(\.isEmpty) ? [] : [headings]) + table.rows.map { $0.map(CellText.text) }
        let widths = table.columns.indices.map { column in rows.map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0 }
        let leftAligned = table.columns.indices.map { column in
            column == 0 || table.rows.allSatisfy { row in
                row.indices.contains(column) && row[column].isWords
            }
        }
        return rows.map { row in
            let cells = row.prefix(widths.count).enumerated().map { index, text in
                let pad = String(repeating: " ", count: max(0, widths[index] - text.count))
                return leftAligned[index] ? text + pad : pad + text
            }
            let line = "  " + cells.joined(separator: "  ")
            return String(line.reversed().drop { $0 == " " }.reversed())
        }
    }
}
