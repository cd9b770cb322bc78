import Analysis
import DeliveryModel
import Foundation
import Testing
import TestSupport

/// At 5 replications, no interval of any shipped scenario leaves its metric's range (a share's
/// [0, 1], a count's, duration's or level's [0, ∞)), and no paired difference leaves the range a
/// difference can take; `compare --levels all` pairs each family with its own baseline.
@Suite struct IntervalRangeTests {
    static let scenarioFiles: [String] = (try? FileManager.default.contentsOfDirectory(atPath: repositoryRoot + "/scenarios"))?
        .filter { $0.hasSuffix(".yaml") }.sorted().map { repositoryRoot + "/scenarios/" + $0 } ?? []

    static func checkRanges(_ comparison: Comparison) {
        for entry in comparison.entries {
            for metric in entry.metrics {
                let range = MetricRegistry.definition(of: metric.name)!.quantity.intervalScale.range
                let s = metric.summary
                for end in [s.ciLow, s.ciHigh].compactMap({ $0 }) {
                    #expect(range.contains(end), "\(entry.variant.label) \(metric.name): [\(s.ciLow!), \(s.ciHigh!)] leaves \(range)")
                }
                if let d = metric.difference {
                    let widest = range.upperBound - range.lowerBound
                    #expect(d.low >= -widest && d.high <= widest, "\(entry.variant.label) Δ \(metric.name): [\(d.low), \(d.high)]")
                }
            }
        }
    }

    @Test func everyShippedScenarioAtFiveReplications() throws {
        #expect(Self.scenarioFiles.count >= 10)
        let variants = try ScenarioSet.files(Self.scenarioFiles)
        // One comparison of all of them: each is also paired with the first (natural-scale differences).
        Self.checkRanges(try Comparison.run(variants, replications: 5, seed: 1, jobs: 2))
    }

    @Test func levelsAllPairsWithinFamilies() throws {
        let variants = try ScenarioSet.levels(.all, in: repositoryRoot + "/scenarios")
        let comparison = try Comparison.run(variants, replications: 5, seed: 1, jobs: 2)
        Self.checkRanges(comparison)
        let baselines = Dictionary(uniqueKeysWithValues: comparison.entries.map { ($0.variant.label, comparison.entries[$0.baseline].variant.label) })
        for preset in MaturityLevels.cd { #expect(baselines[preset] == "cd-base") }
        for preset in MaturityLevels.mlops { #expect(baselines[preset] == "mlops-0") }
        #expect(comparison.entries.filter(\.isBaseline).map(\.variant.label) == ["cd-base", "mlops-0"])
        // The JSON names each scenario's baseline.
        #expect(ComparisonReport(comparison, heading: "compare").json().contains("\"baseline\": \"mlops-0\""))
    }
}
