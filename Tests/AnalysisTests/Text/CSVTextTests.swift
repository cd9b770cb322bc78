import Analysis
import Foundation
import Testing

/// CSVText looks at UTF-8 bytes and builds a row in one string; it must write exactly what the
/// field-by-field version over Unicode scalars wrote (kept here as the reference).
@Suite struct CSVTextTests {
    /// The earlier writer, over Unicode scalars and `joined`.
    static func referenceField(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil { s = "'" + s }
        if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    static func referenceRow(_ fields: [String]) -> String { fields.map(referenceField).joined(separator: ",") + "\r\n" }

    /// A number written straight as text is what the field writer makes of its text, for
    /// negative, tiny, huge, integral values and none.
    @Test func numbersGoOutAsTheirFields() {
        let values: [Double?] = [nil, 0, -0.0, -1.5, 1e-300, -1e300, 42, -7, 0.1 + 0.2, .infinity, -.infinity, .nan, 12_345.678, -2.5e-8]
        for v in values {
            var out: [UInt8] = []
            CSVText.appendNumber(v, to: &out)
            #expect(String(decoding: out, as: UTF8.self) == CSVText.field(CSVText.number(v)), "\(String(describing: v))")
        }
    }

    @Test func knownFields() {
        #expect(CSVText.field("plain") == "plain")
        #expect(CSVText.field("a,b") == "\"a,b\"")
        #expect(CSVText.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVText.field("-1.5") == "-1.5")
        #expect(CSVText.field("-x") == "'-x")
        #expect(CSVText.field("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"")
        #expect(CSVText.field("\r\n") == "\"'\r\n\"")
        #expect(CSVText.field("ünï,cödé") == "\"ünï,cödé\"")
        #expect(CSVText.row([]) == "\r\n")
        #expect(CSVText.row(["a", "", "b,c"]) == "a,,\"b,c\"\r\n")
    }

    /// Every string of up to three characters over an alphabet of the characters that matter
    /// (and multi-byte ones, and a CRLF cluster), as fields and as rows, as the reference writes them.
    @Test func sameAsTheReferenceOnEveryShortString() {
        let alphabet = ["a", "1", ".", "-", "+", "=", "@", "\t", "\r", "\n", "\r\n", ",", "\"", "'", " ", "é", "€", "𝄞", "\u{301}", "e", "i", "n"]
        var strings = [""]
        var level = [""]
        for _ in 0..<3 {
            level = level.flatMap { prefix in alphabet.map { prefix + $0 } }
            strings += level
        }
        var mismatches: [String] = []
        for s in strings where CSVText.field(s) != Self.referenceField(s) || CSVText.row([s, s]) != Self.referenceRow([s, s]) { mismatches.append(s) }
        #expect(mismatches.isEmpty, "fields written differently: \(mismatches.prefix(5).map { $0.debugDescription })")
        for i in stride(from: 0, to: strings.count - 3, by: 97) {
            let row = Array(strings[i..<(i + 3)])
            #expect(CSVText.row(row) == Self.referenceRow(row))
            var bytes: [UInt8] = Array("x".utf8)
            CSVText.appendRow(row, to: &bytes)
            #expect(bytes == Array(("x" + Self.referenceRow(row)).utf8))
        }
    }
}
