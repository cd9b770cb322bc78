import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import Testing
import TestSupport

/// The report's value stream map accounts for the whole lead time: in every shipped scenario,
/// the segments it draws (`value_stream_hours.*` read back from `summary.csv`) add up to the
/// mean `lead_time_hours` of the same export, and the waits after development that a release
/// train, an approval board or a canary add are among them.
@Suite struct ValueStreamMapTests {
    @Test func segmentsAddUpToTheLeadTimeInEveryShippedScenario() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let files = try FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/scenarios")
            .filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("-common.yaml") }.sorted()
        #expect(files.count >= 10 && files.contains("cd-base.yaml") && files.contains("mlops-1.yaml") && files.contains("example.yaml"))
        var variants: [Variant] = []
        for file in files {
            var variant = try ScenarioSet.files([repositoryRoot + "/scenarios/" + file])[0]
            // Ten weeks measured after the warm-up: enough deliveries in every scenario, quick.
            variant.scenario.horizon = variant.scenario.warmup + 10 * 168
            variants.append(variant)
        }
        let run = try exportRun(variants, replications: 2, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: false)
        let data = try ReportData.load(folder: dir.path + "/out")
        for variant in variants {
            let name = variant.label
            let lead = try #require(data.row(name, MetricDefinition.leadTime.name)?.mean, "\(name): no lead time")
            let segments = data.segments(name)
            let total = segments.reduce(0) { $0 + $1.hours }
            // The partition is exact per replication (one segment at a time from arrival to the
            // last deployment, the same changes), so the means agree to rounding; 1% is the brief's bound.
            #expect(abs(total - lead) <= 0.01 * lead, "\(name): segments add up to \(total) h, lead time \(lead) h")
            func hours(_ segment: String) -> Double { segments.first { $0.segment == segment }?.hours ?? 0 }
            if case .scheduled = variant.scenario.release.policy {
                #expect(hours("release_wait") > 1, "\(name): a release train makes changes wait")
            }
            if variant.scenario.release.approval != nil { #expect(hours("approval") > 0.1, "\(name): approval is a segment") }
            for stage in variant.scenario.stages where stage.work != nil {
                #expect(hours("\(stage.name).work") > 0, "\(name): \(stage.name) work is a segment")
            }
        }
        // The waits cd-base has and cd-expert does not are most of cd-base's lead time (the
        // issue: bars of ~117 h against a 758 h lead time before they were drawn).
        let base = data.segments("cd-base")
        let after = base.filter { ["release_wait", "approval", "deploy_queue", "deployment"].contains($0.segment) }.reduce(0) { $0 + $1.hours }
        #expect(after > 0.3 * base.reduce(0) { $0 + $1.hours })
    }

    /// A blocked item is in its stage's `blocked` segment while blocked, so with blockers the
    /// segments still add up to the lead time, and the blocked segment is near `blocked_hours`
    /// (the same blocked spells, counted at delivery rather than when lifted).
    @Test func blockedTimeIsASegmentAndTheSegmentsStillAddUp() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        var variant = try ScenarioSet.files([repositoryRoot + "/scenarios/example.yaml"],
                                            overrides: ["stages.review.blockers={chance: 0.3, duration: {exponential: {mean: 2d}}}"])[0]
        variant.scenario.horizon = variant.scenario.warmup + 20 * 168
        let run = try exportRun([variant], replications: 3, items: false)
        try Exporter.export(run, to: dir.path + "/out", force: false, report: false)
        let data = try ReportData.load(folder: dir.path + "/out")
        let lead = try #require(data.row("example", MetricDefinition.leadTime.name)?.mean)
        let segments = data.segments("example")
        let total = segments.reduce(0) { $0 + $1.hours }
        #expect(abs(total - lead) <= 0.01 * lead, "segments add up to \(total) h, lead time \(lead) h")
        let blocked = try #require(segments.first { $0.segment == "review.blocked" }?.hours)
        // 0.3 × 48 h ≈ 14 h per change; the two measures differ only at the window's ends.
        let perChange = try #require(data.row("example", "blocked_hours.review")?.mean)
        #expect(blocked > 5 && abs(blocked - perChange) <= 0.2 * perChange, "blocked segment \(blocked) h, blocked_hours \(perChange) h")
    }
}
