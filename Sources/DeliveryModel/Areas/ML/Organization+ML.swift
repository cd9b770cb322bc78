import SimKernel
import SimRandom

/// ML models in production: drift, noticing, retraining, validation, rollback, pipeline changes.
extension Organization {
    var mlSpec: MLSpec { scenario.ml! }

    var decayPerHour: Double { mlSpec.gradualPerDay / 24 }

    /// Schedules each model's first shift, false alarm and scheduled retraining, and the first
    /// pipeline change.
    mutating func startML(_ simulation: inout Simulation<Event>) {
        guard let spec = scenario.ml else { return }
        ml.fleet = (0..<spec.models).map { _ in ServingModel(quality: spec.initialQuality, updated: 0) }
        for m in 0..<spec.models {
            let model = Int32(m)
            if let shifts = spec.shifts { simulation.schedule(.ml(.shift(model: model)), after: shifts.every.duration(ml.streams.shifts)) }
            scheduleCrossing(m, &simulation)
            if let monitoring = spec.monitoring, monitoring.falseAlarmPerDay > 0 {
                simulation.schedule(.ml(.falseAlarm(model: model)), after: ml.streams.falseAlarms.exponential(mean: 24 / monitoring.falseAlarmPerDay))
            }
            if spec.retraining.trigger == .scheduled, let every = spec.retraining.every {
                // Staggered, so that the models are not all retrained at once.
                simulation.schedule(.ml(.retrainScheduled(model: model)), after: every * Double(m + 1) / Double(spec.models))
            }
        }
        if let changes = spec.pipelineChanges {
            simulation.schedule(.ml(.pipelineChange), after: changes.arrivals.duration(ml.streams.pipelineArrivals))
        }
    }

    mutating func handle(_ event: MLEvent, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        switch event {
        case .shift(let model):
            let m = Int(model)
            if let shifts = mlSpec.shifts { simulation.schedule(.ml(.shift(model: model)), after: shifts.every.duration(ml.streams.shifts)) }
            let drop = mlSpec.shifts?.drop.sample(ml.streams.shiftDrops) ?? 0
            ml.fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
            ml.fleet[m].quality = max(0, ml.fleet[m].quality - drop)
            // The world changed: the previous model, kept for rollback, is as affected.
            if let p = ml.fleet[m].previous { ml.fleet[m].previous = (max(0, p.quality - drop), p.updated, p.bad) }
            ml.fleet[m].epoch += 1
            if ml.fleet[m].isDegraded { return }  // already degraded: the pending notice stands
            if ml.fleet[m].quality < mlSpec.threshold { beginDegradation(m, &simulation) } else { scheduleCrossing(m, &simulation) }
        case .crosses(let model, let epoch):
            let m = Int(model)
            guard ml.fleet[m].epoch == epoch else { return }
            ml.fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
            beginDegradation(m, &simulation)
        case .noticed(let model, let episode):
            noticeModel(Int(model), episode: episode, &simulation)
        case .falseAlarm(let model):
            let m = Int(model)
            if let monitoring = mlSpec.monitoring {
                simulation.schedule(.ml(.falseAlarm(model: model)), after: ml.streams.falseAlarms.exponential(mean: 24 / monitoring.falseAlarmPerDay))
            }
            guard !ml.fleet[m].isDegraded else { return }
            metrics.ml.falseAlarm(at: now)
            if mlSpec.retraining.trigger == .drift { retrain(m, &simulation) }
        case .retrainScheduled(let model):
            if let every = mlSpec.retraining.every { simulation.schedule(.ml(.retrainScheduled(model: model)), after: every) }
            retrain(Int(model), &simulation)
        case .trainingDone(let model):
            trainingDone(Int(model), &simulation)
        case .canaryDone(let model):
            modelCanaryDone(Int(model), &simulation)
        case .handoffDone(let model):
            // The artifact joins the ordinary release and deployment flow.
            let item = newItem(workClass: 0, at: now, code: false)
            items[Int(item)].model = model
            items[Int(item)].start = now
            readyForRelease(item, &simulation)
        case .pipelineChange:
            pipelineChange(&simulation)
        }
    }

