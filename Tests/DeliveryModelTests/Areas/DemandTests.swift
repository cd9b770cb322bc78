import DeliveryModel
import ScenarioFile
import Testing

/// Demand: a starting backlog (a fixed scope, with or without arrivals) and work sizes per class.
@Suite struct DemandTests {
    @Test func aFixedScopeIsDeliveredAndStable() throws {
        let scenario = try ScenarioLoader.load(yaml: """
        name: scope
        horizon: 400d
        replications: 2
        demand:
          backlog: 40
          classes:
            feature: {share: 1, backlog: 10}
        teams: {dev: {people: 2}}
        stages:
          - {name: develop, team: dev, work: {exponential: {mean: 1d}}, wip_limit: 3}
        """, path: "scope.yaml").scenario
        #expect(scenario.demand.arrivals == nil && scenario.demand.startingBacklog == 50)
        #expect(!scenario.loadEstimates().contains { $0.isUnstable } && !scenario.flowLimits().contains { $0.isUnstable })
        let r = try ScenarioRunner.run(scenario, replication: 0, options: RunOptions(recordItems: true, flowInterval: 24))
        // All 50 items arrived at time 0 and every one reached production.
        #expect(r.flow.last!.arrivals == 50 && r.items.count == 50)
        #expect(r.items.allSatisfy { $0.arrival == 0 })
        // The backlog drains: 3 at a time, so it starts at 47 and ends at 0.
        #expect(r.flow.first!.backlog == 47 && r.flow.last!.backlog == 0)
        #expect(r.growingQueue == nil)
    }

    @Test func aClassesOwnWorkReplacesTheStagesForItsItems() throws {
        func run(_ bugWork: String) throws -> ReplicationResult {
            let s = try ScenarioLoader.load(yaml: """
            name: sizes
            horizon: 200d
            replications: 2
            demand:
              arrivals: {exponential: {mean: 8h}}
              classes:
                feature: {share: 0.5}
                bug: {share: 0.5\(bugWork)}
            teams: {dev: {people: 3}}
            stages:
              - {name: develop, team: dev, work: 2h}
            """, path: "sizes.yaml").scenario
            return try ScenarioRunner.run(s, replication: 0)
        }
        let same = try run(""), smaller = try run(", work: {develop: 30m}")
        #expect(same["work_hours.develop"] == 2)
        // Half the items take 0.5 h instead of 2 h: the mean is about 1.25 h.
        #expect(abs(smaller["work_hours.develop"]! - 1.25) < 0.1)
        // The same items arrived with the same classes (common random numbers).
        #expect(same["throughput_per_week.bug"] == smaller["throughput_per_week.bug"])
    }
}
