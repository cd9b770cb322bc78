import Analysis
import DeliveryModel
import Export
import Foundation
import ScenarioFile
import SimStats
import Testing
import TestSupport

/// The round trip of issue 15: simulate a known organization (three stages worked by three
/// teams, two classes with different development work, rework found in review, blockers in
/// review, a weekly release train, deployments that fail, escaped defects that cause incidents),
/// export its history in each input shape, calibrate, and get the known parameters back.
///
/// Each estimate is a mean (or a proportion) of hundreds to thousands of visits of replication
/// 0, so by the central limit theorem it is close to normal; each check allows 4 standard errors
/// of that sample (a correct calibration fails one check with probability 6e-5, about 0.1% over
/// the ~15 checks here), the standard error being the sample's own s/√n (√(p(1−p)/n) for a share).
@Suite struct HistoryRoundTripTests {
    static let allowed = 4.0

    static let known = """
    name: known
    horizon: 400d
    warmup: 40d
    replications: 2
    seed: 5
    demand:
      arrivals: {exponential: {mean: 8h}}
      classes:
        feature: {share: 0.6, work: {develop: {gamma: {shape: 2, mean: 16h}}}}
        bug: {share: 0.4, work: {develop: {gamma: {shape: 2, mean: 6h}}}}
    teams: {dev: {people: 4}, rev: {people: 3}, qa: {people: 2}}
    stages:
      - {name: develop, team: dev, work: {gamma: {shape: 2, mean: 12h}}, defect_probability: 0.3}
      - {name: review, team: rev, work: {exponential: {mean: 3h}}, handoff: {exponential: {mean: 4h}}, detection: 0.5,
         blockers: {chance: 0.2, duration: {exponential: {mean: 1d}}}}
      - {name: test, team: qa, work: {exponential: {mean: 5h}}}
    release: {policy: {scheduled: {every: 7d}}}
    deploy: {duration: 30m, failure_probability: 0.05, rollback: {duration: 1h}}
    operations: {incident_probability: 0.5, detection: {exponential: {mean: 4h}}}
    """

    /// The exported history files of replication 0, and that replication's metrics.
    static func exported(_ dir: TemporaryDirectory) throws -> (files: [String: String], metrics: ReplicationResult) {
        let path = try dir.write("known.yaml", known)
        let run = try exportRun(try ScenarioSet.files([path]), replications: 2, seed: 5, jobs: 2, items: true)
        var files: [String: String] = [:]
        files["long"] = try dir.write("status_history.csv", HistoryTables.long(run))
        files["wide"] = try dir.write("status_wide.csv", HistoryTables.wide(run))
        files["deployments"] = try dir.write("deployments.csv", HistoryTables.deployments(run))
        files["incidents"] = try dir.write("incidents.csv", HistoryTables.incidents(run))
        return (files, run.results[0][0])
    }

