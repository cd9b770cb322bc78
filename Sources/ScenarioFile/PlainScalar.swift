import Yams

/// The type of a plain (unquoted, untagged) YAML scalar, by exactly the rules of Yams' default
/// `Resolver` — bool, int, float, merge, null, timestamp, value in that order, else a string —
/// without its regular expressions (an `NSRegularExpression` per rule per scalar was a fifth of
/// the instructions of loading a scenario).
///
/// The rules are YAML 1.1's: `yes`/`no`/`on`/`off`/`true`/`false` in three cases are booleans;
/// `~`, `null` (three cases) and the empty text are null; integers in binary (`0b`), octal
/// (`0o7`, `07`), decimal, hexadecimal and sexagesimal (`1:30`), `_` allowed between digits;
/// floats with fraction or exponent, `.5`, sexagesimal, `.inf` (signed) and `.nan`;
/// `2024-01-31` (and with a time) a timestamp; `<<` the merge key; `=` the value key. As the
/// regular expressions' `$` does, a rule also matches before one line break that ends the text.
/// `Tests/ScenarioFileTests/PlainScalarTests.swift` holds it equal to `Resolver.default`.
public enum PlainScalar {
    /// The name of the tag (`tag:yaml.org,2002:int` …) Yams' default resolver gives the plain
    /// scalar `text`, by these rules.
    public static func tagName(of text: String) -> String { tag(of: text).rawValue }

    /// The same by Yams' default resolver itself (its regular expressions): what the rules are
    /// tested against.
    public static func resolverTagName(of text: String) -> String { Resolver.default.resolveTag(of: Node(text)).rawValue }

    /// The tag Yams' default resolver gives the plain scalar `text`.
    static func tag(of text: String) -> Tag.Name {
        var bytes = Array(text.utf8)
        if let tag = ruleTag(bytes) { return tag }
        let ending = lineBreakLength(bytes)
        guard ending > 0 else { return .str }
        bytes.removeLast(ending)
        return ruleTag(bytes) ?? .str
    }

    /// The bytes of the one line break that ends `b` (`\r\n` counts as one), or 0: what ICU's `$`
    /// may stand before (LF, VT, FF, CR, NEL, LS, PS).
    private static func lineBreakLength(_ b: [UInt8]) -> Int {
        let n = b.count
        if n >= 2, b[n - 2] == 0x0D, b[n - 1] == 0x0A { return 2 }
        if n >= 1, (0x0A...0x0D).contains(b[n - 1]) { return 1 }
        if n >= 2, b[n - 2] == 0xC2, b[n - 1] == 0x85 { return 2 }
        if n >= 3, b[n - 3] == 0xE2, b[n - 2] == 0x80, b[n - 1] == 0xA8 || b[n - 1] == 0xA9 { return 3 }
        return 0
    }

    private static func ruleTag(_ b: [UInt8]) -> Tag.Name? {
        if isBool(b) { return .bool }
        if isInt(b) { return .int }
        if isFloat(b) { return .float }
        if b == [0x3C, 0x3C] { return .merge }
        if isNull(b) { return .null }
        if isTimestamp(b) { return .timestamp }
        if b == [0x3D] { return .value }
        return nil
    }

    private static let bools: Set<[UInt8]> = Set(["yes", "Yes", "YES", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
                                                  "on", "On", "ON", "off", "Off", "OFF"].map { Array($0.utf8) })
    private static let nulls: Set<[UInt8]> = Set(["~", "null", "Null", "NULL", ""].map { Array($0.utf8) })
    private static let infinities: Set<[UInt8]> = Set(["inf", "Inf", "INF"].map { Array($0.utf8) })
    private static let nans: Set<[UInt8]> = Set([".nan", ".NaN", ".NAN"].map { Array($0.utf8) })

    private static func isBool(_ b: [UInt8]) -> Bool { b.count <= 5 && bools.contains(b) }
    private static func isNull(_ b: [UInt8]) -> Bool { b.count <= 4 && nulls.contains(b) }

    /// A cursor over the bytes of one candidate, for the rules' patterns.
    private struct Cursor {
        let b: [UInt8]
        var i = 0
        init(_ b: [UInt8]) { self.b = b }
        var atEnd: Bool { i == b.count }
        var next: UInt8? { i < b.count ? b[i] : nil }
        mutating func take(_ byte: UInt8) -> Bool {
            guard next == byte else { return false }
            i += 1
            return true
        }
        mutating func take(where ok: (UInt8) -> Bool) -> Bool {
            guard let c = next, ok(c) else { return false }
            i += 1
            return true
        }
        /// Takes as many as match; how many.
        @discardableResult mutating func run(where ok: (UInt8) -> Bool) -> Int {
            let start = i
            while let c = next, ok(c) { i += 1 }
            return i - start
        }
        mutating func sign() { _ = take(where: { $0 == 0x2B || $0 == 0x2D }) }
        /// `(?::[0-5]?[0-9])+`: at least one group.
        mutating func sexagesimalGroups() -> Bool {
            var groups = 0
            while next == 0x3A {
                i += 1
                let start = i
                run(where: isDigit)
                let digits = b[start..<i]
                guard digits.count == 1 || (digits.count == 2 && (0x30...0x35).contains(digits.first!)) else { return false }
                groups += 1
            }
            return groups > 0
        }
    }

