import SimKernel
import SimRandom

/// ML models in production: drift, noticing, retraining, validation, rollback, pipeline changes.
extension Organization {
    var ml: MLSpec { scenario.ml! }

    /// Every metric of the replication at `end`, the ML ones included when the scenario has models.
    func metricValues(at end: Double) -> [MetricValue] {
        var values = metrics.values(at: end, scenario: scenario)
        if let spec = scenario.ml {
            values += metrics.ml.values(fleet: fleet, windowStart: metrics.windowStart, end: end, decayPerHour: spec.gradualPerDay / 24)
        }
        return values
    }
    var decayPerHour: Double { ml.gradualPerDay / 24 }

    /// Schedules each model's first shift, false alarm and scheduled retraining, and the first
    /// pipeline change.
    mutating func startML(_ simulation: inout Simulation<Event>) {
        guard let spec = scenario.ml else { return }
        fleet = (0..<spec.models).map { _ in ServingModel(quality: spec.initialQuality, updated: 0) }
        for m in 0..<spec.models {
            let model = Int32(m)
            if let shifts = spec.shifts { simulation.schedule(.modelShift(model: model), after: shifts.every.duration(mlStreams.shifts)) }
            scheduleCrossing(m, &simulation)
            if let monitoring = spec.monitoring, monitoring.falseAlarmPerDay > 0 {
                simulation.schedule(.falseAlarm(model: model), after: mlStreams.falseAlarms.exponential(mean: 24 / monitoring.falseAlarmPerDay))
            }
            if spec.retraining.trigger == .scheduled, let every = spec.retraining.every {
                // Staggered, so that the models are not all retrained at once.
                simulation.schedule(.retrainScheduled(model: model), after: every * Double(m + 1) / Double(spec.models))
            }
        }
        if let changes = spec.pipelineChanges {
            simulation.schedule(.pipelineChange, after: changes.arrivals.duration(mlStreams.pipelineArrivals))
        }
    }

    mutating func handleML(_ event: Event, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        switch event {
        case .modelShift(let model):
            let m = Int(model)
            if let shifts = ml.shifts { simulation.schedule(.modelShift(model: model), after: shifts.every.duration(mlStreams.shifts)) }
            let drop = ml.shifts?.drop.sample(mlStreams.shiftDrops) ?? 0
            fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
            fleet[m].quality = max(0, fleet[m].quality - drop)
            // The world changed: the previous model, kept for rollback, is as affected.
            if let p = fleet[m].previous { fleet[m].previous = (max(0, p.quality - drop), p.updated, p.bad) }
            fleet[m].epoch += 1
            if fleet[m].isDegraded { return }  // already degraded: the pending notice stands
            if fleet[m].quality < ml.threshold { beginDegradation(m, &simulation) } else { scheduleCrossing(m, &simulation) }
        case .modelCrosses(let model, let epoch):
            let m = Int(model)
            guard fleet[m].epoch == epoch else { return }
            fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
            beginDegradation(m, &simulation)
        case .modelNoticed(let model, let episode):
            noticeModel(Int(model), episode: episode, &simulation)
        case .falseAlarm(let model):
            let m = Int(model)
            if let monitoring = ml.monitoring {
                simulation.schedule(.falseAlarm(model: model), after: mlStreams.falseAlarms.exponential(mean: 24 / monitoring.falseAlarmPerDay))
            }
            guard !fleet[m].isDegraded else { return }
            metrics.ml.falseAlarm(at: now)
            if ml.retraining.trigger == .drift { retrain(m, &simulation) }
        case .retrainScheduled(let model):
            if let every = ml.retraining.every { simulation.schedule(.retrainScheduled(model: model), after: every) }
            retrain(Int(model), &simulation)
        case .trainingDone(let model):
            trainingDone(Int(model), &simulation)
        case .modelCanaryDone(let model):
            modelCanaryDone(Int(model), &simulation)
        case .modelHandoffDone(let model):
            // The artifact joins the ordinary release and deployment flow.
            let item = newItem(workClass: 0, at: now, code: false)
            items[Int(item)].model = model
            items[Int(item)].start = now
            readyForRelease(item, &simulation)
        case .pipelineChange:
            pipelineChange(&simulation)
        default:
            break
        }
    }

