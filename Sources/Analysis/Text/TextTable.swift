/// A plain-text table with aligned columns: the first columns left-aligned (names), the others
/// right-aligned (numbers), a dashed rule under the header rows.
public struct TextTable: Sendable {
    public var header: [[String]]
    public var rows: [[String]]
    /// How many leading columns are left-aligned.
    public var leftAligned: Int

    public init(header: [[String]], rows: [[String]] = [], leftAligned: Int = 1) {
        self.header = header
        self.rows = rows
        self.leftAligned = leftAligned
    }

    /// The table; with an enabled `style` the header rows are bold.
    public func render(style: TextStyle = .plain) -> String {
        let all = header + rows
        let columns = all.map(\.count).max() ?? 0
        let widths = (0..<columns).map { c in all.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        func line(_ row: [String]) -> String {
            let cells = (0..<columns).map { c -> String in
                let cell = c < row.count ? row[c] : ""
                let pad = String(repeating: " ", count: widths[c] - cell.count)
                return c < leftAligned ? cell + pad : pad + cell
            }
            var text = cells.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var out = header.map { style.bold(String(line($0).dropLast())) + "\n" }.joined()
        if !header.isEmpty { out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n" }
        return out + rows.map(line).joined()
    }
}
