import DeliveryModel
import ScenarioFile
import Testing

/// People's busy time is booked as it is spent inside the measured window.
@Suite struct PeopleTests {
    @Test func utilizationNeverExceedsOneEvenWithTasksLongerThanTheRun() throws {
        // Manual rollbacks of 2 000 working hours by a team of one, in a 60-day run: before,
        // the whole task was booked when it began (utilization in the hundreds).
        let scenario = try ScenarioLoader.load(yaml: """
        name: long-tasks
        horizon: 60d
        warmup: 10d
        replications: 2
        calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}
        demand: {arrivals: {exponential: {mean: 12h}}}
        teams: {dev: {people: 4}, ops: {people: 1}}
        stages:
          - {name: develop, team: dev, work: {exponential: {mean: 4h}}, defect_probability: 0.3}
        deploy: {automated: true, failure_probability: 0.2, rollback: {automated: false, duration: 2000}, team: ops}
        operations: {incident_probability: 0.5, restore: revert}
        """, path: "long-tasks.yaml").scenario
        for replication in 0..<2 {
            let r = try ScenarioRunner.run(scenario, replication: replication, maxEvents: 1_000_000)
            for team in ["dev", "ops"] {
                let u = try #require(r["utilization.\(team)"])
                #expect(u >= 0 && u <= 1 + 1e-9, "utilization.\(team) = \(u)")
            }
            // The one person of ops is busy from the first rollback on.
            #expect(r["utilization.ops"]! > 0.5)
        }
    }
}
