import Foundation
import Testing
import ScenarioFile
import DeliveryModel
import ReferenceModels
import SimRandom
import SimStats

/// The delivery model reduced to textbook queues, checked against theory.
///
/// Each check forms the Student-t interval over 20 independent replications and allows
/// **4 standard errors** between the simulated mean and the analytic value: with 19 degrees of
/// freedom a correct model exceeds that with probability 0.08% per check (the seeds are fixed,
/// so the outcome is deterministic), while the standard errors here are 1–2% of the values, so
/// a bias of 5% or more fails.
@Suite struct TheoryTests {
    static let allowed = 4.0

    func expectAgrees(_ results: [ReplicationResult], _ metric: String, _ analytic: Double, sourceLocation: SourceLocation = #_sourceLocation) {
        let values = results.compactMap { $0[metric] }
        #expect(values.count == results.count, "\(metric) missing", sourceLocation: sourceLocation)
        let ci = ConfidenceInterval(values)!
        #expect(ci.standardErrors(from: analytic) <= Self.allowed,
                "\(metric): simulated \(ci) vs analytic \(analytic) (\(ci.standardErrors(from: analytic)) SE)", sourceLocation: sourceLocation)
    }

    /// Little's law per stage (WIP = entries per hour × time in stage) and for work in process
    /// (in_process = throughput × cycle time), as paired differences within 4 standard errors of 0.
    func expectLittle(_ results: [ReplicationResult], stages: [String], sourceLocation: SourceLocation = #_sourceLocation) {
        for stage in stages {
            let gaps = results.map { r in r["wip.\(stage)"]! - r["stage_entries_per_day.\(stage)"]! / 24 * r["stage_time_hours.\(stage)"]! }
            let ci = ConfidenceInterval(gaps)!
            #expect(ci.standardErrors(from: 0) <= Self.allowed, "Little's law at \(stage): WIP − λW = \(ci)", sourceLocation: sourceLocation)
        }
        let gaps = results.map { r in r["in_process"]! - r["throughput_per_week"]! / 168 * r["cycle_time_hours"]! }
        let ci = ConfidenceInterval(gaps)!
        #expect(ci.standardErrors(from: 0) <= Self.allowed, "Little's law overall: L − λW = \(ci)", sourceLocation: sourceLocation)
    }

    /// One stage per entry, each its own team of `people` working 24/7 with exponential work;
    /// Poisson arrivals; no defects; continuous release; instant automated deploys.
    func queueScenario(arrivalMean: Double, stations: [(people: Int, meanWork: Double)], horizon: Double = 200_000, warmup: Double = 5_000) throws -> Scenario {
        Scenario(
            name: "queue", horizon: horizon, warmup: warmup, replications: 20, seed: 42,
            demand: Demand(arrivals: try .exponential(mean: arrivalMean), classes: [WorkClass(name: "feature", share: 1)]),
            teams: stations.enumerated().map { Team(name: "team\($0.offset)", people: $0.element.people) },
            stages: try stations.enumerated().map { Stage(name: "s\($0.offset)", team: $0.offset, work: try .exponential(mean: $0.element.meanWork)) }
        )
    }

    @Test func oneStageIsAnMMcQueue() throws {
        // 3 people, work 4 h on average, an item every 1.6 h: ρ = 0.833.
        let scenario = try queueScenario(arrivalMean: 1.6, stations: [(3, 4)])
        let results = try ScenarioRunner.run(scenario, replications: 20)
        let theory = QueueingTheory.mmc(arrivalRate: 1 / 1.6, serviceRate: 1 / 4.0, servers: 3)
        expectAgrees(results, "lead_time_hours", theory.w)
        expectAgrees(results, "queue_wait_hours.s0", theory.wq)
        expectAgrees(results, "wip.s0", theory.l)
        expectAgrees(results, "utilization.team0", 4 / 1.6 / 3)
        // Without defects or release delay, lead time for changes is 0 and flow efficiency is S/W.
        expectAgrees(results, "lead_time_for_changes_hours", 0)
        expectLittle(results, stages: ["s0"])
    }

    @Test func threeStagesOfDifferentTeamsAreAJacksonTandem() throws {
        let stations: [(people: Int, meanWork: Double)] = [(2, 3), (1, 1.5), (4, 7)]
        let scenario = try queueScenario(arrivalMean: 2, stations: stations)
        let results = try ScenarioRunner.run(scenario, replications: 20)
        let expected = QueueingTheory.jacksonTandem(arrivalRate: 0.5, stations: stations.map { ($0.people, 1 / $0.meanWork) })
        expectAgrees(results, "lead_time_hours", expected)
        for (k, station) in stations.enumerated() {
            let theory = QueueingTheory.mmc(arrivalRate: 0.5, serviceRate: 1 / station.meanWork, servers: station.people)
            expectAgrees(results, "stage_time_hours.s\(k)", theory.w)
        }
        expectLittle(results, stages: ["s0", "s1", "s2"])
    }

    @Test func escapeRateIsTheProductOfMisses() throws {
        // Every development pass leaves a defect; review finds 30%, unit tests 40%, regression 60%:
        // a defect escapes with probability 0.7 · 0.6 · 0.4 = 0.168. The escape ratio per
        // replication is escaped / injected.
        var scenario = try queueScenario(arrivalMean: 8, stations: [(4, 2), (4, 1)], horizon: 100_000, warmup: 2_000)
        scenario.stages[0].defectProbability = try .constant(1)
        scenario.stages[1].detection = try .constant(0.3)
        scenario.tests = [
            TestSuite(name: "unit", stage: 0, duration: try .constant(0.1), detection: try .constant(0.4)),
            TestSuite(name: "regression", stage: 1, duration: try .constant(2), detection: try .constant(0.6)),
        ]
        let results = try ScenarioRunner.run(scenario, replications: 20)
        let ratios = results.map { $0["escaped_defects"]! / $0["defects_injected"]! }
        let ci = ConfidenceInterval(ratios)!
        #expect(ci.standardErrors(from: 0.168) <= Self.allowed, "escape ratio \(ci) vs 0.168")
        expectLittle(results, stages: ["s0", "s1"])
    }
}

