import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom

/// A sweep made concrete: one scenario per point, the replications and seed, and the units of
/// work — unit `u = point × replications + replication` — that shards share out.
public struct SweepPlan: Sendable {
    public var spec: SweepSpec
    /// The sweep file, absolute.
    public var file: String
    /// Each point's overrides (after the sweep's own `set`).
    public var points: [[String]]
    public var scenarios: [Scenario]
    /// Each point's fully resolved scenario document.
    public var resolvedYAML: [String]
    public var replications: Int
    public var seed: UInt64
    /// Identifies the sweep: a hash of every point's resolved scenario, the replications, the
    /// seed and the program's version. Shards of different sweeps refuse to merge.
    public var fingerprint: String

    /// Resolves every point of `spec` (all loader errors together), reading points on up to
    /// `jobs` threads (the plan does not depend on it).
    public init(_ spec: SweepSpec, file: String, version: String, jobs: Int = ParallelReplications.defaultJobs) throws(ScenarioErrors) {
        self.spec = spec
        self.file = file.hasPrefix("/") ? file : (FileManager.default.currentDirectoryPath as NSString).appendingPathComponent(file)
        // The base is read and merged once; each point applies its overrides to a copy of it.
        let document: ScenarioLoader.ResolvedDocument
        do { document = try ScenarioLoader.resolve(path: spec.base) } catch { throw SweepPlan.errors(error) }
        // The points of a grid, or of a hypercube with its own seed, do not depend on the base:
        // the base is then read beside them, not before them.
        let early = spec.ranges.isEmpty || spec.seed != nil ? spec.points(seed: spec.seed ?? 0) : nil
        let first = ParallelMap.map(1 + (early?.count ?? 0), jobs: jobs) { i in
            Result { try document.load(overrides: i == 0 ? spec.overrides : spec.overrides + early![i - 1]) }
        }
        let base: LoadedScenario
        do { base = try first[0].get() } catch { throw SweepPlan.errors(error) }
        seed = spec.seed ?? base.scenario.seed
        replications = spec.replications ?? base.scenario.replications
        if let refusal = Limits.refusal(base.scenario, replications: replications) {
            throw ScenarioErrors([ScenarioError(file: spec.base, message: refusal)])
        }
        points = early ?? spec.points(seed: seed)
        var scenarios: [Scenario] = []
        var resolved: [String] = []
        var errors: [ScenarioError] = []
        let points = self.points
        let outcomes = early != nil ? Array(first.dropFirst())
            : ParallelMap.map(points.count, jobs: jobs) { p in Result { try document.load(overrides: spec.overrides + points[p]) } }
        for (p, outcome) in outcomes.enumerated() {
            do {
                let loaded = try outcome.get()
                var scenario = loaded.scenario
                scenario.name = SweepPlan.pointName(p)
                scenario.seed = seed
                scenario.replications = replications
                scenarios.append(scenario)
                resolved.append(loaded.resolvedYAML)
            } catch {
                for e in SweepPlan.errors(error).errors where !errors.contains(e) { errors.append(e) }
            }
        }
        guard errors.isEmpty else { throw ScenarioErrors(errors) }
        self.scenarios = scenarios
        resolvedYAML = resolved
        var text = "deliverysim \(version)\nreplications \(replications)\nseed \(seed)\n"
        for (p, yaml) in resolved.enumerated() { text += "point \(p)\n\(points[p].joined(separator: "\n"))\n\(yaml)\n" }
        fingerprint = String(StreamSeed.fnv1a64(text), radix: 16)
    }

    static func errors(_ error: any Error) -> ScenarioErrors {
        (error as? ScenarioErrors) ?? ScenarioErrors([ScenarioError(file: "", message: "\(error)")])
    }

    /// The name of point `p` in exports: `point-0001` …
    public static func pointName(_ p: Int) -> String {
        let digits = String(p + 1)
        return "point-" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }

    /// One variant per point, labelled `point-0001` …, for comparisons and exports.
    public var variants: [Variant] {
        scenarios.indices.map { p in
            Variant(label: scenarios[p].name, file: spec.base, overrides: points[p], scenario: scenarios[p], resolvedYAML: resolvedYAML[p])
        }
    }

    /// `points.csv`: one row per point, its name and the value of every varied key.
    public func pointsCSV() -> String {
        let keys = spec.ranges.isEmpty ? spec.axes.map(\.key) : spec.ranges.map(\.key)
        var out = CSVText.row(["point"] + keys)
        for (p, overrides) in points.enumerated() {
            let values = overrides.map { o in String(o[o.index(after: o.firstIndex(of: "=")!)...]) }
            out += CSVText.row([scenarios[p].name] + values)
        }
        return out
    }

    /// Runs `units` of the plan on `jobs` workers (no flow snapshots: a sweep can have
    /// thousands of points); `pointDone` hears of each point whose units are all done (its
    /// results in the order of `units`), on the worker that did the last.
    public func run(units: [Int], jobs: Int, maxEvents: Int, progress: ParallelReplications.Progress? = nil,
                    pointDone: ParallelReplications.ScenarioDone? = nil) throws -> [ReplicationResult] {
        try ParallelReplications.run(units: units.map { split($0) }.map { (scenario: $0.point, replication: $0.replication) },
                                     of: scenarios, jobs: jobs, options: RunOptions(maxEvents: maxEvents), progress: progress,
                                     scenarioDone: pointDone)
    }

    /// Units of work in all.
    public var unitCount: Int { scenarios.count * replications }

    /// The units of shard `k` of `n` (1-based): every n-th unit from the k-th, so each shard
    /// gets a fair share of every point.
    public func units(shard k: Int, of n: Int) -> [Int] {
        precondition(n >= 1 && (1...n).contains(k), "shard must be k/n with 1 ≤ k ≤ n")
        return Array(stride(from: k - 1, to: unitCount, by: n))
    }

    /// (point, replication) of unit `u`.
    public func split(_ u: Int) -> (point: Int, replication: Int) {
        let (p, r) = u.quotientAndRemainder(dividingBy: replications)
        return (p, r)
    }
}
