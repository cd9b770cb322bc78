import Foundation

extension SweepSpec {
    /// Reads the sweep file at `path`. Every problem is reported, with file, key path, line and
    /// column, in one ``ScenarioErrors``.
    public static func load(path: String) throws(ScenarioErrors) -> SweepSpec {
        switch DocumentResolver.readText(path) {
        case .success(let text): return try parse(text, path: path)
        case .failure(let problem):
            throw ScenarioErrors([ScenarioError(file: path, message: "cannot read the sweep file: \(problem.reason)")])
        }
    }

    /// Reads a sweep from `text`; `path` names it in errors and anchors `base`.
    public static func parse(_ text: String, path: String) throws(ScenarioErrors) -> SweepSpec {
        var syntaxErrors: [ScenarioError] = []
        let root: YNode
        switch YAMLText.parse(text, file: path, errors: &syntaxErrors) {
        case .failed: throw ScenarioErrors(syntaxErrors)
        case .empty:
            throw ScenarioErrors([ScenarioError(file: path, line: 1, column: 1,
                                                message: "the file is empty; a sweep is a mapping with `base` and `vary` or `latin_hypercube`")])
        case .document(let node): root = node
        }
        let reader = Reader()
        let spec = read(root, path: path, reader)
        guard let spec, reader.errors.isEmpty else { throw ScenarioErrors(ScenarioLoader.ordered(reader.errors, files: [path])) }
        return spec
    }

    static let topKeys = ["base", "replications", "seed", "set", "vary", "latin_hypercube"]

    private static func read(_ root: YNode, path: String, _ r: Reader) -> SweepSpec? {
        guard let top = r.fields(root, "", allowed: topKeys, required: ["base"],
                                 example: "{base: scenario.yaml, vary: {teams.dev.people: [6, 8]}}") else { return nil }
        var spec = SweepSpec(base: "", replications: nil, seed: nil, overrides: [], axes: [], hypercubePoints: 0, ranges: [])
        if let node = top["base"], let name = r.string(node, "base") {
            if name.isEmpty { r.fail(node.origin, "base", "the base scenario file is required") }
            let folder = (path as NSString).deletingLastPathComponent
            let joined = name.hasPrefix("/") || folder.isEmpty ? name : (folder as NSString).appendingPathComponent(name)
            // A preset's name that is no file beside the sweep: the built-in preset.
            spec.base = BuiltInPresets.fallback(for: name, exists: { _ in FileManager.default.fileExists(atPath: joined) }) ?? joined
        }
        if let node = top["replications"] {
            spec.replications = r.integer(node, "replications", in: 2...100_000, expected: "an integer between 2 and 100000")
        }
        if let node = top["seed"] { spec.seed = r.seed(node, "seed") }
        if let node = top["set"] {
            if let items = node.items {
                for (i, item) in items.enumerated() {
                    let here = "set[\(i)]"
                    guard let text = r.string(item, here) else { continue }
                    if text.contains("=") { spec.overrides.append(text) } else { r.fail(item.origin, here, "must be key.path=value (got \(item.shortDescription))") }
                }
            } else {
                r.fail(node.origin, "set", "must be a list of key.path=value strings (got \(node.shortDescription))")
            }
        }
        if let node = top["vary"] {
            if let entries = node.entries, !entries.isEmpty {
                for entry in entries {
                    if let values = axisValues(entry.value, "vary.\(entry.key)", r) { spec.axes.append(Axis(key: entry.key, values: values)) }
                }
            } else {
                r.fail(node.origin, "vary", "must map key paths to lists or ranges (got \(node.shortDescription))")
            }
        }
        if let node = top["latin_hypercube"] {
            if top["vary"] != nil { r.fail(node.origin, "latin_hypercube", "give either `vary` or `latin_hypercube`, not both") }
            readHypercube(node, into: &spec, r)
        }
        // The grid's size is checked before it is built (the product can exceed any Int).
        var product = 1.0
        for axis in spec.axes { product *= Double(axis.values.count) }
        if product > Double(SweepSpec.maxPoints), let node = top["vary"] {
            r.fail(node.origin, "vary", "the grid has \(product < 1e15 ? String(Int(product)) : "\(product)") points, above the limit of \(SweepSpec.maxPoints) sweep points; vary fewer values (or use latin_hypercube)")
        }
        if top["vary"] == nil && top["latin_hypercube"] == nil {
            r.fail(root.origin, "", "give `vary` (a grid) or `latin_hypercube`")
        }
        return spec
    }

