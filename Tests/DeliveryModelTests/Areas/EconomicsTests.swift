import DeliveryModel
import ScenarioFile
import SimStats
import Testing

/// The cost metrics against what they are made of: people × hours × rate exactly, incidents =
/// user-impact hours × rate exactly, the total the sum, and the cost of delay against Little's law.
@Suite struct EconomicsTests {
    static let yaml = """
    name: costs
    horizon: 161d
    warmup: 21d
    replications: 20
    seed: 3
    calendar: {workdays: Mon-Fri, hours: "09:00-17:00"}
    demand:
      arrivals: {exponential: {mean: 10h}}
    teams:
      dev: {people: 3}
      ops: {people: 1}
    stages:
      - {name: develop, team: dev, work: {gamma: {shape: 2, mean: 6h}}, defect_probability: 0.2}
    deploy: {automated: true, duration: 10m, team: ops}
    operations: {incident_probability: 0.5, detection: 2h, restore: rollback}
    economics: {people: {dev: 80, ops: 100}, delay: {feature: 1500}, incident_hour: 4000}
    """

    @Test func costsAreTheirParts() throws {
        let scenario = try ScenarioLoader.load(yaml: Self.yaml).scenario
        let weeks = (scenario.horizon - scenario.warmup) / 168
        let hours = scenario.calendar.workingHours(from: scenario.warmup, to: scenario.horizon)
        let results = try ScenarioRunner.run(scenario, replications: 20)
        var gaps: [Double] = []
        for r in results {
            #expect(abs(r["cost_of_people.dev"]! - 3 * 80 * hours / weeks) < 1e-6)
            #expect(abs(r["cost_of_people"]! - (3 * 80 + 100) * hours / weeks) < 1e-6)
            #expect(abs(r["cost_of_incidents"]! - 4000 * r["user_impact_hours"]!) < 1e-6)
            #expect(abs(r["cost_total"]! - r["cost_of_people"]! - r["cost_of_delay"]! - r["cost_of_incidents"]!) < 1e-6)
            #expect(r["cost_of_delay"] == r["cost_of_delay.feature"])
            // Little's law: item-weeks of delay per week = throughput × lead time (weeks); the
            // two differ only by the items in the system at the window's ends (a window of whole
            // weeks, so that both ends fall at the same point of the working week).
            gaps.append(r["cost_of_delay"]! / 1500 - r["throughput_per_week"]! * r["lead_time_hours"]! / 168)
        }
        let ci = try #require(ConfidenceInterval(gaps))
        // 4 standard errors, as the theory tests: a correct model fails with probability 0.08%.
        #expect(ci.standardErrors(from: 0) <= 4, "cost of delay vs λW: \(ci)")
    }

    @Test func withoutTheSectionThereAreNoCostMetrics() throws {
        let scenario = try ScenarioLoader.load(yaml: Self.yaml, overrides: ["economics=null"]).scenario
        let result = try ScenarioRunner.run(scenario, replication: 0)
        #expect(!result.metrics.contains { $0.name.hasPrefix("cost_") })
    }

    @Test func unknownNamesAndNegativeCostsAreRefused() {
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader.load(yaml: Self.yaml, overrides: ["economics.people.qa=10"]) }
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader.load(yaml: Self.yaml, overrides: ["economics.delay.feature=-1"]) }
        #expect(throws: ScenarioErrors.self) { try ScenarioLoader.load(yaml: Self.yaml, overrides: ["economics.incident_hour=-5"]) }
    }
}
