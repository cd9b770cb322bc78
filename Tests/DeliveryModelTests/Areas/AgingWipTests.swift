import DeliveryModel
import ScenarioFile
import SimStats
import Testing

/// Aging work in progress (`aging_wip_hours.<stage>`): the ages of the items in each stage at
/// the end of a run. Against theory: Poisson arrivals into stages of constant work with people
/// to spare (no waiting), so that, given how many are in a stage at the end, their start times
/// are uniform over the last pass through it — ages uniform on [0, 10) h in the first stage and
/// on [10, 20) h in the second. The mean over 30 replications is allowed 4 standard errors (a
/// correct model exceeds that with probability below 0.1%, as in `TheoryTests`).
@Suite struct AgingWipTests {
    static let allowed = 4.0

    @Test func agesAreUniformOverTheWorkOfAStageWithoutWaiting() throws {
        let scenario = try ScenarioLoader.load(yaml: """
        name: aging
        horizon: 60d
        warmup: 5d
        replications: 30
        seed: 3
        calendar: always
        demand: {arrivals: {exponential: {mean: 1h}}}
        teams: {dev: {people: 100}}
        stages:
          - {name: develop, team: dev, work: 10h}
          - {name: review, team: dev, work: 10h}
        """, path: "aging.yaml").scenario
        let results = try ScenarioRunner.run(scenario, replications: 30)
        for (stage, low) in [("develop", 0.0), ("review", 10.0)] {
            let means = results.compactMap { $0["aging_wip_hours.\(stage)"] }
            #expect(means.count >= 28, "about 10 items are in each stage at the end")
            let mean = try #require(ConfidenceInterval(means))
            #expect(mean.standardErrors(from: low + 5) <= Self.allowed, "\(stage): mean age \(mean)")
            let p85 = results.compactMap { $0["aging_wip_hours.\(stage).p85"] }
            #expect(p85.allSatisfy { $0 >= low && $0 < low + 10 }, "\(stage): \(p85)")
            #expect(zip(means, p85).allSatisfy { $0 <= $1 + 1e-9 } || means.count != p85.count)
        }
    }

    /// A stage nobody reaches has no aging WIP: the value is missing with its reason.
    @Test func anEmptyStageHasNoAge() throws {
        let scenario = try ScenarioLoader.load(yaml: """
        name: empty
        horizon: 20d
        replications: 2
        calendar: always
        demand: {arrivals: {exponential: {mean: 100d}}}
        teams: {dev: {people: 1}}
        stages:
          - {name: develop, team: dev, work: 1h}
        """, path: "empty.yaml").scenario
        let result = try #require(try ScenarioRunner.run(scenario, replications: 2).first)
        let value = try #require(result.metrics.first { $0.name == "aging_wip_hours.develop" })
        #expect(value.value == nil && value.reason == "no item in the stage at the end of the run")
    }
}
