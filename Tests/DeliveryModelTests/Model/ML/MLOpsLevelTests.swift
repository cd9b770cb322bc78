import Foundation
import Testing
import DeliveryModel
import ScenarioFile
import SimStats

/// The MLOps presets at their default replications (30 × two years): degraded model time and
/// recovery time fall from level 0 to 1 to 2, with non-overlapping 95% intervals.
@Suite struct MLOpsLevelTests {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scenarios")

    @Test func levelsImproveInOrderWithSeparateIntervals() throws {
        let levels = try (0...2).map { try ScenarioLoader.load(path: Self.scenarios.appendingPathComponent("mlops-\($0).yaml").path).scenario }
        let summaries = try levels.map { level in
            MetricSummary.all(try ScenarioRunner.run(level, replications: level.replications))
        }
        for metric in ["model_degraded_fraction", "model_recovery_hours"] {
            let cis = summaries.map { s in s.first { $0.name == metric }! }
            for k in 1..<cis.count {
                #expect(cis[k].ciHigh! < cis[k - 1].ciLow!,
                        "\(metric): level \(k) [\(cis[k].ciLow!), \(cis[k].ciHigh!)] vs level \(k - 1) [\(cis[k - 1].ciLow!), \(cis[k - 1].ciHigh!)]")
            }
        }
    }

    @Test func levelsDifferOnlyInPractices() throws {
        // One organization and one drift process: the presets share demand, teams, stages and drift.
        let levels = try (0...2).map { try ScenarioLoader.load(path: Self.scenarios.appendingPathComponent("mlops-\($0).yaml").path).scenario }
        for level in levels.dropFirst() {
            #expect(level.teams.map(\.people) == levels[0].teams.map(\.people))
            #expect(level.stages.map(\.name) == levels[0].stages.map(\.name))
            #expect(level.ml!.models == levels[0].ml!.models)
            #expect(level.ml!.gradualPerDay == levels[0].ml!.gradualPerDay)
            #expect(level.ml!.shifts!.every == levels[0].ml!.shifts!.every)
            #expect(level.demand.arrivals == levels[0].demand.arrivals)
        }
    }
}
