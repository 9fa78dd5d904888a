/// One self-contained HTML report: a title, key figures as big numbers, and sections like
/// slides (a heading, a one-line message, charts and tables). Styles are inline, charts inline
/// SVG, nothing is loaded from the network, and each section starts a new page when printed.
/// The same content gives the same bytes.
public struct HTMLPage: Sendable {
    /// A headline number: `97.1 %` with its label and a short detail.
    public struct KeyFigure: Sendable, Hashable {
        public var label: String, value: String, detail: String

        /// A key figure.
        public init(label: String, value: String, detail: String = "") {
            self.label = label
            self.value = value
            self.detail = detail
        }
    }

    /// A piece of a section.
    public enum Block: Sendable {
        /// A chart (an `<svg>` from one of this module's charts) with a caption under it.
        case chart(svg: String, caption: String)
        /// Charts side by side, `columns` per row (small multiples).
        case charts([String], columns: Int, caption: String)
        /// A table.
        case table(HTMLTable)
        /// Big numbers in a row.
        case keyFigures([KeyFigure])
        /// A paragraph of text.
        case text(String)
    }

    /// A section: one slide's worth.
    public struct Section: Sendable {
        /// Anchor name (letters, digits and `-`).
        public var id: String
        /// The heading.
        public var title: String
        /// The one-line message under the heading.
        public var lead: String
        /// The content, top to bottom.
        public var blocks: [Block]

        /// A section.
        public init(id: String, title: String, lead: String, blocks: [Block]) {
            self.id = id
            self.title = title
            self.lead = lead
            self.blocks = blocks
        }
    }

    /// The document title (also the browser tab's).
    public var title: String
    /// One line under the title: what was run, how.
    public var subtitle: String
    /// The big numbers at the top.
    public var keyFigures: [KeyFigure]
    /// The sections, in order.
    public var sections: [Section]
    /// A closing note: how to read the figures.
    public var footer: String

    /// A page.
    public init(title: String, subtitle: String, keyFigures: [KeyFigure], sections: [Section], footer: String) {
        self.title = title
        self.subtitle = subtitle
        self.keyFigures = keyFigures
        self.sections = sections
        self.footer = footer
    }

