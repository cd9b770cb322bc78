import SimRandom

/// The deploy area's random streams.
struct DeployStreams {
    let duration: RandomStream
    let failure: RandomStream
    let canaryDuration: RandomStream
    let canaryDetection: RandomStream
    let rollbackDuration: RandomStream

    init(scenario: Scenario, replication: Int) {
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: scenario.seed, replication: replication, purpose: purpose) }
        duration = stream("deploy.duration")
        failure = stream("deploy.failure")
        canaryDuration = stream("canary.duration")
        canaryDetection = stream("canary.detection")
        rollbackDuration = stream("rollback.duration")
    }
}
