import CSV
import Foundation

/// A CSV file read whole through CSV.swift: header, rows, and the line each row starts on.
///
/// Handles quoted fields with embedded commas, quotes and newlines, CRLF line ends and a UTF-8
/// byte-order mark. Line numbers count the file's physical lines (a quoted newline moves the
/// next row down), so problems can be reported by line.
public struct CSVTable: Sendable {
    public var header: [String]
    /// Each data row with the line it starts on (the header is line 1).
    public var rows: [(line: Int, fields: [String])]

    /// Why a CSV file could not be read.
    public struct ReadError: Error, Sendable, CustomStringConvertible {
        public var file: String
        public var message: String
        public var description: String { "\(file): \(message)" }
    }

    /// Reads the CSV at `path`.
    public static func load(path: String) throws(ReadError) -> CSVTable {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ReadError(file: path, message: "cannot read the file (missing, or permissions?)")
        }
        guard let text = String(data: data, encoding: .utf8) else { throw ReadError(file: path, message: "is not UTF-8 text") }
        return try parse(text, file: path)
    }

    /// Reads CSV `text` (a leading byte-order mark is skipped); `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ReadError) -> CSVTable {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let reader: CSVReader
        do { reader = try CSVReader(string: text, hasHeaderRow: false) } catch { throw ReadError(file: file, message: "\(error)") }
        var all: [(line: Int, fields: [String])] = []
        var line = 1
        while let row = reader.next() {
            all.append((line, row))
            // A row takes one physical line plus one per newline inside its quoted fields
            // (CRLF inside a field counts once).
            line += 1 + row.reduce(0) { $0 + $1.replacingOccurrences(of: "\r\n", with: "\n").filter { $0 == "\n" || $0 == "\r" }.count }
        }
        if let error = reader.error { throw ReadError(file: file, message: "malformed CSV near line \(line): \(error)") }
        // An unterminated quote makes the reader take the rest of the file as one field.
        if let last = all.last, let field = last.fields.last, field.contains(where: \.isNewline) {
            var end = text.unicodeScalars.reversed().drop { $0 == "\n" || $0 == "\r" }.makeIterator()
            if end.next() != "\"" {
                throw ReadError(file: file, message: "a quoted field starting on line \(last.line) is not closed before the end of the file (an unterminated quote)")
            }
        }
        guard let header = all.first?.fields, !header.allSatisfy(\.isEmpty) else { throw ReadError(file: file, message: "is empty (no header row)") }
        let rows = all.dropFirst().filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }  // blank lines
        return CSVTable(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(rows))
    }

    /// The index of column `name`, or nil.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