    /// The whole HTML document.
    public func render() -> String {
        var out = ["<!DOCTYPE html>", "<html lang=\"en\">", "<head>", "<meta charset=\"utf-8\">",
                   "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                   "<title>\(Markup.escape(title))</title>", "<style>", Self.styleSheet, "</style>", "</head>", "<body>"]
        out.append("<header class=\"cover\">\n<h1>\(Markup.escape(title))</h1>\n<p class=\"subtitle\">\(Markup.escape(subtitle))</p>")
        if !keyFigures.isEmpty { out.append(Self.figures(keyFigures)) }
        out.append(contents())
        out.append("</header>")
        for section in sections { out.append(Self.section(section)) }
        out.append("<footer>\(Markup.escape(footer))</footer>")
        out += ["</body>", "</html>", ""]
        return out.joined(separator: "\n")
    }

    private func contents() -> String {
        "<nav><ol>" + sections.map { "<li><a href=\"#\(Self.anchor($0.id))\">\(Markup.escape($0.title))</a></li>" }.joined() + "</ol></nav>"
    }

    static func section(_ section: Section) -> String {
        var out = ["<section id=\"\(anchor(section.id))\">", "<h2>\(Markup.escape(section.title))</h2>",
                   "<p class=\"lead\">\(Markup.escape(section.lead))</p>"]
        for block in section.blocks { out.append(self.block(block)) }
        out.append("</section>")
        return out.joined(separator: "\n")
    }

    static func block(_ block: Block) -> String {
        switch block {
        case .chart(let svg, let caption):
            return "<figure>\n\(svg)\n<figcaption>\(Markup.escape(caption))</figcaption>\n</figure>"
        case .charts(let svgs, let columns, let caption):
            return "<figure class=\"multiples\">\n<div class=\"grid\" style=\"grid-template-columns:repeat(\(max(1, columns)),1fr)\">\n"
                + svgs.map { "<div>\($0)</div>" }.joined(separator: "\n")
                + "\n</div>\n<figcaption>\(Markup.escape(caption))</figcaption>\n</figure>"
        case .table(let table): return "<div class=\"table\">\n\(table.html())\n</div>"
        case .keyFigures(let list): return figures(list)
        case .text(let text): return "<p class=\"note\">\(Markup.escape(text))</p>"
        }
    }

    static func figures(_ list: [KeyFigure]) -> String {
        "<div class=\"figures\">\n" + list.map { figure in
            "<div class=\"figure\"><div class=\"value\">\(Markup.escape(figure.value))</div>"
                + "<div class=\"label\">\(Markup.escape(figure.label))</div>"
                + (figure.detail.isEmpty ? "" : "<div class=\"detail\">\(Markup.escape(figure.detail))</div>") + "</div>"
        }.joined(separator: "\n") + "\n</div>"
    }

    /// `id` reduced to letters, digits and `-`.
    static func anchor(_ id: String) -> String {
        String(id.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" })
    }

    /// The styles: a muted slide look on screen; A4 landscape pages, one section each, in print.
    static let styleSheet = """
        :root { --ink: \(Palette.ink); --muted: \(Palette.muted); --rule: \(Palette.grid); --accent: \(Palette.series(0)); }
        * { box-sizing: border-box; }
        body { margin: 0; background: #F5F6F8; color: var(--ink);
          font-family: "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
          font-size: 15px; line-height: 1.45; }
        header.cover, section { max-width: 1200px; margin: 24px auto; padding: 28px 40px 32px;
          background: #FFFFFF; border-radius: 6px; box-shadow: 0 1px 3px rgba(31,41,51,0.12); }
        h1 { font-size: 34px; margin: 0 0 6px; letter-spacing: -0.01em; }
        h2 { font-size: 26px; margin: 0 0 4px; border-left: 6px solid var(--accent); padding-left: 12px; }
        .subtitle { color: var(--muted); margin: 0 0 22px; }
        .lead { color: var(--muted); font-size: 17px; margin: 0 0 18px; padding-left: 18px; }
        .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(160px, 1fr)); gap: 14px; margin: 8px 0 20px; }
        .figure { border-top: 3px solid var(--accent); background: #F8FAFC; padding: 12px 14px 14px; }
        .figure .value { font-size: 34px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
        .figure .label { font-size: 14px; font-weight: 600; margin-top: 4px; }
        .figure .detail { font-size: 13px; color: var(--muted); }
        nav ol { columns: 2; margin: 0; padding-left: 20px; color: var(--muted); }
        nav a { color: var(--ink); text-decoration: none; }
        figure { margin: 0 0 18px; }
        figcaption { color: var(--muted); font-size: 13px; margin-top: 6px; }
        svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
        .grid { display: grid; gap: 12px 24px; }
        .table { overflow-x: auto; margin: 6px 0 14px; }
        table { border-collapse: collapse; width: 100%; font-size: 14px; }
        th { text-align: left; font-weight: 600; color: var(--muted); border-bottom: 2px solid var(--rule); padding: 6px 10px; }
        td { border-bottom: 1px solid var(--rule); padding: 5px 10px; white-space: pre-line; }
        .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        th.num, .num.interval { white-space: normal; }
        .num.interval span { white-space: nowrap; }
        .words { min-width: 12em; }
        tr.total td { font-weight: 700; border-top: 2px solid var(--rule); }
        .note { color: var(--muted); font-size: 13px; }
        footer { max-width: 1200px; margin: 0 auto 32px; padding: 0 40px; color: var(--muted); font-size: 12px; }
        @page { size: A4 landscape; margin: 12mm; }
        @media print {
          body { background: #FFFFFF; font-size: 12px; }
          header.cover, section { box-shadow: none; margin: 0; padding: 0; max-width: none; border-radius: 0; }
          section { break-before: page; }
          figure, table, .figures, .grid > div { break-inside: avoid; }
          figure.multiples { break-inside: auto; }
          nav { display: none; }
        }
        """
}
