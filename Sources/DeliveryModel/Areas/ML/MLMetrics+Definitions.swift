extension MetricDefinition {
    public static let modelQuality = MetricDefinition(
        "model_quality", unit: "quality", "time-average quality of the ML models", quantity: .score, better: .higher)
    public static let modelDegradedFraction = MetricDefinition(
        "model_degraded_fraction", unit: "share", "share of model-time below the quality threshold", quantity: .share, better: .lower)
    public static let modelDetectionDelay = MetricDefinition(
        "model_detection_delay_hours", unit: "h", "degradation begins → noticed (monitoring or user reports)",
        quantity: .duration, better: .lower)
    public static let retrainings = MetricDefinition(
        "retrainings", unit: "count", "retraining runs started", quantity: .count, better: .neither)
    public static let failedRetrainings = MetricDefinition(
        "failed_retrainings", unit: "count", "retraining runs that failed (broken pipeline, bad model caught by validation)",
        quantity: .count, better: .lower)
    public static let badModelsDeployed = MetricDefinition(
        "bad_models_deployed", unit: "count", "bad retrained models that reached production", quantity: .count, better: .lower)
    public static let modelRollbacks = MetricDefinition(
        "model_rollbacks", unit: "count", "bad models rolled back to the previous model", quantity: .count, better: .lower)
    public static let modelRecovery = MetricDefinition(
        "model_recovery_hours", unit: "h", "quality falls below the threshold → a good model serves again",
        quantity: .duration, better: .lower, variants: ["", ".p85"])
    public static let modelFalseAlarms = MetricDefinition(
        "model_false_alarms", unit: "count", "monitoring alerts without a degradation", quantity: .count, better: .lower)
    public static let pipelineChanges = MetricDefinition(
        "pipeline_changes", unit: "count", "changes to the ML training pipeline", quantity: .count, better: .neither)
    public static let pipelineBreaks = MetricDefinition(
        "pipeline_breaks", unit: "count", "times the training pipeline broke", quantity: .count, better: .lower)
}
