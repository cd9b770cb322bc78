import SimRandom

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

    /// The most points a sweep may have (grid product or Latin-hypercube points): each point is
    /// a resolved scenario held in memory and run `replications` times.
    public static let maxPoints = 100_000

    /// The overrides of every point, in point order.
    public func points(seed: UInt64) -> [[String]] {
        if !ranges.isEmpty { return latinHypercube(seed: seed) }
        return Axis.grid(axes)
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

private extension Double {
    func clamped(_ low: Double, _ high: Double) -> Double { Swift.min(Swift.max(self, low), high) }
}
