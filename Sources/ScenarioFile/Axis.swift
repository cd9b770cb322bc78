/// A varied key path and the values it takes, in order (as YAML text, the form `--set` takes):
/// one `--vary` option of `whatif`, or one key under `vary` in a sweep file.
public struct Axis: Sendable, Equatable {
    public var key: String
    public var values: [String]

    public init(key: String, values: [String]) {
        self.key = key
        self.values = values
    }

    /// Parses `key.path=v1,v2,v3`. Values are split on top-level commas only, so a value
    /// may be a YAML flow collection: `release.policy={scheduled: {every: 7d}},continuous`.
    public init(parsing text: String) throws(AxisError) {
        guard let equals = text.firstIndex(of: "=") else {
            throw AxisError("`\(text)` is not of the form key.path=value1,value2,...")
        }
        key = text[..<equals].trimmingSpaces()
        guard !key.isEmpty else { throw AxisError("`\(text)` has no key path before `=`") }
        values = try Axis.splitTopLevel(String(text[text.index(after: equals)...]))
    }

    /// Every combination of the axes' values as overrides (`key=value`), the first axis varying
    /// slowest; the first point takes every axis's first value.
    public static func grid(_ axes: [Axis]) -> [[String]] {
        axes.reduce([[]]) { partial, axis in
            partial.flatMap { prefix in axis.values.map { prefix + ["\(axis.key)=\($0)"] } }
        }
    }

    /// Splits `text` on commas outside `{}`, `[]` and quoted scalars, trimming spaces around
    /// each value.
    /// Throws on an empty value or unbalanced brackets or quotes.
    public static func splitTopLevel(_ text: String) throws(AxisError) -> [String] {
        var values: [String] = []
        var current = ""
        var depth = 0
        var quote: Character?
        var escaped = false
        for ch in text {
            if let q = quote {
                current.append(ch)
                if escaped { escaped = false } else if q == "\"" && ch == "\\" { escaped = true } else if ch == q { quote = nil }
                continue
            }
            // A quote starts a quoted scalar only where a scalar starts (YAML: `it's` is plain).
            let atScalarStart = current.last(where: { $0 != " " }).map { "{[,:".contains($0) } ?? true
            switch ch {
            case "\"", "'":
                if atScalarStart { quote = ch }
            case "{", "[": depth += 1
            case "}", "]":
                depth -= 1
                guard depth >= 0 else { throw AxisError("unbalanced `\(ch)` in `\(text)`") }
            case "," where depth == 0:
                values.append(current)
                current = ""
                continue
            default: break
            }
            current.append(ch)
        }
        guard quote == nil else { throw AxisError("unclosed quote in `\(text)`") }
        guard depth == 0 else { throw AxisError("unclosed bracket in `\(text)`") }
        values.append(current)
        values = values.map { $0.trimmingSpaces() }
        guard !values.contains(where: \.isEmpty) else { throw AxisError("empty value in `\(text)` (two commas in a row, or a comma at an end)") }
        return values
    }
}

private extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
