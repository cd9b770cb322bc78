/// The ML area's events.
enum MLEvent {
    /// The world shifts under the model: its quality drops at once.
    case shift(model: Int32)
    /// Gradual drift takes the model below the threshold (stale unless `epoch` is current).
    case crosses(model: Int32, epoch: Int32)
    /// The degradation `episode` is noticed (stale unless current).
    case noticed(model: Int32, episode: Int32)
    /// Monitoring alerts without a degradation.
    case falseAlarm(model: Int32)
    /// A scheduled retraining is due.
    case retrainScheduled(model: Int32)
    /// An automated training run finished.
    case trainingDone(model: Int32)
    /// The candidate model's online validation is over.
    case canaryDone(model: Int32)
    /// A manually trained artifact reached engineering.
    case handoffDone(model: Int32)
    /// A change to the training pipeline arrives.
    case pipelineChange
}

/// The ML area's tasks for people.
enum MLTask {
    /// Retraining the model by hand.
    case retrain(model: Int32)
    /// Deploying a pipeline change by hand.
    case pipelineDeploy
    /// Repairing the broken training pipeline.
    case pipelineRepair
}
