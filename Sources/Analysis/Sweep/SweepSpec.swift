import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom
import Yams

/// A parameter sweep: a base scenario, the key paths to vary, replications and seed.
///
/// ```yaml
/// base: cd-intermediate.yaml          # relative to the sweep file
/// replications: 10                    # default: the base scenario's
/// seed: 1                             # default: the base scenario's
/// set: ["release.approval=null"]      # optional overrides applied at every point
/// vary:                               # a grid: the Cartesian product, first key slowest
///   teams.dev.people: [6, 8, 10]                      # a list of values
///   stages.develop.wip_limit: {from: 4, to: 12, step: 4}   # a range with a step
/// # or, instead of `vary`:
/// latin_hypercube:
///   points: 1000
///   ranges:
///     deploy.failure_probability: {min: 0.01, max: 0.2}
///     teams.dev.people: {min: 6, max: 12, integer: true}
/// ```
public struct SweepSpec: Sendable, Equatable {
    /// One varied key and its values (as YAML text, the form `--set` takes).
    public struct Axis: Sendable, Equatable {
        public var key: String
        public var values: [String]
    }

    /// One Latin-hypercube dimension.
    public struct Range: Sendable, Equatable {
        public var key: String
        public var min: Double
        public var max: Double
        public var integer: Bool
    }

    /// Path of the base scenario, resolved against the sweep file's folder.
    public var base: String
    public var replications: Int?
    public var seed: UInt64?
    public var overrides: [String]
    public var axes: [Axis]
    /// Latin-hypercube points and dimensions (empty for a grid).
    public var hypercubePoints: Int
    public var ranges: [Range]

    /// The overrides of every point, in point order.
    public func points(seed: UInt64) -> [[String]] {
        if !ranges.isEmpty { return latinHypercube(seed: seed) }
        return axes.reduce([[]]) { partial, axis in
            partial.flatMap { prefix in axis.values.map { prefix + ["\(axis.key)=\($0)"] } }
        }
    }

    /// McKay's Latin hypercube: each dimension's range cut into `points` equal strata, one
    /// point per stratum, strata matched across dimensions by independent random permutations,
    /// and a uniform position inside each stratum. Streams are named `sweep.lhs.KEY`, so the
    /// design depends only on the seed and the keys.
    func latinHypercube(seed: UInt64) -> [[String]] {
        let n = hypercubePoints
        var columns: [[String]] = []
        for range in ranges {
            let stream = RandomStream(seed: seed, replication: 0, purpose: "sweep.lhs.\(range.key)")
            var strata = Array(0..<n)
            for i in stride(from: n - 1, to: 0, by: -1) { strata.swapAt(i, stream.index(below: i + 1)) }  // Fisher–Yates
            columns.append(strata.map { stratum in
                let x = range.min + (Double(stratum) + stream.uniform()) / Double(n) * (range.max - range.min)
                return range.integer ? String(Int(x.rounded(.down).clamped(range.min, range.max))) : "\(x)"
            })
        }
        return (0..<n).map { i in ranges.indices.map { "\(ranges[$0].key)=\(columns[$0][i])" } }
    }
}

extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}

/// A sweep file that cannot be used, with the file and key path.
public struct SweepError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    public var keyPath: String
    public var message: String
    public var description: String { keyPath.isEmpty ? "\(file): \(message)" : "\(file): \(keyPath): \(message)" }
}

