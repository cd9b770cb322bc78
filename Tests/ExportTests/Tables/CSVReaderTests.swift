import Analysis
import Export
import Foundation
import Testing
import TestSupport

/// The reader the report uses reads RFC 4180 back as the writer wrote it.
@Suite struct CSVReaderTests {
    @Test func readsQuotedFieldsAndBothLineEnds() {
        let text = "a,b,c\r\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\r\n1,,3\n\"\",last,\r\n"
        var reader = CSVReader(Data(text.utf8))
        #expect(reader.header == ["a", "b", "c"])
        #expect(reader.rows() == [["x, y", "say \"hi\"", "two\nlines"], ["1", "", "3"], ["", "last", ""]])
    }

    @Test func roundTripsTheWriter() {
        let fields = ["plain", "comma, here", "quote \" here", "line\r\nbreak", "", "ünïcödé"]
        var reader = CSVReader(Data((CSVText.row(["h1", "h2", "h3", "h4", "h5", "h6"]) + CSVText.row(fields)).utf8))
        #expect(reader.next() == fields)
        #expect(reader.next() == nil)
    }
}
