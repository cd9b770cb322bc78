import Foundation

/// RFC 4180 CSV fields.
public enum CSVText {
    /// The field, in double quotes (with `""` for a quote) if it holds a comma, a quote or a
    /// line break. Scalars, not Characters, are looked at: `\r\n` is a single Character.
    ///
    /// A text cell that a spreadsheet would run as a formula — one beginning with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return that is not a number (`-1.5` stays as it is) — is written
    /// with a leading apostrophe (`'=HYPERLINK(…)`), so that spreadsheets show it as text.
    ///
    /// The characters looked for are ASCII, so the UTF-8 bytes are looked at: no byte of a
    /// multi-byte character is ASCII.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.utf8.first, formulaStarts.contains(first), Double(s) == nil {
            s = "'" + s
        }
        if s.utf8.contains(where: { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    /// `=`, `+`, `-`, `@`, tab and carriage return.
    private static let formulaStarts: [UInt8] = Array("=+-@\t\r".utf8)

    public static func number(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "" }
        return "\(d)"
    }

    /// The fields, each as ``field(_:)`` writes it, separated by commas, and CRLF.
    public static func row(_ fields: [String]) -> String {
        var out: [UInt8] = []
        appendRow(fields, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Appends ``row(_:)``'s UTF-8 to `out`: a table is built as bytes, not by appending strings.
    public static func appendRow(_ fields: [String], to out: inout [UInt8]) {
        for (i, raw) in fields.enumerated() {
            if i > 0 { out.append(UInt8(ascii: ",")) }
            appendField(raw, to: &out)
        }
        out.append(UInt8(ascii: "\r"))
        out.append(UInt8(ascii: "\n"))
    }

    /// Appends ``number(_:)``'s text to `out` as a field: a number's text needs no quotes and
    /// passes the formula guard (it parses as a number), so it goes out as it is.
    public static func appendNumber(_ d: Double?, to out: inout [UInt8]) {
        guard let d, d.isFinite else { return }
        out.append(contentsOf: "\(d)".utf8)
    }

    /// Appends ``field(_:)``'s UTF-8 to `out`.
    public static func appendField(_ raw: String, to out: inout [UInt8]) {
        let utf8 = raw.utf8
        let quoted = utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        if quoted && utf8.contains(UInt8(ascii: "\"")) {
            // Rare: the quotes are doubled as field(_:) doubles them (a quote that begins a
            // character with combining marks is a different character, and stays single).
            out.append(contentsOf: field(raw).utf8)
            return
        }
        if quoted { out.append(UInt8(ascii: "\"")) }
        if let first = utf8.first, formulaStarts.contains(first), Double(raw) == nil { out.append(UInt8(ascii: "'")) }
        out.append(contentsOf: utf8)
        if quoted { out.append(UInt8(ascii: "\"")) }
    }
}
