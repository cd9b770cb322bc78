/// The grid of a what-if run: `--vary key.path=v1,v2,v3` options combined as a Cartesian product.
public struct WhatIfGrid: Sendable, Equatable {
    /// One `--vary` option: a key path and the values it takes, in order.
    public struct Axis: Sendable, Equatable {
        public var key: String
        public var values: [String]

        public init(key: String, values: [String]) {
            self.key = key
            self.values = values
        }

        /// Parses `key.path=v1,v2,v3`. Values are split on top-level commas only, so a value
        /// may be a YAML flow collection: `release.policy={scheduled: {every: 7d}},continuous`.
        public init(parsing text: String) throws(WhatIfError) {
            guard let equals = text.firstIndex(of: "=") else {
                throw WhatIfError("`\(text)` is not of the form key.path=value1,value2,...")
            }
            key = text[..<equals].trimmingSpaces()
            guard !key.isEmpty else { throw WhatIfError("`\(text)` has no key path before `=`") }
            values = try WhatIfGrid.splitTopLevel(String(text[text.index(after: equals)...]))
        }
    }

    public var axes: [Axis]

    public init(axes: [Axis]) {
        self.axes = axes
    }

    /// Every combination of values as overrides (`key=value`), the first axis varying slowest;
    /// the first point takes every axis's first value.
    public var points: [[String]] {
        axes.reduce([[]]) { partial, axis in
            partial.flatMap { prefix in axis.values.map { prefix + ["\(axis.key)=\($0)"] } }
        }
    }

    /// Splits `text` on commas outside `{}`, `[]` and quoted scalars, trimming spaces around
    /// each value.
    /// Throws on an empty value or unbalanced brackets or quotes.
    public static func splitTopLevel(_ text: String) throws(WhatIfError) -> [String] {
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
                guard depth >= 0 else { throw WhatIfError("unbalanced `\(ch)` in `\(text)`") }
            case "," where depth == 0:
                values.append(current)
                current = ""
                continue
            default: break
            }
            current.append(ch)
        }
        guard quote == nil else { throw WhatIfError("unclosed quote in `\(text)`") }
        guard depth == 0 else { throw WhatIfError("unclosed bracket in `\(text)`") }
        values.append(current)
        values = values.map { $0.trimmingSpaces() }
        guard !values.contains(where: \.isEmpty) else { throw WhatIfError("empty value in `\(text)` (two commas in a row, or a comma at an end)") }
        return values
    }
}

/// A malformed `--vary` option.
public struct WhatIfError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s.removeFirst() }
        while s.last == " " || s.last == "\t" { s.removeLast() }
        return String(s)
    }
}
