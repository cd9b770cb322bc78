import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import TestSupport

/// Three small scenarios written into `dir`: a weekly train (the baseline), continuous delivery,
/// and one whose name needs CSV quoting (comma, quotes, a line break).
func testVariants(in dir: TemporaryDirectory, third: String = "six, \\\"quoted\\\"\\nname") throws -> [Variant] {
    let a = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
    let b = try dir.write("b.yaml", scenarioYAML(name: "continuous", replacing: [("policy: {scheduled: {every: 7d}}", "policy: continuous")]))
    let c = try dir.write("c.yaml", scenarioYAML(name: "\"\(third)\"", replacing: [("dev: {people: 5}", "dev: {people: 6}")]))
    return try ScenarioSet.files([a, b, c])
}

/// Runs `variants` paired for an export (flow snapshots, items if asked) and wraps the result.
func exportRun(_ variants: [Variant], replications: Int = 3, seed: UInt64 = 7, jobs: Int = 2, items: Bool = true,
               timestamp: Date = Date(timeIntervalSince1970: 1_700_000_000)) throws -> ExportRun {
    let (comparison, results) = try Comparison.runKeepingResults(variants, replications: replications, seed: seed, jobs: jobs,
                                                                 options: ExportRun.runOptions(items: items, maxEvents: 50_000_000))
    return ExportRun(command: "compare", arguments: ["deliverysim", "compare", "--jobs", String(jobs)], comparison: comparison,
                     results: results, itemsRecorded: items, timestamp: timestamp, version: "test")
}
