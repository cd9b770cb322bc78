import Foundation
import Testing
import TestSupport

/// `bench pipeline --save FILE` writes the figures; `--compare FILE` prints each one's ratio to
/// them; a missing or malformed file is a usage error. (Functional checks only: no timing is
/// asserted.)
@Suite struct BenchRecordTests {
    @Test func savesAndComparesAPipelineRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = dir.path + "/bench.json"
        let quick = ["bench", "pipeline", "--no-instructions", "--replications", "3", "--runs", "1"]
        let first = try runProcess(try deliverysimPath(), quick + ["--save", file], in: repositoryRoot)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("bench=pipeline model=reference-pipeline replications=3"), "\(first.stdout)")
        #expect(first.stdout.contains("bench=saved file=\(file) figures=2"), "\(first.stdout)")
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any]
        let figures = saved?["figures"] as? [String: Double] ?? [:]
        #expect((figures["pipeline.items_per_s"] ?? 0) > 0 && (figures["pipeline.events_per_s"] ?? 0) > 0, "\(figures)")

        let second = try runProcess(try deliverysimPath(), quick + ["--compare", file], in: repositoryRoot)
        #expect(second.status == 0, "\(second.stderr)")
        for name in ["pipeline.items_per_s", "pipeline.events_per_s"] {
            #expect(second.stdout.contains("bench=versus figure=\(name) saved="), "\(second.stdout)")
        }
        #expect(second.stdout.contains("ratio=") && second.stdout.contains("(higher is better"), "\(second.stdout)")
    }

    @Test func refusesAMissingOrMalformedSavedRun() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let bad = try dir.write("bad.json", "{\"not\": \"a run\"}")
        for file in [dir.path + "/missing.json", bad] {
            let result = try runProcess(try deliverysimPath(), ["bench", "pipeline", "--no-instructions", "--compare", file], in: repositoryRoot)
            #expect(result.status == 2, "\(result.stderr)")
            #expect(result.stderr.hasPrefix("error: \(file):"), "\(result.stderr)")
            #expect(!result.stdout.contains("bench=pipeline "), "measured before refusing: \(result.stdout)")
        }
    }

    @Test func scalingProbeGrowsTheValueStream() throws {
        let result = try runProcess(try deliverysimPath(), ["bench", "scaling-probe", "--axis", "stages", "--value", "6", "--replications", "1"],
                                    in: repositoryRoot)
        #expect(result.status == 0, "\(result.stderr)")
        let fields = Dictionary(uniqueKeysWithValues: result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).compactMap { pair -> (String, Double)? in
            let kv = pair.split(separator: "=")
            return kv.count == 2 ? (String(kv[0]), Double(kv[1]) ?? -1) : nil
        })
        // Six stages: more events per item than the reference's three (about 7.4).
        let items = fields["items"] ?? 0, events = fields["events"] ?? 0
        #expect(items > 1000 && events / items > 9, "\(result.stdout)")
        #expect((fields["peak_rss_kb"] ?? 0) > 0)
    }

    /// The organization axis grows the weekly train with the organization; the batched one keeps
    /// releases at 34 changes, so only the engine's work per change can change along it.
    @Test func batchedOrganizationKeepsTheReleaseSize() throws {
        func perRelease(_ axis: String) throws -> Double {
            let result = try runProcess(try deliverysimPath(), ["bench", "scaling-probe", "--axis", axis, "--value", "10",
                                                                "--replications", "1", "--runs", "1"], in: repositoryRoot)
            #expect(result.status == 0, "\(result.stderr)")
            let field = result.stdout.split(whereSeparator: { $0 == " " || $0 == "\n" }).first { $0.hasPrefix("per_release=") }
            return Double(field?.dropFirst("per_release=".count) ?? "") ?? -1
        }
        let weekly = try perRelease("organization"), batched = try perRelease("organization_batched")
        // × 10 demand is about 336 changes a week, all on the weekly train; batches hold 34 at most.
        #expect(weekly > 250, "organization ×10: \(weekly) changes per release")
        #expect(batched > 20 && batched <= 34, "organization_batched ×10: \(batched) changes per release")
    }
}
