import Analysis
import DeliveryModel
import ScenarioFile
import SimStats
import Testing
import TestSupport

/// Comparisons: byte-identical reports whatever the jobs, paired differences under common
/// random numbers, preset and what-if loading.
@Suite struct ComparisonTests {
    static func variants(in dir: TemporaryDirectory) throws -> [Variant] {
        let a = try dir.write("a.yaml", scenarioYAML(name: "weekly"))
        let b = try dir.write("b.yaml", scenarioYAML(name: "continuous", replacing: [("policy: {scheduled: {every: 7d}}", "policy: continuous")]))
        let c = try dir.write("c.yaml", scenarioYAML(name: "six-devs", replacing: [("dev: {people: 5}", "dev: {people: 6}")]))
        return try ScenarioSet.files([a, b, c])
    }

    @Test func reportsAreByteIdenticalWhateverTheJobs() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let variants = try Self.variants(in: dir)
        let one = ComparisonReport(try Comparison.run(variants, replications: 6, seed: 3, jobs: 1), heading: "compare")
        let two = ComparisonReport(try Comparison.run(variants, replications: 6, seed: 3, jobs: 2), heading: "compare")
        #expect(one.json() == two.json())
        #expect(one.csv() == two.csv())
        // Rows written on several threads come out in the same order, byte for byte.
        #expect(one.csv(jobs: 2) == one.csv() && one.csv(jobs: 5) == one.csv())
        #expect(ComparisonView(one.comparison, heading: "compare").render(width: 100) == ComparisonView(two.comparison, heading: "compare").render(width: 100))
        #expect(one.json().hasPrefix("{\n  \"dora_year\": 2024,\n  \"dora_overall_rule\": \"the worst of the keys' clusters\",\n  \"count_period\": \"week\",\n  \"replications\": 6,\n  \"seed\": \"3\",\n  \"scenarios\": [\n"))
        #expect(one.csv().hasPrefix("scenario,metric,mean,ci_low,ci_high,n,baseline_diff,baseline_diff_low,baseline_diff_high,dora_bucket,dora_cluster,baseline_diff_percent,note\r\n"))
        #expect(one.csv().split(separator: "\r\n").count == 1 + one.comparison.entries.map(\.metrics.count).reduce(0, +))
    }

    @Test func everyScenarioRunsWithTheSameSeedAndReplications() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let comparison = try Comparison.run(Self.variants(in: dir), replications: 4, seed: 99, jobs: 2)
        #expect(comparison.entries.allSatisfy { $0.variant.scenario.seed == 99 && $0.variant.scenario.replications == 4 })
        #expect(comparison.entries.allSatisfy { $0.metric("lead_time_for_changes_hours")?.summary.n == 4 })
        #expect(comparison.entries[0].metrics.allSatisfy { $0.difference == nil })
        #expect(comparison.entries[1].metric("lead_time_for_changes_hours")?.difference != nil)
        // Continuous delivery: far shorter lead time than a weekly train, and Elite deploy frequency.
        let d = try #require(comparison.entries[1].metric("lead_time_for_changes_hours")?.difference)
        #expect(d.high < 0)
        #expect(comparison.entries[1].dora[.deploymentFrequency].cluster == .elite)
    }

    /// The same scenario under two names: common random numbers make every replication
    /// identical, so every difference is exactly zero with a zero-width interval.
    @Test func identicalScenariosDifferByExactlyZero() throws {
        let scenario = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        let comparison = try Comparison.run([Variant(label: "a", file: "-", scenario: scenario), Variant(label: "b", file: "-", scenario: scenario)],
                                            replications: 4, seed: 5, jobs: 2)
        let differences = comparison.entries[1].metrics.compactMap(\.difference)
        #expect(!differences.isEmpty)
        #expect(differences.allSatisfy { $0.mean == 0 && $0.low == 0 && $0.high == 0 && !$0.excludesZero })
    }

    @Test func pairedDifferenceArithmetic() throws {
        let d = try #require(PairedDifference(baseline: [10, 20, nil, 30], values: [12, 21, 5, 36]))
        #expect(d.n == 3)                           // the replication without a baseline value is not paired
        #expect(abs(d.mean - 3) < 1e-12)            // (2 + 1 + 6) / 3
        #expect(abs(d.percent! - 15) < 1e-12)       // 3 / mean(10, 20, 30)
        #expect(d.low < 3 && d.high > 3 && d.excludesZero == false)
        #expect(PairedDifference(baseline: [1, nil], values: [2, 3]) == nil)  // one pair: no interval
        #expect(PairedDifference(baseline: [0, 0], values: [1, 2])?.percent == nil)
    }

    /// Common random numbers: on a what-if pair (six developers instead of five) the paired
    /// interval of the lead-time difference is narrower than the unpaired one from the same
    /// replications. Lead time (arrival → production) is driven by the backlog that arrivals and
    /// work sizes build, which both scenarios share, so the pair is strongly correlated. With
    /// equal variances the standard error shrinks by √(1 − ρ); seed 11 gives a ratio of 0.26
    /// (ρ ≈ 0.93). We require a ratio below 0.6, i.e. ρ > 0.64: on Fisher's z scale
    /// (standard error 1/√(n − 3) = 0.24 at n = 20) that is 3.8 standard errors below the
    /// observed correlation, so the test fails only if pairing stops sharing the streams, not
    /// from a different seed's sampling noise.
    @Test func pairedIntervalIsNarrowerThanUnpaired() throws {
        let five = try ScenarioLoader.load(yaml: scenarioYAML()).scenario
        let six = try ScenarioLoader.load(yaml: scenarioYAML(replacing: [("dev: {people: 5}", "dev: {people: 6}")])).scenario
        let n = 20
        let results = try ParallelReplications.run([five, six], replications: n, jobs: 2)
        let metric = "lead_time_hours"
        let a = results[0].map { $0[metric]! }, b = results[1].map { $0[metric]! }
        let paired = try #require(ConfidenceInterval.paired(a, b))
        let ciA = try #require(ConfidenceInterval(a)), ciB = try #require(ConfidenceInterval(b))
        let unpairedSE = (ciA.standardError * ciA.standardError + ciB.standardError * ciB.standardError).squareRoot()
        let ratio = paired.standardError / unpairedSE
        #expect(ratio < 0.6, "paired SE / unpaired SE = \(ratio)")
    }

    @Test func levelsLoadThePresetsInOrder() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (i, name) in MaturityLevels.cd.enumerated() {
            try dir.write("\(name).yaml", scenarioYAML(name: name, replacing: [("wip_limit: 6", "wip_limit: \(6 - i)")]))
        }
        let variants = try ScenarioSet.levels(.cd, in: dir.path, overrides: ["horizon=40d"])
        #expect(variants.map(\.label) == MaturityLevels.cd)
        #expect(variants.map { $0.scenario.stages[0].wipLimit } == [6, 5, 4, 3, 2])
        #expect(variants.allSatisfy { $0.scenario.horizon == 40 * 24 })

        #expect {
            _ = try ScenarioSet.levels(.all, in: dir.path)
        } throws: { error in
            let errors = (error as? ScenarioErrors)?.errors ?? []
            return errors.count == 3 && errors.allSatisfy { $0.message.contains("maturity preset not found") }
                && errors[0].file.hasSuffix("mlops-0.yaml")
        }
    }

    @Test func whatIfLoadsEveryGridPoint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("s.yaml", scenarioYAML())
        let grid = WhatIfGrid(axes: [
            try Axis(parsing: "stages.develop.wip_limit=6,3"),
            try Axis(parsing: "release.policy={scheduled: {every: 7d}},continuous"),
        ])
        let variants = try ScenarioSet.whatIf(path, grid: grid)
        #expect(variants.map(\.label) == [
            "stages.develop.wip_limit=6; release.policy={scheduled: {every: 7d}}", "stages.develop.wip_limit=6; release.policy=continuous",
            "stages.develop.wip_limit=3; release.policy={scheduled: {every: 7d}}", "stages.develop.wip_limit=3; release.policy=continuous",
        ])
        #expect(variants.map { $0.scenario.stages[0].wipLimit } == [6, 6, 3, 3])

        let bad = WhatIfGrid(axes: [try Axis(parsing: "stages.develop.wip_limit=6,0")])
        #expect(throws: ScenarioErrors.self) { try ScenarioSet.whatIf(path, grid: bad) }
    }

    @Test func viewShowsValuesSignificanceAndClusters() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let comparison = try Comparison.run(Self.variants(in: dir), replications: 5, seed: 1, jobs: 2)
        let table = ComparisonView(comparison, heading: "compare: 3 scenarios").render(width: 100)
        let lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        // The headline first: continuous delivery's lead time against the weekly train.
        #expect(lines[0].hasPrefix("continuous ") && lines[0].hasSuffix(" against weekly"), "\(table)")
        #expect(lines[1] == "compare: 3 scenarios, 5 replications each, seed 1 for all (common random numbers), DORA 2024")
        #expect(lines[2] == "counts per week of the measured window: 50 days after a 10-day warm-up")
        let continuous = try #require(lines.first { $0.hasPrefix("continuous ") && $0 != lines[0] })
        #expect(continuous.contains("*") && (continuous.hasSuffix("Elite") || continuous.hasSuffix("High") || continuous.hasSuffix("Medium") || continuous.hasSuffix("Low")))
        #expect(table.contains("* differs from weekly (paired 95% interval of the difference excludes 0)"))
        #expect(lines.allSatisfy { $0.count <= 100 })
    }
}
