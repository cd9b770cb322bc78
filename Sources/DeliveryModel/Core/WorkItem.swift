/// A change flowing through the value stream: a feature, a bug fix, a fix-forward.
struct WorkItem {
    /// Creation order within the replication (items, fixes, pipeline changes, artifacts), from 1.
    var id: Int
    /// Index into the scenario's classes.
    var workClass: Int
    var priority: Int
    var arrival: Double
    /// First pulled into the first stage; −1 before.
    var start: Double = -1
    /// When its current pass in process began: its start, or when it came back out of production.
    var passStart: Double = -1
    /// Hours in process (started, not in production) over its finished passes: its cycle time.
    var processHours: Double = 0
    /// Its last deployment to production; −1 before.
    var deployed: Double = -1
    /// Last completion of the first stage's work (the final commit); −1 before.
    var developmentDone: Double = -1
    var released: Double = -1
    /// Current stage.
    var stage: Int = 0
    /// The board-wide limit it counts under, or −1.
    var board: Int = -1
    /// When it entered the current stage.
    var stageEntered: Double = 0
    /// When it joined a person's queue.
    var queued: Double = 0
    /// Index of the test suite running, into the scenario's suites.
    var suite: Int = -1
    var latentDefect = false
    /// Its escaped defect caused the incident now open (until the change is taken out of production).
    var causedIncident = false
    /// True on a rework pass (fresh work is the stage's rework fraction).
    var reworking = false
    var reworks = 0
    /// Hours blocked, over every stage and pass.
    var blocked: Double = 0
    /// When its current blocker began.
    var blockedSince: Double = 0
    /// Hands-on working hours spent on it.
    var touch: Double = 0
    var skipsWipLimits: Bool
    /// For a fix-forward item: the incident it resolves; −1 otherwise.
    var fixesIncident: Int32 = -1
    /// For a model artifact of a manual retraining: the model; −1 otherwise.
    var model: Int32 = -1
    /// A change to the ML training pipeline.
    var pipelineChange = false
    /// The value-stream segment it is in (``ValueStreamSegments``), since `segmentFrom`.
    var segment: Int32 = 0
    var segmentFrom: Double = 0
    /// Part of the scope being forecast: the starting backlog, its split pieces, added scope.
    var scope = false
    /// Added to the scope while it was under way (`demand.added_scope`).
    var addedScope = false
    /// May still split (a demand item whose first hands-on work is not done; never a piece).
    var canSplit = false

    /// True for a change to the product's code (not a model artifact).
    var isCode: Bool { model < 0 }
}
