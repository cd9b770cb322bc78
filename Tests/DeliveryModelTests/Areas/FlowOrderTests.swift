import DeliveryModel
import ScenarioFile
import Testing

/// Finishing before starting: when an item leaves a stage and frees a WIP place, it joins its
/// next queue before the waiting item let into the freed place joins its own, so at equal
/// priority a person continues started work first.
@Suite struct FlowOrderTests {
    @Test func continuingWorkIsServedBeforeNewWorkAtTheSameInstant() throws {
        // One person develops (1 h) and reviews (1 h); develop holds one item; work arrives
        // every 30 min, so the backlog is never empty. Each time develop finishes, the finished
        // item's review and the next item's development ask for the person at the same instant:
        // the review must go first and never wait.
        let scenario = try ScenarioLoader.load(yaml: """
        name: order
        horizon: 40h
        replications: 2
        demand: {arrivals: 30m}
        teams: {dev: {people: 1}}
        stages:
          - {name: develop, team: dev, work: 1h, wip_limit: 1}
          - {name: review, team: dev, work: 1h}
        """, path: "order.yaml").scenario
        let r = try ScenarioRunner.run(scenario, replication: 0)
        #expect(r["queue_wait_hours.review"] == 0)
        // Develop waits for the review before it: an hour per item after the first.
        #expect(abs(r["queue_wait_hours.develop"]! - 1) < 0.1)
        // One item every two hours reaches production.
        #expect(abs(r["throughput_per_week"]! - 84) < 5)
    }
}
