import SimRandom

/// Machine-learning models in production: how their quality drifts, how degradation is noticed,
/// and how models are retrained and validated (Google's MLOps levels 0–2).
public struct MLSpec: Sendable {
    /// Models serving in production, each drifting independently.
    public var models: Int
    /// Quality of a freshly trained good model (e.g. accuracy).
    public var initialQuality: Double
    /// Below this quality a model is degraded.
    public var threshold: Double
    /// Slow decay of quality, per day.
    public var gradualPerDay: Double
    /// Sudden shifts of the world the data describes; nil for none.
    public var shifts: Shifts?
    /// Monitoring of prediction quality; nil: degradation is noticed only through user reports.
    public var monitoring: Monitoring?
    /// Time until users' reports reveal a degraded model, when nothing monitors it.
    public var userReports: Distribution
    public var retraining: Retraining
    /// Changes to the training pipeline itself (level 2 delivers them through CI/CD); nil for none.
    public var pipelineChanges: PipelineChanges?

    public struct Shifts: Sendable {
        /// Time between shifts, per model.
        public var every: Distribution
        /// Quality lost at each shift.
        public var drop: Distribution
        public init(every: Distribution, drop: Distribution) {
            self.every = every
            self.drop = drop
        }
    }

    public struct Monitoring: Sendable {
        /// Time from degradation until the monitor alerts.
        public var detection: Distribution
        /// Spurious alerts per model per day (each triggers a needless retraining under `drift`).
        public var falseAlarmPerDay: Double
        public init(detection: Distribution, falseAlarmPerDay: Double = Keys.falseAlarmPerDay.defaultValue) {
            self.detection = detection
            self.falseAlarmPerDay = falseAlarmPerDay
        }
    }

    /// What starts a retraining.
    public enum Trigger: String, Sendable, CaseIterable {
        /// Someone decides to retrain once degradation is noticed (user reports or monitoring).
        case manual
        /// On a fixed schedule, whatever the model's state.
        case scheduled
        /// The monitor's alert starts the pipeline (requires monitoring).
        case drift
    }

    /// How a model is retrained.
    public enum Pipeline: String, Sendable, CaseIterable {
        /// Without people; the model is validated and deployed by the pipeline itself.
        case automated
        /// A work item for the data-science team, a handoff of the artifact to engineering, then
        /// the scenario's ordinary release and deployment flow.
        case manual
    }

    public struct Retraining: Sendable {
        public var trigger: Trigger
        /// Period of `scheduled` retraining.
        public var every: Double?
        public var pipeline: Pipeline
        /// Training time: clock time for an automated pipeline, a person's effort for a manual one.
        public var duration: Distribution
        /// Probability that a retrained model is bad (below the threshold).
        public var failureProbability: Distribution
        /// Offline validation's probability of catching a bad model; 0 for none.
        public var offlineDetection: Distribution
        /// Online validation before a model serves all traffic; nil for none.
        public var canary: Canary?
        /// Index into the scenario's teams of the data-science team (manual pipeline, repairs).
        public var team: Int?
        /// Handoff of a manually trained artifact to engineering.
        public var handoff: Distribution?
        public init(trigger: Trigger, every: Double? = nil, pipeline: Pipeline, duration: Distribution,
                    failureProbability: Distribution = Keys.failureProbability.defaultValue,
                    offlineDetection: Distribution = MLSpec.ValidationKeys.offlineDetection.defaultValue,
                    canary: Canary? = nil, team: Int? = nil, handoff: Distribution? = nil) {
            self.trigger = trigger
            self.every = every
            self.pipeline = pipeline
            self.duration = duration
            self.failureProbability = failureProbability
            self.offlineDetection = offlineDetection
            self.canary = canary
            self.team = team
            self.handoff = handoff
        }
    }

    public struct Canary: Sendable {
        public var duration: Distribution
        /// Probability that online validation catches a bad model.
        public var detection: Distribution
        public init(duration: Distribution, detection: Distribution) {
            self.duration = duration
            self.detection = detection
        }
    }

    public struct PipelineChanges: Sendable {
        /// Time between changes to the training pipeline.
        public var arrivals: Distribution
        /// True: each change is a work item through the value stream's stages, tests, release and
        /// deployment, and breaks the pipeline only if a defect escapes. False: deployed by hand.
        public var throughCICD: Bool
        /// Probability that a change deployed by hand breaks the pipeline.
        public var failureProbability: Distribution
        /// A person's effort to repair a broken pipeline once a failed retraining reveals it.
        public var repair: Distribution
        public init(arrivals: Distribution, throughCICD: Bool, failureProbability: Distribution, repair: Distribution) {
            self.arrivals = arrivals
            self.throughCICD = throughCICD
            self.failureProbability = failureProbability
            self.repair = repair
        }
    }

    public init(models: Int, initialQuality: Double, threshold: Double, gradualPerDay: Double = GradualKeys.absent, shifts: Shifts? = nil,
                monitoring: Monitoring? = nil, userReports: Distribution, retraining: Retraining, pipelineChanges: PipelineChanges? = nil) {
        self.models = models
        self.initialQuality = initialQuality
        self.threshold = threshold
        self.gradualPerDay = gradualPerDay
        self.shifts = shifts
        self.monitoring = monitoring
        self.userReports = userReports
        self.retraining = retraining
        self.pipelineChanges = pipelineChanges
    }

    /// The quality of a bad model: as far below the threshold as half the margin of a good one.
    public var badQuality: Double { threshold - (initialQuality - threshold) / 2 }
}
