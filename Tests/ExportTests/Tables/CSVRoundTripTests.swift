import Analysis
import ScenarioFile
import Testing

/// The reader the report uses (ScenarioFile's CSVTable) reads RFC 4180 back as the writer wrote it.
@Suite struct CSVRoundTripTests {
    @Test func readsQuotedFieldsAndBothLineEnds() throws {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n\"\",last,\r\n"
        let table = try CSVTable.parse(text, file: "t.csv")
        #expect(table.header == ["a", "b", "c"])
        #expect(table.rows.map(\.fields) == [["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"], ["", "last", ""]])
        #expect(table.rows.map(\.line) == [2, 4, 5])
    }

    @Test func roundTripsTheWriter() throws {
        let fields = ["plain", "comma, here", "quote \" here", "line\r\nbreak", "", "ünïcödé"]
        let table = try CSVTable.parse(CSVText.row(["h1", "h2", "h3", "h4", "h5", "h6"]) + CSVText.row(fields), file: "t.csv")
        #expect(table.rows.map(\.fields) == [fields])
    }
}