    private static func isDigit(_ c: UInt8) -> Bool { (0x30...0x39).contains(c) }
    private static func isDigitOrUnderscore(_ c: UInt8) -> Bool { isDigit(c) || c == 0x5F }

    private static func isInt(_ b: [UInt8]) -> Bool {
        // [-+]?0b[0-1_]+
        var c = Cursor(b)
        c.sign()
        if c.take(0x30), c.take(0x62), c.run(where: { $0 == 0x30 || $0 == 0x31 || $0 == 0x5F }) > 0, c.atEnd { return true }
        // [-+]?0o?[0-7_]+
        c = Cursor(b)
        c.sign()
        if c.take(0x30) {
            _ = c.take(0x6F)
            if c.run(where: { (0x30...0x37).contains($0) || $0 == 0x5F }) > 0, c.atEnd { return true }
        }
        // [-+]?(?:0|[1-9][0-9_]*)
        c = Cursor(b)
        c.sign()
        if c.take(0x30), c.atEnd { return true }
        c = Cursor(b)
        c.sign()
        if c.take(where: { (0x31...0x39).contains($0) }) {
            c.run(where: isDigitOrUnderscore)
            if c.atEnd { return true }
        }
        // [-+]?0x[0-9a-fA-F_]+
        c = Cursor(b)
        c.sign()
        if c.take(0x30), c.take(0x78),
           c.run(where: { isDigitOrUnderscore($0) || (0x61...0x66).contains($0) || (0x41...0x46).contains($0) }) > 0, c.atEnd { return true }
        // [-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
        c = Cursor(b)
        c.sign()
        if c.take(where: { (0x31...0x39).contains($0) }) {
            c.run(where: isDigitOrUnderscore)
            if c.sexagesimalGroups(), c.atEnd { return true }
        }
        return false
    }

    private static func isFloat(_ b: [UInt8]) -> Bool {
        // [-+]?(?:[0-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?
        var c = Cursor(b)
        c.sign()
        if c.take(where: isDigit) {
            c.run(where: isDigitOrUnderscore)
            if c.take(0x2E) { c.run(where: isDigitOrUnderscore) }
            if c.take(where: { $0 == 0x65 || $0 == 0x45 }) {
                c.sign()
                if c.run(where: isDigit) > 0, c.atEnd { return true }
            } else if c.atEnd {
                return true
            }
        }
        // \.[0-9_]+(?:[eE][-+][0-9]+)?
        c = Cursor(b)
        if c.take(0x2E), c.run(where: isDigitOrUnderscore) > 0 {
            if c.atEnd { return true }
            if c.take(where: { $0 == 0x65 || $0 == 0x45 }), c.take(where: { $0 == 0x2B || $0 == 0x2D }), c.run(where: isDigit) > 0, c.atEnd {
                return true
            }
        }
        // [-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
        c = Cursor(b)
        c.sign()
        if c.take(where: isDigit) {
            c.run(where: isDigitOrUnderscore)
            if c.sexagesimalGroups(), c.take(0x2E) {
                c.run(where: isDigitOrUnderscore)
                if c.atEnd { return true }
            }
        }
        // [-+]?\.(?:inf|Inf|INF)
        c = Cursor(b)
        c.sign()
        if c.take(0x2E), infinities.contains(Array(b[c.i...])) { return true }
        // \.(?:nan|NaN|NAN)
        return nans.contains(b)
    }

    private static func isTimestamp(_ b: [UInt8]) -> Bool {
        // [0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]
        var c = Cursor(b)
        func digits(_ n: Int) -> Bool { (0..<n).allSatisfy { _ in c.take(where: isDigit) } }
        if digits(4), c.take(0x2D), digits(2), c.take(0x2D), digits(2), c.atEnd { return true }
        // [0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9]
        // (?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?
        c = Cursor(b)
        guard digits(4), c.take(0x2D), digits(1) else { return false }
        _ = c.take(where: isDigit)
        guard c.take(0x2D), digits(1) else { return false }
        _ = c.take(where: isDigit)
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard c.take(where: { $0 == 0x54 || $0 == 0x74 }) || c.run(where: blank) > 0 else { return false }
        guard digits(1) else { return false }
        _ = c.take(where: isDigit)
        guard c.take(0x3A), digits(2), c.take(0x3A), digits(2) else { return false }
        if c.take(0x2E) { c.run(where: isDigit) }
        if c.atEnd { return true }
        c.run(where: blank)
        if c.take(0x5A) { return c.atEnd }
        guard c.take(where: { $0 == 0x2B || $0 == 0x2D }), digits(1) else { return false }
        _ = c.take(where: isDigit)
        if c.atEnd { return true }
        return c.take(0x3A) && digits(2) && c.atEnd
    }
}
