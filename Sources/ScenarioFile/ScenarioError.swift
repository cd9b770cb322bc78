/// One problem in a scenario file, pointing at the file, the key and, when YAML tells, the
/// line and column.
///
/// `description` reads like a compiler diagnostic:
/// `scenarios/x.yaml:12:5: stages[1].wip_limit: must be an integer ≥ 1 (got 0)`.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file as given (`--set` for command-line overrides).
    public var file: String
    /// Where in the document: `stages[1].wip_limit`, `deploy.canary.fraction`; empty for the whole file.
    public var keyPath: String
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column, when known.
    public var column: Int?
    /// What is wrong, e.g. "unknown key `wip_limt`; did you mean `wip_limit`?".
    public var message: String

    public init(file: String, keyPath: String = "", line: Int? = nil, column: Int? = nil, message: String) {
        self.file = file
        self.keyPath = keyPath
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String {
        var text = file
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        }
        text += ": "
        if !keyPath.isEmpty { text += keyPath + ": " }
        return text + message
    }
}

/// Every problem found in one scenario (its file, the files it extends and the overrides),
/// in file order.
public struct ScenarioErrors: Error, Sendable, CustomStringConvertible {
    public var errors: [ScenarioError]

    public init(_ errors: [ScenarioError]) {
        self.errors = errors
    }

    public init(errors: [ScenarioError]) {
        self.errors = errors
    }

    /// One error per line.
    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
