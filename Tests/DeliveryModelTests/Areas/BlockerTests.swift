import DeliveryModel
import ScenarioFile
import SimStats
import Testing

/// Blockers on a stage (`stages[].blockers`): blocked items hold their WIP place and free their
/// person. Each check forms a Student-t interval over the replications and allows 4 standard
/// errors, as `TheoryTests` does (a correct model exceeds it with probability below 0.1%).
@Suite struct BlockerTests {
    static let allowed = 4.0

    static func scenario(blockers: String?, wipLimit: Int? = 3, replications: Int = 20) throws -> Scenario {
        let limit = wipLimit.map { ", wip_limit: \($0)" } ?? ""
        let blocked = blockers.map { ", blockers: \($0)" } ?? ""
        return try ScenarioLoader.load(yaml: """
        name: blockers
        horizon: 2000d
        warmup: 100d
        replications: \(replications)
        seed: 11
        demand: {arrivals: {exponential: {mean: 10h}}}
        teams: {dev: {people: 2}, qa: {people: 1}}
        stages:
          - {name: develop, team: dev, work: {exponential: {mean: 12h}}\(limit)\(blocked)}
          - {name: test, team: qa, work: {exponential: {mean: 4h}}}
        """, path: "blockers.yaml").scenario
    }

    /// Little's law holds with blocked time inside the stage: WIP = entries/h × time in stage, per
    /// stage and for work in process, as paired differences within 4 SE of 0.
    @Test func littlesLawHoldsWithBlockedTimeIncluded() throws {
        let scenario = try Self.scenario(blockers: "{chance: 0.4, duration: {exponential: {mean: 1d}}}", wipLimit: nil)
        let results = try ScenarioRunner.run(scenario, replications: 20)
        for stage in ["develop", "test"] {
            let gaps = results.map { r in r["wip.\(stage)"]! - r["stage_entries_per_day.\(stage)"]! / 24 * r["stage_time_hours.\(stage)"]! }
            let ci = try #require(ConfidenceInterval(gaps))
            #expect(ci.standardErrors(from: 0) <= Self.allowed, "Little's law at \(stage): \(ci)")
        }
        let gaps = results.map { r in r["in_process"]! - r["throughput_per_week"]! / 168 * r["cycle_time_hours"]! }
        #expect(try #require(ConfidenceInterval(gaps)).standardErrors(from: 0) <= Self.allowed)
        // Blocked hours per change: the chance × the mean duration (0.4 × 24 h), within 4 SE.
        let blocked = try #require(ConfidenceInterval(results.map { $0["blocked_hours.develop"]! }))
        #expect(blocked.standardErrors(from: 0.4 * 24) <= Self.allowed, "blocked hours \(blocked)")
        #expect(results.allSatisfy { $0["blocked_hours.test"]! == 0 })
        // The time in the stage grows by the blocked time: it is spent holding the place.
        let share = try #require(ConfidenceInterval(results.map { $0["blocked_share"]! }))
        #expect(share.mean > 0.05 && share.mean < 0.6, "blocked share \(share)")
    }

    /// On a WIP-limited stage a blocked item holds a place, so throughput falls (the limit binds),
    /// paired by common random numbers against the same scenario without blockers (10
    /// replications; the paired interval's lower end must be above 0).
    @Test func aBlockerOnAWipLimitedStageLowersThroughput() throws {
        let heavy = "{chance: 0.5, duration: {exponential: {mean: 3d}}}"
        // Blocked 1.5 d per item on average: 3 places carry at most 3 / 48 h < the 1 / 10 h arriving.
        func throughput(_ blockers: String?, limit: Int?) throws -> [Double] {
            var scenario = try Self.scenario(blockers: blockers, wipLimit: limit, replications: 10)
            scenario.horizon = 600 * 24
            scenario.warmup = 50 * 24
            return try ScenarioRunner.run(scenario, replications: 10).map { $0["throughput_per_week"]! }
        }
        let limitedFree = try throughput(nil, limit: 3), limitedBlocked = try throughput(heavy, limit: 3)
        let drop = try #require(ConfidenceInterval(zip(limitedFree, limitedBlocked).map { $0 - $1 }))
        #expect(drop.low > 0, "throughput drop with blockers under a WIP limit: \(drop)")
    }

    @Test func blockersAreReadAndChecked() throws {
        let scenario = try Self.scenario(blockers: "{chance: 0.25, duration: 2d}")
        let blockers = try #require(scenario.stages[0].blockers)
        #expect(blockers.chance.mean == 0.25)
        #expect(blockers.duration.mean == 48)
        #expect(throws: (any Error).self) { try Self.scenario(blockers: "{chance: 1.5, duration: 2d}") }
        #expect(throws: (any Error).self) { try Self.scenario(blockers: "{chance: 0.2}") }
    }
}
