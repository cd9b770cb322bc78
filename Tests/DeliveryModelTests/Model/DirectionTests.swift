import Testing
import DeliveryModel
import SimRandom
import SimStats

/// Directions the field knows, each shown as a paired comparison under common random numbers:
/// the same seeds give both scenarios the same arrivals and work sizes, so the 95% interval of
/// the per-replication difference must lie entirely on the expected side of zero.
@Suite struct DirectionTests {
    /// A product group in office hours: development with defects and review, a QA stage with a
    /// handoff and a manual regression suite, deployments by the ops team.
    static func organization() throws -> Scenario {
        Scenario(
            name: "org", horizon: 24 * 400, warmup: 24 * 60, replications: 20, seed: 7,
            calendar: WorkCalendar(workdays: Set(0...4), dayStart: 9, dayEnd: 17),
            demand: Demand(arrivals: try .exponential(mean: 11), classes: [
                WorkClass(name: "feature", share: 0.75), WorkClass(name: "bug", share: 0.2),
                WorkClass(name: "expedite", share: 0.05, skipsWipLimits: true, priority: 1),
            ]),
            teams: [Team(name: "dev", people: 5), Team(name: "qa", people: 2), Team(name: "ops", people: 1)],
            stages: [
                Stage(name: "develop", team: 0, work: try .lognormal(median: 6, p90: 18), defectProbability: try .constant(0.3)),
                Stage(name: "review", team: 0, work: try .gamma(shape: 2, mean: 1), detection: try .constant(0.3)),
                Stage(name: "test", team: 1, work: try .gamma(shape: 2, mean: 2), handoff: try .exponential(mean: 4)),
            ],
            tests: [
                TestSuite(name: "unit", stage: 0, duration: try .constant(0.1), detection: try .constant(0.4), flaky: try .constant(0.015)),
                TestSuite(name: "regression", stage: 2, duration: try .constant(1), detection: try .constant(0.6), manual: true),
            ],
            release: Release(policy: .scheduled(every: 14 * 24), approval: try .exponential(mean: 24)),
            deploy: Deploy(automated: false, duration: try .constant(2), failureProbability: try .constant(0.05),
                           rollback: Rollback(automated: false, duration: try .constant(1)), team: 2),
            operations: Operations(incidentProbability: try .constant(0.6), detection: try .exponential(mean: 8), restore: .rollback)
        )
    }

    func paired(_ a: Scenario, _ b: Scenario, _ metric: String) throws -> ConfidenceInterval {
        let ra = try ScenarioRunner.run(a, replications: 20), rb = try ScenarioRunner.run(b, replications: 20)
        return ConfidenceInterval.paired(ra.map { $0[metric]! }, rb.map { $0[metric]! })!
    }

    @Test func morePeopleNeverLengthenLeadTime() throws {
        let base = try Self.organization()
        var more = base
        more.teams[0].people = 7
        more.teams[1].people = 3
        let d = try paired(base, more, "lead_time_hours")
        #expect(d.high < 0, "lead time change with more people: \(d)")
    }

    @Test func wipLimitLowersWipAndCycleTimeAtASmallThroughputCost() throws {
        // Near saturation: development at about 90% of its capacity (checked below).
        var base = try Self.organization()
        base.release.policy = .continuous
        base.release.approval = nil
        base.demand.arrivals = try .exponential(mean: 10)
        base.teams[1].people = 3
        let dev = base.loadEstimates()[0].utilization
        #expect(dev > 0.85 && dev < 0.95, "development utilization \(dev)")
        var limited = base
        // Limits just above the number of people who work each stage (5 developers, 3 testers).
        limited.stages[0].wipLimit = 6
        limited.stages[1].wipLimit = 2
        limited.stages[2].wipLimit = 4
        let wip = try paired(base, limited, "wip")
        let cycle = try paired(base, limited, "cycle_time_hours")
        let throughput = try paired(base, limited, "throughput_per_week")
        let baseThroughput = try ScenarioRunner.run(base, replications: 20).map { $0["throughput_per_week"]! }
        #expect(wip.high < 0, "WIP change: \(wip)")
        #expect(cycle.high < 0, "cycle time change: \(cycle)")
        // A small cost: throughput falls by less than 5% (it cannot rise: a limit only delays starts).
        #expect(throughput.low > -0.05 * SampleStatistics.mean(baseThroughput)!, "throughput change: \(throughput)")
    }

    @Test func longerReleaseTrainsLengthenLeadTimeForChanges() throws {
        var previous: Scenario?
        for days in [3.0, 7, 14, 28] {
            var s = try Self.organization()
            s.release.policy = .scheduled(every: days * 24)
            if let previous {
                let d = try paired(previous, s, "lead_time_for_changes_hours")
                #expect(d.low > 0, "lead time for changes, train every \(days) d vs shorter: \(d)")
            }
            previous = s
        }
    }

    @Test func manualDeploysRaiseTimeToRestore() throws {
        var manual = try Self.organization()
        manual.deploy.failureProbability = try .constant(0.2)
        var automated = manual
        automated.deploy.automated = true
        automated.deploy.rollback.automated = true
        let d = try paired(automated, manual, "time_to_restore_hours")
        #expect(d.low > 0, "time to restore, manual minus automated: \(d)")
    }

    @Test func commonRandomNumbersGiveTheSameArrivals() throws {
        let a = try Self.organization()
        var b = a
        b.release.policy = .continuous
        for r in 0..<3 {
            #expect(try ScenarioRunner.run(a, replication: r).itemsArrived == ScenarioRunner.run(b, replication: r).itemsArrived)
        }
    }

    @Test func sameSeedGivesIdenticalResults() throws {
        let s = try Self.organization()
        #expect(try ScenarioRunner.run(s, replication: 4).metrics == ScenarioRunner.run(s, replication: 4).metrics)
    }

    @Test func emptyMetricsHaveReasonsNotNaN() throws {
        var s = try Self.organization()
        s.demand.arrivals = try .constant(24 * 1000)  // nothing arrives within the horizon
        let r = try ScenarioRunner.run(s, replication: 0)
        for m in r.metrics {
            if let v = m.value { #expect(v.isFinite, "\(m.name) = \(v)") } else { #expect(m.reason != nil) }
        }
        #expect(r["lead_time_for_changes_hours"] == nil)
        #expect(r.metrics.first { $0.name == "change_failure_rate" }?.reason == "no deployments after warm-up")
    }
}
