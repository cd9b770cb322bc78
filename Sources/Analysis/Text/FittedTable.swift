/// A table that fits a width: one labelled row per item (a scenario, a step), a column per
/// value, each cell a main text and an optional second text (its interval).
///
/// It tries, in order: every cell on one line ("25 d (23–27)"); the second texts on a line of
/// their own under each row; and, when even that is too wide, the columns wrapped into several
/// blocks, each repeating the label column. Labels longer than ``maxLabelShare`` of the width
/// are shortened with "…". No line is wider than the width, unless a single column with its
/// label is.
public struct FittedTable: Sendable {
    /// One cell: the value, and what goes beside or under it (an interval), dimmed when under.
    public struct Cell: Sendable, Equatable {
        public var main: String
        public var sub: String?
        public init(_ main: String, _ sub: String? = nil) {
            self.main = main
            self.sub = sub
        }
        var inline: String { sub.map { "\(main) \($0)" } ?? main }
    }

    /// A column: its title lines (bottom-aligned) and a cell per row.
    public struct Column: Sendable {
        public var title: [String]
        public var cells: [Cell]
        /// Left-aligned (text) or right-aligned (numbers).
        public var leftAligned: Bool
        public init(title: [String], cells: [Cell], leftAligned: Bool = false) {
            self.title = title
            self.cells = cells
            self.leftAligned = leftAligned
        }
    }

    public var labelTitle: [String]
    public var labels: [String]
    public var columns: [Column]

    /// Labels may take at most this share of the width (at least 12 characters).
    public static let maxLabelShare = 0.4

    public init(labelTitle: [String], labels: [String], columns: [Column]) {
        self.labelTitle = labelTitle
        self.labels = labels
        self.columns = columns
    }

    /// True if some label was shortened at `width`.
    public func shortensLabels(width: Int) -> Bool { labels.contains { $0.count > labelWidth(width) } }

    private func labelWidth(_ width: Int) -> Int {
        let longest = (labels + labelTitle).map(\.count).max() ?? 0
        return min(longest, max(12, Int(Double(width) * Self.maxLabelShare)))
    }

    /// The table at most `width` characters wide (`Int.max`: as wide as it needs).
    public func render(width: Int, style: TextStyle = .plain) -> String {
        let labelWidth = labelWidth(width)
        let gap = 2
        func widths(stacked: Bool) -> [Int] {
            columns.map { column in
                let cells = column.cells.flatMap { stacked ? [$0.main, $0.sub ?? ""] : [$0.inline] }
                return (column.title + cells).map(\.count).max() ?? 0
            }
        }
        let inline = widths(stacked: false)
        if labelWidth + inline.reduce(0, { $0 + gap + $1 }) <= width {
            return block(Array(columns.indices), widths: inline, labelWidth: labelWidth, stacked: false, style: style)
        }
        let stacked = widths(stacked: true)
        // Greedy blocks of columns that fit beside the label.
        var blocks: [[Int]] = [[]]
        var used = labelWidth
        for (i, w) in stacked.enumerated() {
            if !blocks[blocks.count - 1].isEmpty && used + gap + w > width {
                blocks.append([])
                used = labelWidth
            }
            blocks[blocks.count - 1].append(i)
            used += gap + w
        }
        return blocks.map { block($0, widths: stacked, labelWidth: labelWidth, stacked: true, style: style) }.joined(separator: "\n")
    }

    private func block(_ indices: [Int], widths: [Int], labelWidth: Int, stacked: Bool, style: TextStyle) -> String {
        let titleLines = max(labelTitle.count, indices.map { columns[$0].title.count }.max() ?? 0)
        func titled(_ title: [String], _ line: Int) -> String {
            let offset = titleLines - title.count
            return line >= offset ? title[line - offset] : ""
        }
        func pad(_ text: String, _ width: Int, left: Bool) -> String {
            let fill = String(repeating: " ", count: max(0, width - text.count))
            return left ? text + fill : fill + text
        }
        func line(_ label: String, _ cells: [String]) -> String {
            var text = pad(TextWrap.truncate(label, labelWidth), labelWidth, left: true)
            for (i, cell) in zip(indices, cells) { text += "  " + pad(cell, widths[i], left: columns[i].leftAligned) }
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var out: [String] = []
        for l in 0..<titleLines {
            out.append(style.bold(line(titled(labelTitle, l), indices.map { titled(columns[$0].title, l) })))
        }
        out.append(([labelWidth] + indices.map { widths[$0] }).map { String(repeating: "-", count: $0) }.joined(separator: "  "))
        for (r, label) in labels.enumerated() {
            let cells = indices.map { columns[$0].cells[r] }
            if stacked {
                out.append(line(label, cells.map(\.main)))
                if cells.contains(where: { $0.sub != nil }) { out.append(style.dim(line("", cells.map { $0.sub ?? "" }))) }
            } else {
                out.append(line(label, cells.map(\.inline)))
            }
        }
        return out.joined(separator: "\n") + "\n"
    }
}