    /// A list of values (as flow text) or a range `{from, to, step}`.
    private static func axisValues(_ node: YNode, _ path: String, _ r: Reader) -> [String]? {
        if let items = node.items {
            guard !items.isEmpty else {
                r.fail(node.origin, path, "the list of values is empty")
                return nil
            }
            return items.map(\.flowText)
        }
        guard node.entries != nil else {
            r.fail(node.origin, path, "must be a list of values or {from, to, step} (got \(node.shortDescription))")
            return nil
        }
        guard let range = r.fields(node, path, allowed: ["from", "to", "step"], required: ["from", "to", "step"]) else { return nil }
        // Every field is read (and every problem recorded) before giving up on the range.
        let bounds = ["from", "to", "step"].map { key in range[key].flatMap { r.number($0, range.path(key)) } }
        guard let from = bounds[0], let to = bounds[1], let step = bounds[2] else { return nil }
        guard step > 0, from <= to else {
            r.fail(node.origin, path, "a range needs from ≤ to and step > 0")
            return nil
        }
        // Counted in floating point and checked before it becomes an Int (a step of 1e-300
        // gives a count no Int holds).
        let exactCount = ((to - from) / step + 1e-9).rounded(.down) + 1
        guard exactCount.isFinite, exactCount <= Double(SweepSpec.maxPoints) else {
            r.fail(node.origin, path, "the range has more than \(SweepSpec.maxPoints) values (the limit of sweep points)")
            return nil
        }
        let count = Int(exactCount)
        let integral = [from, to, step].allSatisfy { $0 == $0.rounded() }
        return (0..<count).map { i in
            let x = from + Double(i) * step
            return integral ? String(Int(x)) : "\(x)"
        }
    }

    private static func readHypercube(_ node: YNode, into spec: inout SweepSpec, _ r: Reader) {
        guard let lhs = r.fields(node, "latin_hypercube", allowed: ["points", "ranges"], required: ["points", "ranges"],
                                 example: "{points: 100, ranges: {teams.dev.people: {min: 6, max: 12, integer: true}}}") else { return }
        if let points = lhs["points"] {
            spec.hypercubePoints = r.integer(points, lhs.path("points"), in: 1...SweepSpec.maxPoints,
                                             expected: "an integer between 1 and \(SweepSpec.maxPoints) (the limit of sweep points)") ?? 0
        }
        guard let ranges = lhs["ranges"] else { return }
        guard let entries = ranges.entries, !entries.isEmpty else {
            r.fail(ranges.origin, lhs.path("ranges"), "must map key paths to {min, max} (got \(ranges.shortDescription))")
            return
        }
        for entry in entries {
            let here = "latin_hypercube.ranges.\(entry.key)"
            guard let range = r.fields(entry.value, here, allowed: ["min", "max", "integer"], required: ["min", "max"],
                                       example: "{min: NUMBER, max: NUMBER}") else { continue }
            let low = range["min"].flatMap { r.number($0, range.path("min")) }
            let high = range["max"].flatMap { r.number($0, range.path("max")) }
            let integer = range["integer"].flatMap { r.bool($0, range.path("integer")) } ?? false
            guard let low, let high else { continue }
            guard low < high else {
                r.fail(entry.value.origin, here, "must be {min: NUMBER, max: NUMBER} with min < max")
                continue
            }
            spec.ranges.append(Range(key: entry.key, min: low, max: high, integer: integer))
        }
    }
}
