import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// Sharded sweeps: merging 1, 3 or 7 shards gives byte-identical export files to the
/// unsharded run, and incomplete or mixed shard sets are refused with what is missing.
struct ShardMergeTests {
    func plan(in dir: TemporaryDirectory, seed: Int = 3) throws -> SweepPlan {
        let base = try dir.write("base.yaml", scenarioYAML(name: "base"))
        let sweep = try dir.write("sweep.yaml", """
        base: \((base as NSString).lastPathComponent)
        replications: 4
        seed: \(seed)
        vary:
          teams.dev.people: [4, 6]
          stages.develop.wip_limit: {from: 3, to: 7, step: 2}
        """)
        return try SweepPlan(try SweepSpec.load(path: sweep), file: sweep, version: "test")
    }

    /// The export tables of a whole sweep given its results.
    func files(_ plan: SweepPlan, _ results: [[ReplicationResult]]) -> [String] {
        let comparison = Comparison(variants: plan.variants, results: results, seed: plan.seed, year: .y2023)
        let run = ExportRun(command: "sweep", arguments: ["deliverysim", "sweep"], comparison: comparison, results: results,
                            itemsRecorded: false, timestamp: Date(timeIntervalSince1970: 0), version: "test")
        return [ExportTables.replications(run), ExportTables.summary(run), ExportTables.flow(run), plan.pointsCSV()]
    }

    /// Round-trips a shard through JSON, as `sweep --shard` and `merge` do.
    func shard(_ plan: SweepPlan, _ k: Int, of n: Int) throws -> ShardFile {
        let units = plan.units(shard: k, of: n)
        let results = try plan.run(units: units, jobs: 2, maxEvents: 10_000_000)
        let file = ShardFile(plan: plan, shard: k, of: n, results: zip(units, results).map { (unit: $0.0, result: $0.1) })
        return try JSONDecoder().decode(ShardFile.self, from: JSONEncoder().encode(file))
    }

    @Test func mergedShardsAreByteIdenticalToTheUnshardedRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let plan = try plan(in: dir)
        #expect(plan.scenarios.count == 6 && plan.unitCount == 24)
        let all = try plan.run(units: Array(0..<plan.unitCount), jobs: 1, maxEvents: 10_000_000)
        let unsharded = (0..<6).map { p in Array(all[(p * 4)..<((p + 1) * 4)]) }
        let expected = files(plan, unsharded)
        for n in [1, 3, 7] {
            let shards = try (1...n).map { try shard(plan, $0, of: n) }
            let merged = try ShardFile.merge(shards.reversed())
            #expect(merged.sweep == plan.fingerprint)
            #expect(files(plan, merged.results) == expected, "\(n) shards")
        }
    }

    @Test func incompleteOrMixedShardsAreRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let plan = try plan(in: dir)
        let s1 = try shard(plan, 1, of: 3), s3 = try shard(plan, 3, of: 3)
        #expect(throws: MergeError(message: "incomplete: missing shard 2/3")) { try ShardFile.merge([s1, s3]) }
        let other = try self.plan(in: try TemporaryDirectory(), seed: 4)
        #expect(other.fingerprint != plan.fingerprint)
        let foreign = try shard(other, 2, of: 3)
        #expect(throws: MergeError.self) { try ShardFile.merge([s1, foreign, s3]) }
        #expect(throws: MergeError.self) { try ShardFile.merge([s1, s1, s3]) }
    }

    @Test func latinHypercubeStratifiesEveryDimension() throws {
        let spec = try SweepSpec.parse("""
        base: x.yaml
        latin_hypercube:
          points: 50
          ranges:
            a: {min: 0, max: 1}
            b: {min: 10, max: 20, integer: true}
        """, path: "s.yaml")
        let points = spec.points(seed: 1)
        #expect(points.count == 50)
        // One point in each of the 50 strata of `a`.
        let strata = Set(points.map { Int(Double($0[0].dropFirst(2))! * 50) })
        #expect(strata == Set(0..<50))
        #expect(points.allSatisfy { (10...20).contains(Int($0[1].dropFirst(2))!) })
        #expect(spec.points(seed: 1) == points && spec.points(seed: 2) != points)
    }
}