    /// Schedules the moment gradual decay takes the model below the threshold.
    mutating func scheduleCrossing(_ m: Int, _ simulation: inout Simulation<Event>) {
        guard decayPerHour > 0, !fleet[m].isDegraded else { return }
        let margin = fleet[m].quality - ml.threshold
        guard margin >= 0 else { return }
        simulation.schedule(.modelCrosses(model: Int32(m), epoch: fleet[m].epoch), at: fleet[m].updated + margin / decayPerHour)
    }

    /// The model has fallen below the threshold: someone or something will notice.
    mutating func beginDegradation(_ m: Int, _ simulation: inout Simulation<Event>) {
        if !fleet[m].isDegraded { fleet[m].degradedSince = simulation.now }
        fleet[m].noticed = false
        fleet[m].episode += 1
        let delay = ml.monitoring?.detection.duration(mlStreams.monitoring) ?? ml.userReports.duration(mlStreams.userReports)
        simulation.schedule(.modelNoticed(model: Int32(m), episode: fleet[m].episode), after: delay)
    }

    mutating func noticeModel(_ m: Int, episode: Int32, _ simulation: inout Simulation<Event>) {
        guard fleet[m].episode == episode, fleet[m].isDegraded, !fleet[m].noticed else { return }
        fleet[m].noticed = true
        metrics.ml.noticed(delay: simulation.now - fleet[m].degradedSince, began: fleet[m].degradedSince)
        if fleet[m].servingBad {
            rollbackModel(m, &simulation)
        } else if ml.retraining.trigger != .scheduled {
            retrain(m, &simulation)
        }
    }

    /// Starts a retraining of model `m` unless one is under way.
    mutating func retrain(_ m: Int, _ simulation: inout Simulation<Event>) {
        guard !fleet[m].retraining else { return }
        fleet[m].retraining = true
        metrics.ml.retraining(at: simulation.now)
        switch ml.retraining.pipeline {
        case .automated:
            simulation.schedule(.trainingDone(model: Int32(m)), after: ml.retraining.duration.duration(mlStreams.training))
        case .manual:
            assign(.retrain(model: Int32(m)), team: ml.retraining.team ?? 0, priority: TaskPriority.deploy - 1, &simulation)
        }
    }

    /// A training run ends: a broken pipeline fails it; otherwise the candidate may be bad, and
    /// offline validation may catch that.
    mutating func trainingDone(_ m: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        if ml.retraining.pipeline == .automated && pipelineBroken {
            metrics.ml.failedRetraining(at: now)
            fleet[m].retraining = false
            waitingForRepair.insert(m)
            startRepair(&simulation)
            return
        }
        let bad = mlStreams.candidates.uniform() < ml.retraining.failureProbability.duration(streams.probabilities)
        if bad && mlStreams.offline.uniform() < ml.retraining.offlineDetection.duration(streams.probabilities) {
            metrics.ml.failedRetraining(at: now)
            fleet[m].retraining = false
            retryIfNeeded(m, &simulation)
            return
        }
        fleet[m].candidateBad = bad
        switch ml.retraining.pipeline {
        case .automated:
            validateOnline(m, &simulation)
        case .manual:
            simulation.schedule(.modelHandoffDone(model: Int32(m)), after: ml.retraining.handoff?.duration(mlStreams.handoff) ?? 0)
        }
    }

    /// Online validation (canary or A/B) before the model serves everyone, if there is one.
    mutating func validateOnline(_ m: Int, _ simulation: inout Simulation<Event>) {
        if let canary = ml.retraining.canary {
            simulation.schedule(.modelCanaryDone(model: Int32(m)), after: canary.duration.duration(mlStreams.canary))
        } else {
            deployModel(m, &simulation)
        }
    }

    mutating func modelCanaryDone(_ m: Int, _ simulation: inout Simulation<Event>) {
        if fleet[m].candidateBad, let canary = ml.retraining.canary,
           mlStreams.canaryDetection.uniform() < canary.detection.duration(streams.probabilities) {
            metrics.ml.failedRetraining(at: simulation.now)
            fleet[m].retraining = false
            retryIfNeeded(m, &simulation)
            return
        }
        deployModel(m, &simulation)
    }

