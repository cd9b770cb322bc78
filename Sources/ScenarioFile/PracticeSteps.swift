/// The practice changes between two scenario documents, as `key.path=value` overrides.
///
/// Both documents are read into ScenarioFile's document trees (normally
/// `LoadedScenario.resolvedYAML`, so `extends` is already merged) and walked together. Every
/// leaf whose value differs becomes one step `key.path=<new value as YAML flow text>`. Where the
/// structure differs the whole subtree is one step: a scalar replaced by a mapping
/// (`release.policy: continuous` → `{scheduled: {every: 7d}}`), a mapping that loses a key (an
/// override cannot delete one, so the mapping is replaced whole), or a sequence whose elements'
/// names, order or number differ. Sequences of named mappings (stages, tests) are walked by name
/// (`stages.develop.wip_limit`), other sequences of equal length by index (`list[2]`). Keys only
/// in the target are added with their whole value. Ignored: `name`, `description`, `extends`
/// (not practices) and `seed`, `replications` (a comparison runs every scenario with the same
/// ones). Scalars are equal if their text is, or if both are numbers of equal value (`1` and
/// `1.0`).
public enum PracticeSteps {
    /// Top-level keys that are not practice changes.
    public static let ignoredKeys: Set<String> = ["name", "description", "extends", "seed", "replications"]

    /// The steps from document `from` to document `to` (YAML text), in the order of `to`.
    public static func between(_ from: String, _ to: String) throws(StepError) -> [String] {
        let a = try document(from), b = try document(to)
        guard a.entries != nil, b.entries != nil else { throw StepError("a scenario document must be a mapping") }
        var steps: [String] = []
        diff(a, b, path: "", into: &steps)
        return steps
    }

    static func document(_ text: String) throws(StepError) -> YNode {
        var errors: [ScenarioError] = []
        switch YAMLText.parse(text, file: "<document>", errors: &errors) {
        case .document(let node): return node
        case .empty: throw StepError("an empty document has no practices to compare")
        case .failed: throw StepError(errors.map(\.message).joined(separator: "; "))
        }
    }

    private static func diff(_ a: YNode, _ b: YNode, path: String, into steps: inout [String]) {
        switch (a.value, b.value) {
        case (.scalar, .scalar):
            if !equal(a, b) { steps.append("\(path)=\(b.flowText)") }
        case (.mapping(let x), .mapping(let y)):
            let root = path.isEmpty
            func keep(_ key: String) -> Bool { !(root && ignoredKeys.contains(key)) }
            let oldKeys = x.map(\.key).filter(keep)
            let newKeys = y.map(\.key).filter(keep)
            let removed = oldKeys.filter { !newKeys.contains($0) }
            if !root && !removed.isEmpty {
                steps.append("\(path)=\(b.flowText)")
                return
            }
            for key in newKeys {
                let here = root ? key : path + "." + key
                if let old = a[key] { diff(old, b[key]!, path: here, into: &steps) } else { steps.append("\(here)=\(b[key]!.flowText)") }
            }
            // At the top level a removed key can only be set to null.
            for key in removed { steps.append("\(key)=null") }
        case (.sequence(let x), .sequence(let y)) where x.count == y.count && !path.isEmpty:
            let oldNames = x.map(name), newNames = y.map(name)
            if oldNames.allSatisfy({ $0 != nil }) && oldNames == newNames && Set(newNames).count == newNames.count {
                for (i, name) in newNames.enumerated() { diff(x[i], y[i], path: path + "." + name!, into: &steps) }
            } else if oldNames.allSatisfy({ $0 == nil }) && newNames.allSatisfy({ $0 == nil }) {
                for i in y.indices { diff(x[i], y[i], path: path + "[\(i)]", into: &steps) }
            } else if a.flowText != b.flowText {
                steps.append("\(path)=\(b.flowText)")
            }
        default:
            if a.flowText != b.flowText { steps.append("\(path)=\(b.flowText)") }
        }
    }

    /// The `name` of a sequence element that is a mapping with a scalar name.
    private static func name(_ node: YNode) -> String? {
        guard node.entries != nil, case .scalar(let text, _, _)? = node["name"]?.value else { return nil }
        return text
    }

    private static func equal(_ x: YNode, _ y: YNode) -> Bool {
        guard case .scalar(let p, let pKind, _) = x.value, case .scalar(let q, let qKind, _) = y.value else { return false }
        if p == q { return true }
        if pKind == .null && qKind == .null { return true }
        if let p = Double(p), let q = Double(q) { return p == q }
        return false
    }

    /// True if `text` can be written unquoted inside a flow collection and reads back the same.
    public static func plainInFlow(_ text: String) -> Bool { YNode.plainInFlow(text) }
}

extension PracticeSteps {
    /// The value at top-level `key` of the document `yaml` as one line of flow text (the form a
    /// `--set` value takes), or nil when the key is absent or the text is no mapping.
    public static func flowText(of key: String, in yaml: String) -> String? {
        guard let node = try? document(yaml), node.entries != nil else { return nil }
        return node[key]?.flowText
    }
}