/// Little's law in every shipped scenario (calendars, rework, WIP limits, release trains, ML):
/// per stage, time-average WIP = entries per hour × mean time in stage, as a paired difference
/// over 10 replications within 4 standard errors of zero (see TheoryTests for why 4).
@Suite struct LittlesLawInShippedScenariosTests {
    @Test func littlesLawHoldsPerStageEverywhere() throws {
        let folder = MLOpsLevelTests.scenarios
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".yaml") }.sorted()
        for file in files {
            let scenario = try ScenarioLoader.load(path: folder.appendingPathComponent(file).path).scenario
            let results = try ScenarioRunner.run(scenario, replications: 10)
            for stage in scenario.stages.map(\.name) {
                let gaps = results.map { r in r["wip.\(stage)"]! - r["stage_entries_per_day.\(stage)"]! / 24 * r["stage_time_hours.\(stage)"]! }
                let ci = ConfidenceInterval(gaps)!
                let level = results.map { $0["wip.\(stage)"]! }.reduce(0, +) / 10
                #expect(ci.standardErrors(from: 0) <= 4 || abs(ci.mean) < 1e-9 * max(1, level),
                        "\(file) stage \(stage): WIP − λW = \(ci) (WIP \(level))")
            }
            // Work in process: changes started and not in production = throughput × cycle time
            // (time in process; a change a canary catches never left, a rolled-back one comes back).
            // (A finite window cuts the cycle times of changes in process at its two ends; the
            // two cuts cancel when both ends fall at the same point of the working week, which is
            // why the CD presets measure whole weeks.)
            let gaps = results.map { r in r["in_process"]! - r["throughput_per_week"]! / 168 * r["cycle_time_hours"]! }
            let ci = ConfidenceInterval(gaps)!
            #expect(ci.standardErrors(from: 0) <= 4, "\(file): in_process − λW = \(ci)")
        }
    }
}
