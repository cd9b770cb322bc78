import DequeModule

/// The deploy area's state in one replication: releases queued for the pipeline, which runs one
/// deployment at a time.
struct DeployState {
    let streams: DeployStreams
    /// Who deploys and rolls back by hand (the scenario's deploy team, or the last stage's).
    let team: Int
    var queue: Deque<Int32> = []
    var deploying = false

    init(scenario: Scenario, replication: Int) {
        streams = DeployStreams(scenario: scenario, replication: replication)
        team = scenario.deploy.team ?? scenario.stages[scenario.stages.count - 1].team
    }
}
