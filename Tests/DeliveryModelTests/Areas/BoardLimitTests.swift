import DeliveryModel
import ScenarioFile
import SimStats
import Testing

/// A board-wide WIP limit (CONWIP) over stages worked by different teams, against exact
/// mean-value analysis of the closed network it makes.
///
/// With a saturated backlog (a starting backlog no run can finish, no arrivals) the board always
/// holds N items: a closed network of three single-server stations with exponential work of
/// mean 1, 3 and 2 days (24/7). MVA gives its throughput X(N) and, by Little's law, the time in
/// the board N / X(N). Each check forms the Student-t interval over 20 replications and allows
/// 4 standard errors (as `TheoryTests`: a correct model exceeds it with probability 0.08%).
@Suite struct BoardLimitTests {
    static let means = [24.0, 72.0, 48.0]  // hours

    /// Throughput (items per hour) of the closed network with `n` items, by exact MVA.
    static func mva(_ n: Int) -> Double {
        var queue = Array(repeating: 0.0, count: means.count)
        var throughput = 0.0
        for population in 1...n {
            let residence = means.indices.map { means[$0] * (1 + queue[$0]) }
            throughput = Double(population) / residence.reduce(0, +)
            queue = residence.map { throughput * $0 }
        }
        return throughput
    }

    static func scenario(limit: Int) throws -> Scenario {
        try ScenarioLoader.load(yaml: """
        name: conwip-\(limit)
        horizon: 3000d
        warmup: 200d
        replications: 20
        seed: 3
        demand: {backlog: 5000}
        teams: {ux: {people: 1}, dev: {people: 1}, qa: {people: 1}}
        stages:
          - {name: design, team: ux, work: {exponential: {mean: 1d}}}
          - {name: develop, team: dev, work: {exponential: {mean: 3d}}}
          - {name: test, team: qa, work: {exponential: {mean: 2d}}}
        wip_limits:
          - {stages: [design, develop, test], limit: \(limit)}
        """, path: "conwip.yaml").scenario
    }

    @Test(arguments: [10, 5, 2])
    func throughputAndCycleTimeAreThoseOfMVA(limit: Int) throws {
        let scenario = try Self.scenario(limit: limit)
        let results = try ScenarioRunner.run(scenario, replications: 20)
        let x = Self.mva(limit)
        let throughput = ConfidenceInterval(results.map { $0["throughput_per_week"]! / 168 })!
        let cycle = ConfidenceInterval(results.map { $0["cycle_time_hours"]! })!
        #expect(throughput.standardErrors(from: x) <= 4, "limit \(limit): throughput \(throughput) vs MVA \(x)")
        #expect(cycle.standardErrors(from: Double(limit) / x) <= 4, "limit \(limit): cycle time \(cycle) vs MVA \(Double(limit) / x)")
        // The board holds the limit: work in process is N at all times.
        #expect(results.allSatisfy { abs($0["wip"]! - Double(limit)) < 1e-6 })
    }

    @Test func theLimitHoldsAcrossTeamsAndTheEstimateKnowsIt() throws {
        let scenario = try Self.scenario(limit: 2)
        // 2 items over at least 6 days in the board pass at most 1/3 item a day.
        let bound = try #require(scenario.flowLimits().first { $0.name.contains("design") })
        #expect(abs(bound.capacity * 24 - 2.0 / 6) < 1e-9)
    }
}
