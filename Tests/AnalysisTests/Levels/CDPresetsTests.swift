import Analysis
import DeliveryModel
import Foundation
import Testing
import TestSupport

/// The CD maturity presets reproduce the published picture (issue 5): base lands Low and expert
/// Elite with the 2019 and the 2023 tables; each of the four keys improves or holds from each
/// level to the next; base and expert have non-overlapping intervals on every key.
@Suite struct CDPresetsTests {
    static let scenarios = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios").path

    /// Lower is better for every key but deployment frequency.
    static func better(_ key: DORAKey, _ a: Double, than b: Double) -> Bool {
        key == .deploymentFrequency ? a > b : a < b
    }

    @Test(arguments: [DORAYear.y2019, .y2023])
    func levelsLandInTheRightClustersInOrder(year: DORAYear) throws {
        let variants = try ScenarioSet.levels(.cd, in: Self.scenarios)
        let first = variants[0].scenario
        let comparison = try Comparison.run(variants, replications: first.replications, seed: first.seed, year: year, jobs: 2)
        #expect(comparison.entries.first?.dora.overall == .low, "cd-base in \(year.rawValue)")
        #expect(comparison.entries.last?.dora.overall == .elite, "cd-expert in \(year.rawValue)")

        for key in DORAKey.allCases {
            for k in 1..<comparison.entries.count {
                let previous = comparison.entries[k - 1].metric(key.metric)!.summary
                let current = comparison.entries[k].metric(key.metric)!.summary
                // "Improves or holds": the mean moves the right way, or the two intervals overlap
                // (no detectable change at 30 replications).
                let holds = current.ciLow! <= previous.ciHigh! && previous.ciLow! <= current.ciHigh!
                #expect(Self.better(key, current.mean!, than: previous.mean!) || holds,
                        "\(key.metric): \(comparison.entries[k].variant.label) \(current.mean!) vs \(comparison.entries[k - 1].variant.label) \(previous.mean!)")
            }
            let base = comparison.entries.first!.metric(key.metric)!.summary
            let expert = comparison.entries.last!.metric(key.metric)!.summary
            let separate = key == .deploymentFrequency ? expert.ciLow! > base.ciHigh! : expert.ciHigh! < base.ciLow!
            #expect(separate, "\(key.metric): base [\(base.ciLow!), \(base.ciHigh!)] vs expert [\(expert.ciLow!), \(expert.ciHigh!)]")
        }
    }

    @Test func presetsShareTheOrganization() throws {
        let variants = try ScenarioSet.levels(.cd, in: Self.scenarios)
        let people = variants.map { $0.scenario.teams.reduce(0) { $0 + $1.people } }
        #expect(Set(people) == [9])
        for v in variants {
            #expect(v.scenario.demand.arrivals == variants[0].scenario.demand.arrivals)
            #expect(v.scenario.stages.map(\.work) == variants[0].scenario.stages.map(\.work))
            #expect(v.scenario.stages[0].defectProbability == variants[0].scenario.stages[0].defectProbability)
        }
    }
}
