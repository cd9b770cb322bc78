import Analysis
import Testing

/// The fitting table: inline when it fits, intervals under the values when not, columns wrapped
/// into blocks (label repeated) when even that is too wide; never wider than asked.
@Suite struct FittedTableTests {
    static let table = FittedTable(
        labelTitle: ["scenario"], labels: ["alpha", "a-much-longer-scenario-name"],
        columns: (1...6).map { i in
            FittedTable.Column(title: ["metric", "\(i)"], cells: [FittedTable.Cell("25 d", "(23–27)"), FittedTable.Cell("3.1 h*", "(2.9–3.3)")])
        })

    @Test func inlineWhenItFits() {
        let text = Self.table.render(width: 200)
        #expect(text.contains("25 d (23–27)") && text.split(separator: "\n").count == 5)
    }

    @Test func stackedThenBlocks() {
        for width in [80, 60, 40, 30] {
            let text = Self.table.render(width: width)
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= width }, "\(width):\n\(text)")
            #expect(!text.contains("25 d (23–27)"))
        }
        let narrow = Self.table.render(width: 40)
        #expect(narrow.components(separatedBy: "\nalpha ").count > 2, "each block repeats the labels")
        #expect(narrow.contains("\na-much-longer-s… "), "labels shortened to 40% of the width:\n\(narrow)")
    }

    @Test func wrapping() {
        #expect(TextWrap.wrap("one two three four", width: 9, indent: 2) == "one two\n  three\n  four")
        #expect(TextWrap.wrap("abcdefghijkl", width: 8) == "abcdefgh\nijkl")
        #expect(TextWrap.truncate("abcdef", 4) == "abc…")
    }
}