    func expectMean(_ sample: [Double], _ truth: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let n = Double(sample.count)
        let mean = sample.reduce(0, +) / n
        let sd = (sample.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)).squareRoot()
        #expect(abs(mean - truth) <= Self.allowed * sd / n.squareRoot(), "\(what): \(mean) vs \(truth) (n \(sample.count), SE \(sd / n.squareRoot()))",
                sourceLocation: sourceLocation)
    }

    func expectShare(_ k: Int, _ n: Int, _ truth: Double, _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let p = Double(k) / Double(n), se = (truth * (1 - truth) / Double(n)).squareRoot()
        #expect(abs(p - truth) <= Self.allowed * se, "\(what): \(p) vs \(truth) (n \(n), SE \(se))", sourceLocation: sourceLocation)
    }

    @Test func theLongShapeGivesBackEveryStageAndTheBacktestHoldsTheLeadTimes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (files, metrics) = try Self.exported(dir)
        let history = try StatusHistory.read(path: files["long"]!)
        #expect(history.shape == .long)
        let workflow = try Workflow.resolve(nil, for: history)
        #expect(workflow.statuses.filter { $0.kind == .active }.map(\.name) == ["develop", "review", "test"])
        let stream = try StreamCalibration(history, workflow: workflow)
        let feature = stream.classes.firstIndex { $0.name == "feature" }!, bug = stream.classes.firstIndex { $0.name == "bug" }!
        let develop = stream.stages[0], review = stream.stages[1], test = stream.stages[2]
        // Work per stage and class (first passes): the time in the active status is the work (24/7).
        expectMean(develop.work[feature], 16, "develop work, feature")
        expectMean(develop.work[bug], 6, "develop work, bug")
        expectMean(review.work[feature] + review.work[bug], 3, "review work")
        expectMean(test.work[feature] + test.work[bug], 5, "test work")
        // Review's wait: its 4 h handoff plus the queue for a reviewer (the run's own queue_wait, after the warm-up).
        expectMean(review.wait, 4 + metrics["queue_wait_hours.review"]!, "review wait")
        // Rework: a develop pass leaves a defect with 0.3, review finds it with 0.5: 0.15 per visit.
        expectShare(review.backward, review.visits, 0.15, "moves back from review")
        #expect(develop.backward == 0 && test.backward == 0)
        // Blockers: 0.2 of review visits, a day on average.
        expectShare(review.blockedVisits, review.visits, 0.2, "blocked review visits")
        expectMean(review.blocked, 24, "blocked spell")
        // Deployments: a weekly train; 5% fail on their own.
        var log = DeliveryLog()
        try log.readDeployments(path: files["deployments"]!)
        try log.readIncidents(path: files["incidents"]!)
        #expect(log.cadence.policy == "scheduled" && abs(log.cadence.every! - 168) < 1)
        expectShare(log.failedOnTheirOwn, log.deployments.count, 0.05, "deployments failing on their own")
        #expect(!log.incidents.isEmpty && log.incidents.allSatisfy { $0.deployment != nil })

        // The calibrated scenario runs, and its lead-time p50 and p85 hold the data's within the
        // 95% prediction interval of one replication.
        let (yaml, values) = try stream.scenario(name: "calibrated", valuesFile: "values.csv", fit: nil, log: log, wipLimits: false)
        _ = try dir.write("values.csv", values.csv())
        let scenario = try ScenarioLoader.load(path: try dir.write("calibrated.yaml", yaml)).scenario
        #expect(scenario.stages.map(\.name) == ["develop", "review", "test"])
        #expect(scenario.stages[1].blockers != nil && scenario.operations.incidentProbability.mean == 1)
        let backtest = try Backtest.run(scenario, data: stream, log: log, jobs: 2)
        for name in ["lead time p50", "lead time p85", "throughput per week"] {
            let row = try #require(backtest.rows.first { $0.name == name })
            #expect(row.inside == true, "\(name): data \(row.observed!) vs simulated [\(row.low), \(row.high)]")
        }
    }

    /// The wide shape keeps each status's first entry (and the last done): first passes through
    /// develop are exact; later stages' times also hold the rework loops they enclose, so only
    /// develop is checked per class, and the lead times end to end.
    @Test func theWideShapeGivesBackFirstPassesAndLeadTimes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let (files, _) = try Self.exported(dir)
        let history = try StatusHistory.read(path: files["wide"]!)
        #expect(history.shape == .wide)
        let stream = try StreamCalibration(history, workflow: try Workflow.resolve(nil, for: history))
        let feature = stream.classes.firstIndex { $0.name == "feature" }!, bug = stream.classes.firstIndex { $0.name == "bug" }!
        expectMean(stream.stages[0].work[feature], 16, "develop work, feature (wide)")
        expectMean(stream.stages[0].work[bug], 6, "develop work, bug (wide)")
        let longHistory = try StatusHistory.read(path: files["long"]!)
        let long = try StreamCalibration(longHistory, workflow: try Workflow.resolve(nil, for: longHistory))
        // The same items are done (but those reopened and not done again at the end of the data,
        // done in the wide file's last Done), with the same lead times.
        #expect(abs(stream.leadTimes.count - long.leadTimes.count) <= 5)
        let wideMean = stream.leadTimes.reduce(0, +) / Double(stream.leadTimes.count), longMean = long.leadTimes.reduce(0, +) / Double(long.leadTimes.count)
        #expect(abs(wideMean - longMean) <= 0.01 * longMean, "mean lead time: wide \(wideMean), long \(longMean)")
    }

    /// A WIP limit the data shows as a cap: a busy review stage limited to 2 holds exactly its
    /// limit most of the time and never more; with `wipLimits` the calibrated stage gets it.
    @Test func aWipLimitShowsAsACap() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = try dir.write("capped.yaml", """
        name: capped
        horizon: 200d
        replications: 2
        seed: 3
        demand: {arrivals: {exponential: {mean: 4h}}}
        teams: {dev: {people: 3}, rev: {people: 2}}
        stages:
          - {name: develop, team: dev, work: {exponential: {mean: 8h}}}
          - {name: review, team: rev, work: {exponential: {mean: 4h}}, wip_limit: 2}
        """)
        let run = try exportRun(try ScenarioSet.files([path]), replications: 2, seed: 3, jobs: 2, items: true)
        let history = try StatusHistory.read(path: try dir.write("h.csv", HistoryTables.long(run)))
        let stream = try StreamCalibration(history, workflow: try Workflow.resolve(nil, for: history))
        #expect(stream.stages[1].peakWip == 2)
        #expect(stream.stages[1].shareAtPeak > 0.2, "review held 2 items \(stream.stages[1].shareAtPeak) of the time")
        #expect(stream.stages[0].shareAtPeak < 0.1, "develop's peak \(stream.stages[0].peakWip) is a rare high, not a cap")
        let (yaml, _) = try stream.scenario(name: "c", valuesFile: "v.csv", fit: nil, log: nil, wipLimits: true)
        #expect(yaml.contains("wip_limit: 2"))
        #expect(yaml.components(separatedBy: "wip_limit:").count == 2)
    }
}
