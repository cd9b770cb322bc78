/// The ML area's state in one replication: the models serving, and the training pipeline.
struct MLState {
    let streams: MLStreams
    var fleet: [ServingModel] = []
    var pipelineBroken = false
    var repairing = false
    /// Models whose retraining failed on the broken pipeline, retried once it is repaired.
    var waitingForRepair: Set<Int> = []

    init(scenario: Scenario, replication: Int) {
        streams = MLStreams(scenario: scenario, replication: replication)
    }
}
