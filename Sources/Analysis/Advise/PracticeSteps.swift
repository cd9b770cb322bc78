import Yams

/// The practice changes between two scenario documents, as `key.path=value` overrides.
///
/// Both documents are composed with Yams into node trees (normally `LoadedScenario.resolvedYAML`,
/// so `extends` is already merged) and walked together. Every leaf whose value differs becomes
/// one step `key.path=<new value as YAML flow text>`. Where the structure differs the whole
/// subtree is one step: a scalar replaced by a mapping (`release.policy: continuous` →
/// `{scheduled: {every: 7d}}`), a mapping that loses a key (an override cannot delete one, so the
/// mapping is replaced whole), or a sequence whose elements' names, order or number differ.
/// Sequences of named mappings (stages, tests) are walked by name (`stages.develop.wip_limit`),
/// other sequences of equal length by index (`list[2]`). Keys only in the target are added with
/// their whole value. Ignored: `name`, `description`, `extends` (not practices) and `seed`,
/// `replications` (a comparison runs every scenario with the same ones). Scalars are equal if
/// their text is, or if both are numbers of equal value (`1` and `1.0`).
public enum PracticeSteps {
    /// Top-level keys that are not practice changes.
    public static let ignoredKeys: Set<String> = ["name", "description", "extends", "seed", "replications"]

    /// The steps from document `from` to document `to` (YAML text), in the order of `to`.
    public static func between(_ from: String, _ to: String) throws -> [String] {
        guard let a = try Yams.compose(yaml: from), let b = try Yams.compose(yaml: to) else {
            throw StepError("an empty document has no practices to compare")
        }
        guard a.mapping != nil, b.mapping != nil else { throw StepError("a scenario document must be a mapping") }
        var steps: [String] = []
        try diff(a, b, path: "", into: &steps)
        return steps
    }

    private static func diff(_ a: Node, _ b: Node, path: String, into steps: inout [String]) throws {
        switch (a, b) {
        case (.scalar(let x), .scalar(let y)):
            if !equal(x, y) { steps.append("\(path)=\(try flowText(b))") }
        case (.mapping(let x), .mapping(let y)):
            let root = path.isEmpty
            func keep(_ key: String) -> Bool { !(root && ignoredKeys.contains(key)) }
            let oldKeys = x.keys.compactMap { $0.scalar?.string }.filter(keep)
            let newKeys = y.keys.compactMap { $0.scalar?.string }.filter(keep)
            let removed = oldKeys.filter { !newKeys.contains($0) }
            if !root && !removed.isEmpty {
                steps.append("\(path)=\(try flowText(b))")
                return
            }
            for key in newKeys {
                let here = root ? key : path + "." + key
                if let old = x[key] { try diff(old, y[key]!, path: here, into: &steps) } else { steps.append("\(here)=\(try flowText(y[key]!))") }
            }
            // At the top level a removed key can only be set to null.
            for key in removed { steps.append("\(key)=null") }
        case (.sequence(let x), .sequence(let y)) where x.count == y.count && !path.isEmpty:
            let oldNames = x.map(name), newNames = y.map(name)
            if oldNames.allSatisfy({ $0 != nil }) && oldNames == newNames && Set(newNames).count == newNames.count {
                for (i, name) in newNames.enumerated() { try diff(x[i], y[i], path: path + "." + name!, into: &steps) }
            } else if oldNames.allSatisfy({ $0 == nil }) && newNames.allSatisfy({ $0 == nil }) {
                for i in y.indices { try diff(x[i], y[i], path: path + "[\(i)]", into: &steps) }
            } else if try flowText(a) != flowText(b) {
                steps.append("\(path)=\(try flowText(b))")
            }
        default:
            if try flowText(a) != flowText(b) { steps.append("\(path)=\(try flowText(b))") }
        }
    }

    /// The `name` of a sequence element that is a mapping with a scalar name.
    private static func name(_ node: Node) -> String? {
        node.mapping?["name"]?.scalar?.string
    }

    private static func equal(_ x: Node.Scalar, _ y: Node.Scalar) -> Bool {
        if x.string == y.string { return true }
        if isNull(x) && isNull(y) { return true }
        if let p = Double(x.string), let q = Double(y.string) { return p == q }
        return false
    }

    private static func isNull(_ s: Node.Scalar) -> Bool {
        s.style != .singleQuoted && s.style != .doubleQuoted && ["", "~", "null", "Null", "NULL"].contains(s.string)
    }

    /// The node as one line of YAML flow text, as an override's value is written.
    public static func flowText(_ node: Node) throws -> String {
        switch node {
        case .scalar(let s):
            if isNull(s) { return "null" }
            let quoted = s.style == .singleQuoted || s.style == .doubleQuoted
            return quoted || !plainInFlow(s.string) ? doubleQuoted(s.string) : s.string
        case .mapping(let m):
            return "{" + (try m.map { "\(try flowText($0.key)): \(try flowText($0.value))" }).joined(separator: ", ") + "}"
        case .sequence(let items):
            return "[" + (try items.map(flowText)).joined(separator: ", ") + "]"
        case .alias:
            throw StepError("YAML aliases are not supported in a step")
        }
    }

    /// True if `text` can be written unquoted inside a flow collection and reads back the same.
    public static func plainInFlow(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last, first != " ", last != " " else { return false }
        if "?:,[]{}#&*!|>'\"%@`".contains(first) { return false }
        if first == "-" && (text.count == 1 || text.dropFirst().first == " ") { return false }
        if text.contains(where: { ",[]{}\n\r\t".contains($0) }) { return false }
        return !text.contains(": ") && !text.contains(" #") && !text.hasSuffix(":")
    }

    private static func doubleQuoted(_ text: String) -> String {
        var out = "\""
        for ch in text {
            switch ch {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(ch)
            }
        }
        return out + "\""
    }
}

/// Why steps could not be extracted.
public struct StepError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