extension SweepSpec {
    /// Reads the sweep file at `path`.
    public static func load(path: String) throws(SweepError) -> SweepSpec {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw SweepError(file: path, keyPath: "", message: "cannot read the sweep file")
        }
        return try parse(text, path: path)
    }

    /// Reads a sweep from `text`; `path` names it in errors and anchors `base`.
    public static func parse(_ text: String, path: String) throws(SweepError) -> SweepSpec {
        func fail(_ key: String, _ message: String) -> SweepError { SweepError(file: path, keyPath: key, message: message) }
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw fail("", "not valid YAML: \(error)") }
        guard let root, let map = root.mapping else { throw fail("", "must be a mapping with `base` and `vary` or `latin_hypercube`") }
        let allowed = ["base", "replications", "seed", "set", "vary", "latin_hypercube"]
        for (key, _) in map {
            let name = key.string ?? ""
            if !allowed.contains(name) {
                var message = "unknown key `\(name)`"
                if let guess = Suggestion.closest(to: name, among: allowed) { message += "; did you mean `\(guess)`?" }
                throw fail(name, message)
            }
        }
        guard let baseName = map["base"]?.string, !baseName.isEmpty else { throw fail("base", "the base scenario file is required") }
        let folder = (path as NSString).deletingLastPathComponent
        let base = baseName.hasPrefix("/") || folder.isEmpty ? baseName : (folder as NSString).appendingPathComponent(baseName)
        var spec = SweepSpec(base: base, replications: nil, seed: nil, overrides: [], axes: [], hypercubePoints: 0, ranges: [])
        if let node = map["replications"] {
            guard let r = node.int, r >= 2, r <= 100_000 else { throw fail("replications", "must be an integer between 2 and 100000") }
            spec.replications = r
        }
        if let node = map["seed"] {
            guard let s = node.int, s >= 0 else { throw fail("seed", "must be a non-negative integer") }
            spec.seed = UInt64(s)
        }
        if let node = map["set"] {
            guard let items = node.sequence else { throw fail("set", "must be a list of key.path=value strings") }
            spec.overrides = try items.map { item throws(SweepError) in
                guard let s = item.string, s.contains("=") else { throw fail("set", "each entry must be key.path=value") }
                return s
            }
        }
        if let vary = map["vary"] {
            guard let axes = vary.mapping, !axes.isEmpty else { throw fail("vary", "must map key paths to lists or ranges") }
            for (key, value) in axes {
                let name = key.string ?? ""
                spec.axes.append(Axis(key: name, values: try axisValues(value, path: "vary.\(name)", fail: fail)))
            }
        }
        if let lhs = map["latin_hypercube"] {
            guard spec.axes.isEmpty else { throw fail("latin_hypercube", "give either `vary` or `latin_hypercube`, not both") }
            guard let m = lhs.mapping, let n = m["points"]?.int, n >= 1, n <= 1_000_000 else {
                throw fail("latin_hypercube.points", "must be an integer between 1 and 1000000")
            }
            guard let ranges = m["ranges"]?.mapping, !ranges.isEmpty else { throw fail("latin_hypercube.ranges", "must map key paths to {min, max}") }
            spec.hypercubePoints = n
            for (key, value) in ranges {
                let name = key.string ?? ""
                let here = "latin_hypercube.ranges.\(name)"
                guard let r = value.mapping, let low = r["min"]?.float, let high = r["max"]?.float, low.isFinite, high.isFinite, low < high else {
                    throw fail(here, "must be {min: NUMBER, max: NUMBER} with min < max")
                }
                spec.ranges.append(Range(key: name, min: low, max: high, integer: r["integer"]?.bool ?? false))
            }
        }
        guard !spec.axes.isEmpty || !spec.ranges.isEmpty else { throw fail("", "give `vary` (a grid) or `latin_hypercube`") }
        return spec
    }

    private static func axisValues(_ node: Node, path: String, fail: (String, String) -> SweepError) throws(SweepError) -> [String] {
        if let items = node.sequence {
            guard !items.isEmpty else { throw fail(path, "the list of values is empty") }
            var values: [String] = []
            for item in items {
                guard let text = try? PracticeSteps.flowText(item) else { throw fail(path, "a value cannot be written as YAML") }
                values.append(text)
            }
            return values
        }
        if let range = node.mapping, let from = range["from"]?.float, let to = range["to"]?.float, let step = range["step"]?.float {
            guard from.isFinite, to.isFinite, step.isFinite, step > 0, from <= to else { throw fail(path, "a range needs from ≤ to and step > 0") }
            let count = Int(((to - from) / step + 1e-9).rounded(.down)) + 1
            guard count <= 100_000 else { throw fail(path, "the range has more than 100000 values") }
            let integral = [from, to, step].allSatisfy { $0 == $0.rounded() }
            return (0..<count).map { i in
                let x = from + Double(i) * step
                return integral ? String(Int(x)) : "\(x)"
            }
        }
        throw fail(path, "must be a list of values or {from, to, step}")
    }
}
