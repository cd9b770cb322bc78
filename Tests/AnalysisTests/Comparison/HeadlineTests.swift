import Analysis
import DeliveryModel
import ScenarioFile
import Testing

/// The headline: the largest significant change against the baseline, in plain words; nil when
/// no headline metric changed significantly.
@Suite struct HeadlineTests {
    /// A comparison of two scenarios from given per-replication values (4 replications).
    static func comparison(_ baseline: [String: [Double]], _ other: [String: [Double]]) throws -> Comparison {
        let scenario = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        func results(_ values: [String: [Double]]) -> [ReplicationResult] {
            (0..<4).map { r in
                ReplicationResult(replication: r, metrics: values.keys.sorted().map { MetricValue($0, values[$0]![r]) }, events: 1, itemsArrived: 1)
            }
        }
        return Comparison(variants: [Variant(label: "monthly-train", file: "-", scenario: scenario),
                                     Variant(label: "continuous", file: "-", scenario: scenario)],
                          results: [results(baseline), results(other)], seed: 1, year: .newestWithClusters)
    }

    @Test func statesTheLargestSignificantChange() throws {
        let c = try Self.comparison(
            ["lead_time_for_changes_hours": [600, 610, 620, 590], "deployment_frequency_per_day": [0.04, 0.041, 0.039, 0.04],
             "throughput_per_week": [10, 11, 9, 10]],
            ["lead_time_for_changes_hours": [3.0, 3.2, 2.8, 3.0], "deployment_frequency_per_day": [0.05, 0.051, 0.049, 0.05],
             // a factor of 20, but the paired interval includes zero: not a headline
             "throughput_per_week": [400, 1, 1, 1]])
        #expect(Headline.text(c) == "continuous cuts lead time for changes from 25 days to 3 hours (−99.5%) against monthly-train")
    }

    @Test func frequenciesReadAsOnceEvery() throws {
        let c = try Self.comparison(["deployment_frequency_per_day": [0.0387, 0.0390, 0.0384, 0.0387]],
                                    ["deployment_frequency_per_day": [3.1, 3.3, 3.2, 3.2]])
        #expect(Headline.text(c) == "continuous raises deployment frequency from once every 26 days to 3.2 a day (×83) against monthly-train")
    }

    @Test func nilWhenNothingChangedSignificantly() throws {
        let c = try Self.comparison(["lead_time_for_changes_hours": [600, 610, 620, 590]],
                                    ["lead_time_for_changes_hours": [700, 500, 640, 580]])
        #expect(Headline.text(c) == nil)
    }
}
