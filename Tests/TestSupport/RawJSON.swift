/// A JSON value with every number kept as its text, to compare digits exactly (Foundation's
/// JSONSerialization may round the last digit of a Double on Linux).
public indirect enum RawJSON: Equatable, Sendable {
    case object([String: RawJSON]), array([RawJSON]), string(String), number(String), bool(Bool), null

    public subscript(key: String) -> RawJSON? { if case .object(let o) = self { return o[key] }; return nil }
    public var array: [RawJSON]? { if case .array(let a) = self { return a }; return nil }
    public var string: String? { if case .string(let s) = self { return s }; return nil }
    public var number: String? { if case .number(let n) = self { return n }; return nil }

    /// Parses `text` (the JSON this program writes: no surrogate pairs needed).
    public static func parse(_ text: String) throws -> RawJSON {
        var p = Parser(scalars: Array(text.unicodeScalars))
        let value = try p.value()
        p.space()
        guard p.i == p.scalars.count else { throw TestFailure("trailing text in JSON at \(p.i)") }
        return value
    }

    private struct Parser {
        let scalars: [Unicode.Scalar]
        var i = 0

        mutating func space() { while i < scalars.count, " \n\r\t".unicodeScalars.contains(scalars[i]) { i += 1 } }

        mutating func expect(_ s: String) throws {
            for c in s.unicodeScalars {
                guard i < scalars.count, scalars[i] == c else { throw TestFailure("expected \(s) at \(i)") }
                i += 1
            }
        }

        mutating func value() throws -> RawJSON {
            space()
            guard i < scalars.count else { throw TestFailure("end of JSON") }
            switch scalars[i] {
            case "{":
                i += 1
                var out: [String: RawJSON] = [:]
                space()
                if scalars[i] == "}" { i += 1; return .object(out) }
                while true {
                    space()
                    guard case .string(let key) = try value() else { throw TestFailure("key expected at \(i)") }
                    space()
                    try expect(":")
                    out[key] = try value()
                    space()
                    if scalars[i] == "," { i += 1; continue }
                    try expect("}")
                    return .object(out)
                }
            case "[":
                i += 1
                var out: [RawJSON] = []
                space()
                if scalars[i] == "]" { i += 1; return .array(out) }
                while true {
                    out.append(try value())
                    space()
                    if scalars[i] == "," { i += 1; continue }
                    try expect("]")
                    return .array(out)
                }
            case "\"":
                i += 1
                var s = String.UnicodeScalarView()
                while scalars[i] != "\"" {
                    if scalars[i] == "\\" {
                        i += 1
                        switch scalars[i] {
                        case "n": s.append("\n")
                        case "r": s.append("\r")
                        case "t": s.append("\t")
                        case "u":
                            let hex = String(String.UnicodeScalarView(scalars[(i + 1)...(i + 4)]))
                            s.append(Unicode.Scalar(UInt32(hex, radix: 16)!)!)
                            i += 4
                        default: s.append(scalars[i])
                        }
                    } else {
                        s.append(scalars[i])
                    }
                    i += 1
                }
                i += 1
                return .string(String(s))
            case "t": try expect("true"); return .bool(true)
            case "f": try expect("false"); return .bool(false)
            case "n": try expect("null"); return .null
            default:
                let start = i
                while i < scalars.count, "+-0123456789.eE".unicodeScalars.contains(scalars[i]) { i += 1 }
                guard i > start else { throw TestFailure("unexpected \(scalars[i]) at \(i)") }
                return .number(String(String.UnicodeScalarView(scalars[start..<i])))
            }
        }
    }
}