    /// Schedules the moment gradual decay takes the model below the threshold.
    mutating func scheduleCrossing(_ m: Int, _ simulation: inout Simulation<Event>) {
        guard decayPerHour > 0, !ml.fleet[m].isDegraded else { return }
        let margin = ml.fleet[m].quality - mlSpec.threshold
        guard margin >= 0 else { return }
        simulation.schedule(.ml(.crosses(model: Int32(m), epoch: ml.fleet[m].epoch)), at: ml.fleet[m].updated + margin / decayPerHour)
    }

    /// The model has fallen below the threshold: someone or something will notice.
    mutating func beginDegradation(_ m: Int, _ simulation: inout Simulation<Event>) {
        if !ml.fleet[m].isDegraded { ml.fleet[m].degradedSince = simulation.now }
        ml.fleet[m].noticed = false
        ml.fleet[m].episode += 1
        let delay = mlSpec.monitoring?.detection.duration(ml.streams.monitoring) ?? mlSpec.userReports.duration(ml.streams.userReports)
        simulation.schedule(.ml(.noticed(model: Int32(m), episode: ml.fleet[m].episode)), after: delay)
    }

    mutating func noticeModel(_ m: Int, episode: Int32, _ simulation: inout Simulation<Event>) {
        guard ml.fleet[m].episode == episode, ml.fleet[m].isDegraded, !ml.fleet[m].noticed else { return }
        ml.fleet[m].noticed = true
        metrics.ml.noticed(delay: simulation.now - ml.fleet[m].degradedSince, began: ml.fleet[m].degradedSince)
        if ml.fleet[m].servingBad {
            rollbackModel(m, &simulation)
        } else if mlSpec.retraining.trigger != .scheduled {
            retrain(m, &simulation)
        }
    }

    /// Starts a retraining of model `m` unless one is under way.
    mutating func retrain(_ m: Int, _ simulation: inout Simulation<Event>) {
        guard !ml.fleet[m].retraining else { return }
        ml.fleet[m].retraining = true
        metrics.ml.retraining(at: simulation.now)
        switch mlSpec.retraining.pipeline {
        case .automated:
            simulation.schedule(.ml(.trainingDone(model: Int32(m))), after: mlSpec.retraining.duration.duration(ml.streams.training))
        case .manual:
            assign(.ml(.retrain(model: Int32(m))), team: mlSpec.retraining.team ?? 0, priority: TaskPriority.deploy - 1, &simulation)
        }
    }

    /// A training run ends: a broken pipeline fails it; otherwise the candidate may be bad, and
    /// offline validation may catch that.
    mutating func trainingDone(_ m: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        if mlSpec.retraining.pipeline == .automated && ml.pipelineBroken {
            metrics.ml.failedRetraining(at: now)
            ml.fleet[m].retraining = false
            ml.waitingForRepair.insert(m)
            startRepair(&simulation)
            return
        }
        let bad = ml.streams.candidates.uniform() < mlSpec.retraining.failureProbability.probability(probabilities)
        if bad && ml.streams.offline.uniform() < mlSpec.retraining.offlineDetection.probability(probabilities) {
            metrics.ml.failedRetraining(at: now)
            ml.fleet[m].retraining = false
            retryIfNeeded(m, &simulation)
            return
        }
        ml.fleet[m].candidateBad = bad
        switch mlSpec.retraining.pipeline {
        case .automated:
            validateOnline(m, &simulation)
        case .manual:
            simulation.schedule(.ml(.handoffDone(model: Int32(m))), after: mlSpec.retraining.handoff?.duration(ml.streams.handoff) ?? 0)
        }
    }

    /// Online validation (canary or A/B) before the model serves everyone, if there is one.
    mutating func validateOnline(_ m: Int, _ simulation: inout Simulation<Event>) {
        if let canary = mlSpec.retraining.canary {
            simulation.schedule(.ml(.canaryDone(model: Int32(m))), after: canary.duration.duration(ml.streams.canary))
        } else {
            deployModel(m, &simulation)
        }
    }

    mutating func modelCanaryDone(_ m: Int, _ simulation: inout Simulation<Event>) {
        if ml.fleet[m].candidateBad, let canary = mlSpec.retraining.canary,
           ml.streams.canaryDetection.uniform() < canary.detection.probability(probabilities) {
            metrics.ml.failedRetraining(at: simulation.now)
            ml.fleet[m].retraining = false
            retryIfNeeded(m, &simulation)
            return
        }
        deployModel(m, &simulation)
    }

