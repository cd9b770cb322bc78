import SimRandom

extension MLSpec {
    /// A number in [0, 1]: a quality, or a rate of quality.
    static let unitInterval = KeyKind.number(NumberRange(0, 1, lowIncluded: true, highIncluded: true, wording: "between 0 and 1"))

    /// Without monitoring, users notice a degraded model after about two weeks on average.
    public static let defaultUserReports = (try? Distribution.exponential(mean: 14 * 24)) ?? .never

    /// The keys of the `ml:` section.
    public enum Keys {
        public static let models = ScenarioKey<Int>("models", .integer(1...10_000, expected: "an integer between 1 and 10000"), .required,
                                                    "models serving in production, each drifting independently")
        public static let quality = ScenarioKey<Void>("quality", .section, .required, "quality of a fresh good model and the degraded level")
        public static let drift = ScenarioKey<Void>("drift", .section, .optional, "how quality drifts")
        public static let monitoring = ScenarioKey<Monitoring>("monitoring", .section, .optional, "monitoring of prediction quality")
        public static let userReports = ScenarioKey<Distribution>("user_reports", .duration, .defaulted(MLSpec.defaultUserReports),
                                                                  "without monitoring, degradation is noticed through user reports after this delay")
        public static let retraining = ScenarioKey<Retraining>("retraining", .section, .required, "how models are retrained")
        public static let pipelineChanges = ScenarioKey<PipelineChanges>("pipeline_changes", .section, .optional,
                                                                         "changes to the training pipeline itself")
        public static let all = KeySet([models.info, quality.info, drift.info, monitoring.info, userReports.info,
                                        retraining.info, pipelineChanges.info])
    }

    /// `ml.quality`.
    public enum QualityKeys {
        public static let initial = ScenarioKey<Double>("initial", unitInterval, .required, "quality of a freshly trained good model")
        public static let threshold = ScenarioKey<Double>("threshold", unitInterval, .required, "below this quality a model is degraded")
        public static let all = KeySet([initial.info, threshold.info])
    }

    /// `ml.drift`.
    public enum DriftKeys {
        public static let gradual = ScenarioKey<Void>("gradual", .section, .optional, "slow decay of quality")
        public static let shifts = ScenarioKey<Shifts>("shifts", .section, .optional, "sudden changes of the world")
        public static let all = KeySet([gradual.info, shifts.info])
    }

    /// `ml.drift.gradual`.
    public enum GradualKeys {
        public static let perDay = ScenarioKey<Double>("per_day", unitInterval, .required, "decay of quality per day")
        public static let all = KeySet([perDay.info])
        /// Without `drift.gradual`, quality does not decay.
        public static let absent: Double = 0
    }

    /// `ml.retraining.validation`.
    public enum ValidationKeys {
        public static let offlineDetection = ScenarioKey<Distribution>("offline_detection", .probability(belowOne: false), .defaulted(.never),
                                                                       "offline validation catches a bad model")
        public static let canary = ScenarioKey<Canary>("canary", .section, .optional, "online validation before the model serves everyone")
        public static let all = KeySet([offlineDetection.info, canary.info])
    }
}

extension MLSpec.Shifts {
    public enum Keys {
        public static let every = ScenarioKey<Distribution>("every", .duration, .required, "time between shifts, per model")
        public static let drop = ScenarioKey<Distribution>("drop", .probability(belowOne: false), .required, "quality lost at each shift")
        public static let all = KeySet([every.info, drop.info])
    }
}

extension MLSpec.Monitoring {
    public enum Keys {
        public static let detection = ScenarioKey<Distribution>("detection", .duration, .required, "time from degradation to the monitor's alert")
        public static let falseAlarmPerDay = ScenarioKey<Double>("false_alarm_per_day",
                                                                 .number(NumberRange(0, 100, lowIncluded: true, highIncluded: true,
                                                                                     wording: "a rate between 0 and 100 per day")),
                                                                 .defaulted(0), "spurious alerts per model per day")
        public static let all = KeySet([detection.info, falseAlarmPerDay.info])
    }
}

extension MLSpec.Retraining {
    public enum Keys {
        public static let trigger = ScenarioKey<MLSpec.Trigger>("trigger", .oneOf(MLSpec.Trigger.allCases.map(\.rawValue)), .required,
                                                                "what starts a retraining")
        public static let every = ScenarioKey<Double>("every", .fixedDuration(positive: true), .optional, "period of `scheduled` retraining")
        public static let pipeline = ScenarioKey<MLSpec.Pipeline>("pipeline", .oneOf(MLSpec.Pipeline.allCases.map(\.rawValue)), .required,
                                                                  "how a model is retrained")
        public static let duration = ScenarioKey<Distribution>("duration", .effortWhenManual, .required,
                                                               "clock time of an automated run; a person's effort for a manual one")
        public static let failureProbability = ScenarioKey<Distribution>("failure_probability", .probability(belowOne: false), .defaulted(.never),
                                                                         "a retrained model is bad")
        public static let validation = ScenarioKey<Void>("validation", .section, .optional, "validation of a retrained model")
        public static let team = ScenarioKey<Int>("team", .teamName, .optional, "the data-science team; it also repairs a broken pipeline")
        public static let handoff = ScenarioKey<Distribution>("handoff", .duration, .optional,
                                                              "the artifact waiting for engineering (manual pipeline)")
        public static let all = KeySet([trigger.info, every.info, pipeline.info, duration.info, failureProbability.info,
                                        validation.info, team.info, handoff.info])
    }
}

extension MLSpec.Canary {
    public enum Keys {
        public static let duration = ScenarioKey<Distribution>("duration", .duration, .required, "how long online validation runs")
        public static let detection = ScenarioKey<Distribution>("detection", .probability(belowOne: false), .required,
                                                                "online validation catches a bad model")
        public static let all = KeySet([duration.info, detection.info])
    }
}

extension MLSpec.PipelineChanges {
    public enum Keys {
        public static let arrivals = ScenarioKey<Distribution>("arrivals", .duration, .required, "time between changes to the training pipeline")
        public static let throughCICD = ScenarioKey<Bool>("through_ci_cd", .bool, .defaulted(false),
                                                          "each change goes through the value stream like code")
        public static let failureProbability = ScenarioKey<Distribution>("failure_probability", .probability(belowOne: false),
                                                                         .derived("the deploy settings' failure_probability"),
                                                                         "a change deployed by hand breaks the training pipeline")
        public static let repair = ScenarioKey<Distribution>("repair", .effort, .derived("one working day"),
                                                             "a person's effort to repair a broken pipeline")
        public static let all = KeySet([arrivals.info, throughCICD.info, failureProbability.info, repair.info])
    }
}
