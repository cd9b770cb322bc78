import Foundation
import Testing
import TestSupport

/// `deliverysim sweep --shard K/N` then `deliverysim merge`: the merged export is byte-identical
/// to `sweep --out` run whole (run.json aside: it holds the command line and the time), and a
/// missing shard is refused with what is missing. (The library side is ExportTests'
/// ShardMergeTests.)
@Suite(.serialized) struct SweepShardMergeTests {
    static func sweepFile(in dir: TemporaryDirectory) throws -> String {
        try dir.write("base.yaml", scenarioYAML(name: "base"))
        return try dir.write("sweep.yaml", """
        base: base.yaml
        replications: 3
        seed: 3
        vary:
          teams.dev.people: [4, 6]
          stages.develop.wip_limit: {from: 3, to: 7, step: 2}
        """)
    }

    @Test func mergedShardsAreTheWholeSweepByteForByte() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sweep = try Self.sweepFile(in: dir)
        let whole = try runProcess(bin, ["sweep", sweep, "--out", dir.path + "/whole", "--jobs", "2", "--quiet"])
        try #require(whole.status == 0, "\(whole.stderr)")
        let files = try dir.list("whole")
        #expect(files.contains("points.csv") && files.contains("replications.csv") && files.contains("run.json"), "\(files)")
        for k in 1...3 {
            let shard = try runProcess(bin, ["sweep", sweep, "--shard", "\(k)/3", "--out", dir.path + "/parts", "--jobs", "1", "--quiet"])
            try #require(shard.status == 0, "shard \(k)/3: \(shard.stderr)")
        }
        #expect(try dir.list("parts") == ["shard-1-of-3.json", "shard-2-of-3.json", "shard-3-of-3.json"])
        let merged = try runProcess(bin, ["merge", dir.path + "/parts", "--out", dir.path + "/merged", "--quiet"])
        try #require(merged.status == 0, "\(merged.stderr)")
        #expect(try dir.list("merged") == files)
        for file in files where file != "run.json" {
            let a = try Data(contentsOf: dir.url.appendingPathComponent("whole/" + file))
            let b = try Data(contentsOf: dir.url.appendingPathComponent("merged/" + file))
            #expect(!a.isEmpty && a == b, "\(file) differs between the whole sweep and the merged shards")
        }
    }

    @Test func aMissingShardIsRefused() throws {
        let bin = try deliverysimPath()
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let sweep = try Self.sweepFile(in: dir)
        for k in [1, 3] {
            let shard = try runProcess(bin, ["sweep", sweep, "--shard", "\(k)/3", "--out", dir.path + "/parts", "--quiet"])
            try #require(shard.status == 0, "shard \(k)/3: \(shard.stderr)")
        }
        let merged = try runProcess(bin, ["merge", dir.path + "/parts", "--out", dir.path + "/merged"])
        #expect(merged.status == 2)
        #expect(merged.stderr.contains("missing shard 2/3"), "\(merged.stderr)")
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/merged"))
    }
}