    /// The candidate serves all traffic; the old model is kept for rollback.
    mutating func deployModel(_ m: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
        fleet[m].previous = (fleet[m].quality, now, fleet[m].servingBad)
        fleet[m].retraining = false
        fleet[m].epoch += 1
        fleet[m].servingBad = fleet[m].candidateBad
        if fleet[m].candidateBad {
            metrics.ml.badModelDeployed(at: now)
            fleet[m].quality = ml.badQuality
            beginDegradation(m, &simulation)
        } else {
            fleet[m].quality = ml.initialQuality
            recovered(m, at: now)
            scheduleCrossing(m, &simulation)
        }
    }

    /// A bad model is noticed: the previous model serves again.
    mutating func rollbackModel(_ m: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        metrics.ml.rollback(at: now)
        fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
        if let p = fleet[m].previous {
            fleet[m].quality = max(0, p.quality - decayPerHour * (now - p.updated))
            fleet[m].servingBad = p.bad
        }
        fleet[m].previous = nil
        fleet[m].epoch += 1
        if fleet[m].quality >= ml.threshold && !fleet[m].servingBad {
            recovered(m, at: now)
            scheduleCrossing(m, &simulation)
        } else {
            // The old model is degraded too: a new one is needed.
            fleet[m].servingBad = false
            retrain(m, &simulation)
        }
    }

    mutating func recovered(_ m: Int, at now: Double) {
        guard fleet[m].isDegraded else { return }
        metrics.ml.recovered(after: now - fleet[m].degradedSince, began: fleet[m].degradedSince)
        fleet[m].endDegradation(at: now, windowStart: metrics.windowStart)
    }

    /// After a failed run, retrain again if the model still needs it.
    mutating func retryIfNeeded(_ m: Int, _ simulation: inout Simulation<Event>) {
        if (fleet[m].isDegraded && fleet[m].noticed) || ml.retraining.trigger == .scheduled { retrain(m, &simulation) }
    }

    /// A model artifact from the manual pipeline reached production through the release flow.
    mutating func modelArtifactDeployed(_ model: Int32, _ simulation: inout Simulation<Event>) {
        validateOnline(Int(model), &simulation)
    }

    // MARK: Pipeline changes

    mutating func pipelineChange(_ simulation: inout Simulation<Event>) {
        guard let changes = ml.pipelineChanges else { return }
        simulation.schedule(.pipelineChange, after: changes.arrivals.duration(mlStreams.pipelineArrivals))
        metrics.ml.pipelineChange(at: simulation.now)
        if changes.throughCICD {
            // Like code: the stages, tests, release and deployment; an escaped defect breaks the pipeline.
            let item = newItem(workClass: 0, at: simulation.now, code: false)
            items[Int(item)].pipelineChange = true
            offer(item, to: 0, &simulation)
        } else {
            assign(.pipelineDeploy, team: ml.retraining.team ?? deployTeam, priority: TaskPriority.deploy, &simulation)
        }
    }

    mutating func pipelineDeployed(_ simulation: inout Simulation<Event>) {
        guard let changes = ml.pipelineChanges else { return }
        if mlStreams.pipelineFailure.uniform() < changes.failureProbability.duration(streams.probabilities) { breakPipeline(at: simulation.now) }
    }

    mutating func breakPipeline(at now: Double) {
        if !pipelineBroken { metrics.ml.pipelineBreak(at: now) }
        pipelineBroken = true
    }

    /// A failed retraining revealed the broken pipeline: a person repairs it.
    mutating func startRepair(_ simulation: inout Simulation<Event>) {
        guard !repairing else { return }
        repairing = true
        assign(.pipelineRepair, team: ml.retraining.team ?? deployTeam, priority: TaskPriority.restore, &simulation)
    }

    mutating func pipelineRepaired(_ simulation: inout Simulation<Event>) {
        pipelineBroken = false
        repairing = false
        for m in waitingForRepair.sorted() { retryIfNeeded(m, &simulation) }
        waitingForRepair.removeAll()
    }
}
