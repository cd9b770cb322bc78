import Foundation

/// A CSV file read whole: header, rows, and the line each row starts on.
///
/// Handles quoted fields with embedded commas, quotes and newlines, CR, LF and CRLF line ends
/// and a UTF-8 byte-order mark. Line numbers count the file's physical lines (a quoted newline
/// moves the next row down), so problems can be reported by line.
///
/// Read by hand over the UTF-8 bytes (every delimiter is ASCII), one pass, one `String` per
/// field: a million-row tracker export in about a second. The rules are CSV.swift's (which this
/// replaced for speed, output unchanged): a field is quoted only when it starts with `"`; inside
/// it `""` is a quote, and a closing quote followed by anything but a comma or a line end keeps
/// the quote and drops that character; an unquoted field keeps any quote it holds.
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
        let parsed = data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> Result<CSVTable, ReadError> in
            let bytes = raw.bindMemory(to: UInt8.self)
            guard String(validating: bytes, as: UTF8.self) != nil else { return .failure(ReadError(file: path, message: "is not UTF-8 text")) }
            do throws(ReadError) { return .success(try parse(bytes: bytes, file: path)) } catch { return .failure(error) }
        }
        return try parsed.get()
    }

    /// Reads CSV `text` (a leading byte-order mark is skipped); `file` names it in errors.
    public static func parse(_ text: String, file: String) throws(ReadError) -> CSVTable {
        let bytes = Array(text.utf8)
        return try bytes.withUnsafeBufferPointer { (bytes) throws(ReadError) -> CSVTable in try parse(bytes: bytes, file: file) }
    }

    /// Parses valid UTF-8 `bytes`.
    static func parse(bytes: UnsafeBufferPointer<UInt8>, file: String) throws(ReadError) -> CSVTable {
        let quote: UInt8 = 34, comma: UInt8 = 44, cr: UInt8 = 13, lf: UInt8 = 10
        let end = bytes.count
        var i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        var all: [(line: Int, fields: [String])] = []
        var line = 1
        var scratch: [UInt8] = []
        /// Skips a line end at `i` (CR, LF or CRLF) if there is one; true if there was.
        func lineEnd(_ i: inout Int) -> Bool {
            guard i < end else { return false }
            if bytes[i] == lf { i += 1; return true }
            if bytes[i] == cr { i += 1; if i < end, bytes[i] == lf { i += 1 }; return true }
            return false
        }
        while i < end {
            var row: [String] = []
            var newlines = 0
            rowLoop: while true {
                if i < end, bytes[i] == quote {
                    // Quoted: up to a quote followed by a comma, a line end or the end of the file.
                    i += 1
                    scratch.removeAll(keepingCapacity: true)
                    while i < end {
                        let c = bytes[i]
                        i += 1
                        if c == quote {
                            if i == end { row.append(String(decoding: scratch, as: UTF8.self)); break rowLoop }
                            let next = bytes[i]
                            if next == cr || next == lf {
                                _ = lineEnd(&i)
                                row.append(String(decoding: scratch, as: UTF8.self))
                                break rowLoop
                            }
                            i += 1
                            if next == comma { row.append(String(decoding: scratch, as: UTF8.self)); continue rowLoop }
                            scratch.append(quote)  // `""` is a quote; `"x` keeps the quote and drops x
                        } else {
                            if c == lf { newlines += 1 } else if c == cr { newlines += 1; if i < end, bytes[i] == lf { scratch.append(c); scratch.append(lf); i += 1; continue } }
                            scratch.append(c)
                        }
                    }
                    row.append(String(decoding: scratch, as: UTF8.self))  // the end of the file inside quotes
                    break rowLoop
                }
                let start = i
                while i < end, bytes[i] != comma, bytes[i] != cr, bytes[i] != lf { i += 1 }
                row.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                if i < end, bytes[i] == comma { i += 1; continue rowLoop }
                _ = lineEnd(&i)
                break rowLoop
            }
            all.append((line, row))
            line += 1 + newlines
        }
        // An unterminated quote makes the reader take the rest of the file as one field.
        if let last = all.last, let field = last.fields.last, field.contains(where: \.isNewline) {
            var k = end
            while k > 0, bytes[k - 1] == lf || bytes[k - 1] == cr { k -= 1 }
            if k == 0 || bytes[k - 1] != quote {
                throw ReadError(file: file, message: "a quoted field starting on line \(last.line) is not closed before the end of the file (an unterminated quote)")
            }
        }
        guard let header = all.first?.fields, !header.allSatisfy(\.isEmpty) else { throw ReadError(file: file, message: "is empty (no header row)") }
        let rows = all.dropFirst().filter { !($0.fields.count == 1 && $0.fields[0].isEmpty) }  // blank lines
        return CSVTable(header: header.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(rows))
    }

    /// `text` without leading and trailing whitespace (`CharacterSet.whitespaces`: tab and the
    /// space separators), without a Foundation call when there is none, as in nearly every cell.
    public static func trimmed(_ text: String) -> String {
        func space(_ s: Unicode.Scalar) -> Bool { s == "\t" || s.properties.generalCategory == .spaceSeparator }
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last, space(first) || space(last) else { return text }
        return text.trimmingCharacters(in: .whitespaces)
    }

    /// The index of column `name`, or nil.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }
}
