import SimStats

/// Observations of the ML models of one replication, after the warm-up.
struct MLMetrics {
    let warmup: Double
    let detectionDelay = Tally()
    let recovery = Tally(quantiles: [0.85])
    var retrainings = 0
    var failedRetrainings = 0
    var badModelsDeployed = 0
    var rollbacks = 0
    var falseAlarms = 0
    var pipelineChanges = 0
    var pipelineBreaks = 0

    init(warmup: Double) { self.warmup = warmup }

    @inline(__always) func counts(_ t: Double) -> Bool { t >= warmup }

    mutating func noticed(delay: Double, began: Double) { if counts(began) { detectionDelay.add(delay) } }
    mutating func recovered(after hours: Double, began: Double) { if counts(began) { recovery.add(hours) } }
    mutating func retraining(at t: Double) { if counts(t) { retrainings += 1 } }
    mutating func failedRetraining(at t: Double) { if counts(t) { failedRetrainings += 1 } }
    mutating func badModelDeployed(at t: Double) { if counts(t) { badModelsDeployed += 1 } }
    mutating func rollback(at t: Double) { if counts(t) { rollbacks += 1 } }
    mutating func falseAlarm(at t: Double) { if counts(t) { falseAlarms += 1 } }
    mutating func pipelineChange(at t: Double) { if counts(t) { pipelineChanges += 1 } }
    mutating func pipelineBreak(at t: Double) { if counts(t) { pipelineBreaks += 1 } }

    /// The ML metrics at `end`, given the fleet (whose trajectories are integrated up to `end`).
    func values(fleet: [ServingModel], windowStart: Double, end: Double, decayPerHour: Double) -> [MetricValue] {
        let span = end - windowStart
        var area = 0.0, degraded = 0.0
        for var model in fleet {
            model.advance(to: end, decay: decayPerHour, windowStart: windowStart)
            area += model.qualityArea
            degraded += model.degradedTime + (model.isDegraded ? max(0, end - max(model.degradedSince, windowStart)) : 0)
        }
        let modelTime = Double(fleet.count) * span
        return [
            MetricValue(MetricDefinition.modelQuality.name, modelTime > 0 ? area / modelTime : nil, reason: "no models"),
            MetricValue(MetricDefinition.modelDegradedFraction.name, modelTime > 0 ? degraded / modelTime : nil, reason: "no models"),
            MetricValue(MetricDefinition.modelDetectionDelay.name, detectionDelay.mean, reason: "no degradation was noticed after warm-up"),
            MetricValue(MetricDefinition.retrainings.name, Double(retrainings)),
            MetricValue(MetricDefinition.failedRetrainings.name, Double(failedRetrainings)),
            MetricValue(MetricDefinition.badModelsDeployed.name, Double(badModelsDeployed)),
            MetricValue(MetricDefinition.modelRollbacks.name, Double(rollbacks)),
            MetricValue(MetricDefinition.modelRecovery.name, recovery.mean, reason: "no degraded model recovered after warm-up"),
            MetricValue(MetricDefinition.modelRecovery.name("p85"), recovery.quantile(0.85), reason: "no degraded model recovered after warm-up"),
            MetricValue(MetricDefinition.modelFalseAlarms.name, Double(falseAlarms)),
            MetricValue(MetricDefinition.pipelineChanges.name, Double(pipelineChanges)),
            MetricValue(MetricDefinition.pipelineBreaks.name, Double(pipelineBreaks)),
        ]
    }
}
