import DeliveryModel
import Foundation
import ScenarioFile
import SimRandom

/// A sweep made concrete: one scenario per point, the replications and seed, and the units of
/// work — unit `u = point × replications + replication` — that shards share out.
public struct SweepPlan: Sendable {
    public var spec: SweepSpec
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

    /// Resolves every point of `spec` (all loader errors together).
    public init(_ spec: SweepSpec, version: String) throws(ScenarioErrors) {
        self.spec = spec
        let base: LoadedScenario
        do { base = try ScenarioLoader.load(path: spec.base, overrides: spec.overrides) } catch { throw SweepPlan.errors(error) }
        seed = spec.seed ?? base.scenario.seed
        replications = spec.replications ?? base.scenario.replications
        points = spec.points(seed: seed)
        var scenarios: [Scenario] = []
        var resolved: [String] = []
        var errors: [ScenarioError] = []
        for (p, overrides) in points.enumerated() {
            do {
                let loaded = try ScenarioLoader.load(path: spec.base, overrides: spec.overrides + overrides)
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
