import Foundation

/// Reads RFC 4180 CSV (the files an export writes): fields separated by commas, records by CRLF
/// or LF, fields with commas, quotes or line breaks in double quotes with `""` for a quote.
public struct CSVReader {
    /// The header's field names.
    public private(set) var header: [String] = []
    private let bytes: [UInt8]
    private var offset: Int

    /// Reads the header of `data` (a UTF-8 byte order mark is skipped).
    public init(_ data: Data) {
        bytes = [UInt8](data)
        offset = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        header = next() ?? []
    }

    /// Reads the file at `path`.
    public init(path: String) throws {
        self.init(try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// The position of the column `name`, if the header has it.
    public func column(_ name: String) -> Int? { header.firstIndex(of: name) }

    /// The next record's fields, or nil at the end.
    public mutating func next() -> [String]? {
        guard offset < bytes.count else { return nil }
        var fields: [String] = []
        var field: [UInt8] = []
        var quoted = false
        while offset < bytes.count {
            let b = bytes[offset]
            offset += 1
            if quoted {
                if b == UInt8(ascii: "\"") {
                    if offset < bytes.count && bytes[offset] == UInt8(ascii: "\"") {
                        field.append(b)
                        offset += 1
                    } else {
                        quoted = false
                    }
                } else {
                    field.append(b)
                }
                continue
            }
            switch b {
            case UInt8(ascii: "\""): quoted = true
            case UInt8(ascii: ","):
                fields.append(String(decoding: field, as: UTF8.self))
                field.removeAll(keepingCapacity: true)
            case UInt8(ascii: "\r") where offset < bytes.count && bytes[offset] == UInt8(ascii: "\n"):
                offset += 1
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            case UInt8(ascii: "\n"):
                fields.append(String(decoding: field, as: UTF8.self))
                return fields
            default: field.append(b)
            }
        }
        fields.append(String(decoding: field, as: UTF8.self))
        return fields
    }

    /// Every remaining record.
    public mutating func rows() -> [[String]] {
        var out: [[String]] = []
        while let row = next() { out.append(row) }
        return out
    }
}
