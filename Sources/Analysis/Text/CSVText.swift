import Foundation

/// RFC 4180 CSV fields.
public enum CSVText {
    /// The field, in double quotes (with `""` for a quote) if it holds a comma, a quote or a
    /// line break. Scalars, not Characters, are looked at: `\r\n` is a single Character.
    ///
    /// A text cell that a spreadsheet would run as a formula — one beginning with `=`, `+`, `-`,
    /// `@`, a tab or a carriage return that is not a number (`-1.5` stays as it is) — is written
    /// with a leading apostrophe (`'=HYPERLINK(…)`), so that spreadsheets show it as text.
    public static func field(_ raw: String) -> String {
        var s = raw
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first), Double(s) == nil {
            s = "'" + s
        }
        if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
            return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }

    public static func number(_ d: Double?) -> String {
        guard let d, d.isFinite else { return "" }
        return "\(d)"
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\r\n" }
}