    /// The candidate serves all traffic; the old model is kept for rollback.
    mutating func deployModel(_ m: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        ml.fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
        ml.fleet[m].previous = (ml.fleet[m].quality, now, ml.fleet[m].servingBad)
        ml.fleet[m].retraining = false
        ml.fleet[m].epoch += 1
        ml.fleet[m].servingBad = ml.fleet[m].candidateBad
        if ml.fleet[m].candidateBad {
            metrics.ml.badModelDeployed(at: now)
            ml.fleet[m].quality = mlSpec.badQuality
            beginDegradation(m, &simulation)
        } else {
            ml.fleet[m].quality = mlSpec.initialQuality
            recovered(m, at: now)
            scheduleCrossing(m, &simulation)
        }
    }

    /// A bad model is noticed: the previous model serves again.
    mutating func rollbackModel(_ m: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        metrics.ml.rollback(at: now)
        ml.fleet[m].advance(to: now, decay: decayPerHour, windowStart: metrics.windowStart)
        if let p = ml.fleet[m].previous {
            ml.fleet[m].quality = max(0, p.quality - decayPerHour * (now - p.updated))
            ml.fleet[m].servingBad = p.bad
        }
        ml.fleet[m].previous = nil
        ml.fleet[m].epoch += 1
        if ml.fleet[m].quality >= mlSpec.threshold && !ml.fleet[m].servingBad {
            recovered(m, at: now)
            scheduleCrossing(m, &simulation)
        } else {
            // The old model is degraded too: a new one is needed.
            ml.fleet[m].servingBad = false
            retrain(m, &simulation)
        }
    }

    mutating func recovered(_ m: Int, at now: Double) {
        guard ml.fleet[m].isDegraded else { return }
        metrics.ml.recovered(after: now - ml.fleet[m].degradedSince, began: ml.fleet[m].degradedSince)
        ml.fleet[m].endDegradation(at: now, windowStart: metrics.windowStart)
    }

    /// After a failed run, retrain again if the model still needs it.
    mutating func retryIfNeeded(_ m: Int, _ simulation: inout Simulation<Event>) {
        if (ml.fleet[m].isDegraded && ml.fleet[m].noticed) || mlSpec.retraining.trigger == .scheduled { retrain(m, &simulation) }
    }

    /// A model artifact from the manual pipeline reached production through the release flow.
    mutating func modelArtifactDeployed(_ model: Int32, _ simulation: inout Simulation<Event>) {
        validateOnline(Int(model), &simulation)
    }

    // MARK: Pipeline changes

    mutating func pipelineChange(_ simulation: inout Simulation<Event>) {
        guard let changes = mlSpec.pipelineChanges else { return }
        simulation.schedule(.ml(.pipelineChange), after: changes.arrivals.duration(ml.streams.pipelineArrivals))
        metrics.ml.pipelineChange(at: simulation.now)
        if changes.throughCICD {
            // Like code: the stages, tests, release and deployment; an escaped defect breaks the pipeline.
            let item = newItem(workClass: 0, at: simulation.now, code: false)
            items[Int(item)].pipelineChange = true
            offer(item, to: 0, &simulation)
        } else {
            assign(.ml(.pipelineDeploy), team: mlSpec.retraining.team ?? deploy.team, priority: TaskPriority.deploy, &simulation)
        }
    }

    mutating func pipelineDeployed(_ simulation: inout Simulation<Event>) {
        guard let changes = mlSpec.pipelineChanges else { return }
        if ml.streams.pipelineFailure.uniform() < changes.failureProbability.probability(probabilities) { breakPipeline(at: simulation.now) }
    }

    mutating func breakPipeline(at now: Double) {
        if !ml.pipelineBroken { metrics.ml.pipelineBreak(at: now) }
        ml.pipelineBroken = true
    }

    /// A failed retraining revealed the broken pipeline: a person repairs it.
    mutating func startRepair(_ simulation: inout Simulation<Event>) {
        guard !ml.repairing else { return }
        ml.repairing = true
        assign(.ml(.pipelineRepair), team: mlSpec.retraining.team ?? deploy.team, priority: TaskPriority.restore, &simulation)
    }

    mutating func pipelineRepaired(_ simulation: inout Simulation<Event>) {
        ml.pipelineBroken = false
        ml.repairing = false
        for m in ml.waitingForRepair.sorted() { retryIfNeeded(m, &simulation) }
        ml.waitingForRepair.removeAll()
    }
}
