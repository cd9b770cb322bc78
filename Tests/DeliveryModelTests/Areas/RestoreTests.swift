import DeliveryModel
import ScenarioFile
import Testing

/// Restoring service: a rollback takes the whole release out of production, a revert only the
/// defective change. Counted exactly on a scenario where every escaped defect causes an
/// incident, so the changes of a rolled-back release other than the defective ones are clean
/// and their redeployment succeeds.
@Suite struct RestoreTests {
    static func scenario(restore: String) throws -> Scenario {
        try ScenarioLoader.load(yaml: """
        name: restore-\(restore)
        horizon: 200d
        replications: 2
        seed: 5
        demand: {arrivals: {exponential: {mean: 4h}}}
        teams: {dev: {people: 4}}
        stages:
          - {name: develop, team: dev, work: {exponential: {mean: 6h}}, defect_probability: 0.05}
        release: {policy: {batch: {size: 10}}}
        deploy: {automated: true, duration: 10m, rollback: {automated: true, duration: 30m}}
        operations: {incident_probability: 1, detection: 2h, restore: \(restore)}
        """, path: "restore.yaml").scenario
    }

    /// Changes taken out of production: passes into production (`done`) less changes delivered
    /// for good, for a run without warm-up.
    static func takenOut(_ r: ReplicationResult) -> Int { r.flow.last!.done - r.items.count }

    /// A count over the whole run (no warm-up) from its per-week rate.
    static func count(_ r: ReplicationResult, _ metric: String) -> Int { Int((r[metric]! * 200 / 7).rounded()) }

    @Test func aRollbackTakesTheWholeReleaseOutOfProduction() throws {
        let r = try ScenarioRunner.run(try Self.scenario(restore: "rollback"), replication: 0,
                                       options: RunOptions(recordItems: true, flowInterval: 24))
        let rollbacks = Self.count(r, "rollbacks"), incidents = Self.count(r, "incidents")
        #expect(rollbacks > 10 && incidents >= rollbacks)
        // Each rollback takes all 10 changes of its release out (the release whose incident is
        // still open at the horizon is deployed and neither delivered nor taken out yet).
        let out = Self.takenOut(r)
        #expect(out >= 10 * (rollbacks - 1) && out <= 10 * rollbacks + 10, "taken out \(out), rollbacks \(rollbacks)")
        // The good changes come back at once without the defective ones: more deployments than releases of 10.
        #expect(Double(Self.count(r, "deployments")) > Double(r.flow.last!.arrivals) / 10 + Double(rollbacks) / 2)
    }

    @Test func aRevertTakesOnlyTheDefectiveChangeOut() throws {
        let r = try ScenarioRunner.run(try Self.scenario(restore: "revert"), replication: 0,
                                       options: RunOptions(recordItems: true, flowInterval: 24))
        let incidents = Self.count(r, "incidents")
        let out = Self.takenOut(r)
        // One change per incident, less those still open at the horizon (at most one release's).
        #expect(incidents > 10 && out <= incidents && out >= incidents - 10, "taken out \(out), incidents \(incidents)")
    }
}
