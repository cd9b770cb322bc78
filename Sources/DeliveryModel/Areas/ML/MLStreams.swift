import SimRandom

/// The random streams of the ML part of a replication (all created even without `ml:`; they
/// are cheap and keep the code streams' names and draws unchanged).
struct MLStreams {
    let shifts, shiftDrops, monitoring, userReports, falseAlarms, training, candidates, offline: RandomStream
    let canary, canaryDetection, handoff, pipelineArrivals, pipelineFailure, pipelineWork, pipelineDefects, repair: RandomStream

    init(scenario: Scenario, replication: Int) {
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: scenario.seed, replication: replication, purpose: "ml.\(purpose)") }
        shifts = stream("shifts")
        shiftDrops = stream("shift-drops")
        monitoring = stream("monitoring")
        userReports = stream("user-reports")
        falseAlarms = stream("false-alarms")
        training = stream("training")
        candidates = stream("candidates")
        offline = stream("offline-validation")
        canary = stream("canary")
        canaryDetection = stream("canary-detection")
        handoff = stream("handoff")
        pipelineArrivals = stream("pipeline-changes")
        pipelineFailure = stream("pipeline-failure")
        pipelineWork = stream("pipeline-work")
        pipelineDefects = stream("pipeline-defects")
        repair = stream("repair")
    }
}
