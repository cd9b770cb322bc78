import SimRandom

/// The random streams of the ML part of a replication, each seeded on its first draw: a
/// stream's numbers depend only on (seed, replication, purpose), so a scenario without `ml:`
/// seeds none of them (16 streams a replication) and the code streams' draws are unchanged.
final class MLStreams {
    private let seed: UInt64
    private let replication: Int

    init(scenario: Scenario, replication: Int) {
        seed = scenario.seed
        self.replication = replication
    }

    private func stream(_ purpose: String) -> RandomStream {
        RandomStream(seed: seed, replication: replication, purpose: "ml.\(purpose)")
    }

    private(set) lazy var shifts = stream("shifts")
    private(set) lazy var shiftDrops = stream("shift-drops")
    private(set) lazy var monitoring = stream("monitoring")
    private(set) lazy var userReports = stream("user-reports")
    private(set) lazy var falseAlarms = stream("false-alarms")
    private(set) lazy var training = stream("training")
    private(set) lazy var candidates = stream("candidates")
    private(set) lazy var offline = stream("offline-validation")
    private(set) lazy var canary = stream("canary")
    private(set) lazy var canaryDetection = stream("canary-detection")
    private(set) lazy var handoff = stream("handoff")
    private(set) lazy var pipelineArrivals = stream("pipeline-changes")
    private(set) lazy var pipelineFailure = stream("pipeline-failure")
    private(set) lazy var pipelineWork = stream("pipeline-work")
    private(set) lazy var pipelineDefects = stream("pipeline-defects")
    private(set) lazy var repair = stream("repair")
}
