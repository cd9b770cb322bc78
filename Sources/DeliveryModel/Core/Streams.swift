import SimRandom

/// The random streams of one replication, one per purpose.
///
/// Streams are named by purpose and by the stage's or suite's name ("work.develop",
/// "detect.unit"), never by position or scenario, so two scenarios run with the same seed draw
/// the same arrivals and work sizes for the same replication: common random numbers.
struct Streams {
    let arrivals: RandomStream
    let workClass: RandomStream
    /// For probabilities given as distributions rather than constants.
    let probabilities: RandomStream
    let approval: RandomStream
    let deployDuration: RandomStream
    let deployFailure: RandomStream
    let canary: RandomStream
    let canaryDetection: RandomStream
    let rollbackDuration: RandomStream
    let incidents: RandomStream
    let incidentDetection: RandomStream
    // Per stage.
    let work: [RandomStream]
    let defects: [RandomStream]
    let rework: [RandomStream]
    let reworkDefects: [RandomStream]
    let detection: [RandomStream]
    let handoff: [RandomStream]
    // Per test suite.
    let testDuration: [RandomStream]
    let testDetection: [RandomStream]
    let flaky: [RandomStream]

    init(scenario: Scenario, replication: Int) {
        let seed = scenario.seed
        func stream(_ purpose: String) -> RandomStream { RandomStream(seed: seed, replication: replication, purpose: purpose) }
        arrivals = stream("arrivals")
        workClass = stream("class")
        probabilities = stream("probabilities")
        approval = stream("approval")
        deployDuration = stream("deploy.duration")
        deployFailure = stream("deploy.failure")
        canary = stream("canary.duration")
        canaryDetection = stream("canary.detection")
        rollbackDuration = stream("rollback.duration")
        incidents = stream("incidents")
        incidentDetection = stream("incidents.detection")
        let stages = scenario.stages.map(\.name)
        work = stages.map { stream("work.\($0)") }
        defects = stages.map { stream("defects.\($0)") }
        rework = stages.map { stream("rework.\($0)") }
        reworkDefects = stages.map { stream("rework-defects.\($0)") }
        detection = stages.map { stream("detect.\($0)") }
        handoff = stages.map { stream("handoff.\($0)") }
        let suites = scenario.tests.map(\.name)
        testDuration = suites.map { stream("test.\($0)") }
        testDetection = suites.map { stream("test-detect.\($0)") }
        flaky = suites.map { stream("flaky.\($0)") }
    }
}

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
