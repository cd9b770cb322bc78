import SimKernel

/// Deploy: one deployment at a time goes through the pipeline (by a person, or automated); a
/// deployment may fail and be rolled back, or pass a canary phase first; then the release runs
/// in production.
extension Organization {
    mutating func handle(_ event: DeployEvent, _ simulation: inout Simulation<Event>) {
        switch event {
        case .deployDone(let release): finishDeploy(release, &simulation)
        case .canaryDone(let release): finishCanary(release, &simulation)
        case .rollbackDone(let release): finishRollback(release, &simulation)
        }
    }

    /// A person's hours for `task`, drawn as it begins.
    mutating func effort(_ task: DeployTask) -> Double {
        switch task {
        case .deploy: return scenario.deploy.duration.duration(deploy.streams.duration)
        case .rollback: return scenario.deploy.rollback.duration.duration(deploy.streams.rollbackDuration)
        }
    }

    mutating func finish(_ task: DeployTask, _ simulation: inout Simulation<Event>) {
        switch task {
        case .deploy(let release): finishDeploy(release, &simulation)
        case .rollback(let release): finishRollback(release, &simulation)
        }
    }

    /// One deployment at a time goes through the pipeline; the others queue.
    mutating func enqueueDeploy(_ release: Int32, _ simulation: inout Simulation<Event>) {
        mark(release: release, .deployQueue, at: simulation.now)
        deploy.queue.append(release)
        startNextDeploy(&simulation)
    }

    mutating func startNextDeploy(_ simulation: inout Simulation<Event>) {
        guard !deploy.deploying, let release = deploy.queue.popFirst() else { return }
        deploy.deploying = true
        mark(release: release, .deployment, at: simulation.now)
        if scenario.deploy.automated {
            simulation.schedule(.deploy(.deployDone(release: release)), after: scenario.deploy.duration.duration(deploy.streams.duration))
        } else {
            assign(.deploy(.deploy(release: release)), team: deploy.team, priority: TaskPriority.deploy, &simulation)
        }
    }

    mutating func finishDeploy(_ id: Int32, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        metrics.deploy.deployed(changes: release.batches[Int(id)].items.count, at: now)
        let failed = deploy.streams.failure.uniform() < scenario.deploy.failureProbability.probability(probabilities)
        recordDeployment(changes: release.batches[Int(id)].items.count, failed: failed, at: now)
        if failed {
            // The deployment itself fails (environment, configuration): users are affected until
            // it is rolled back; then the same changes are deployed again.
            metrics.deploy.failedDeployment(at: now)
            release.batches[Int(id)].failedAt = now
            mark(release: id, .failedDeployment, at: now)
            startRollback(id, &simulation)
            return
        }
        if let canary = scenario.deploy.canary {
            release.batches[Int(id)].canaryFrom = now
            mark(release: id, .canary, at: now)
            simulation.schedule(.deploy(.canaryDone(release: id)), after: canary.duration.duration(deploy.streams.canaryDuration))
            return
        }
        complete(id, &simulation)
    }

    mutating func startRollback(_ release: Int32, _ simulation: inout Simulation<Event>) {
        metrics.deploy.rollback(at: simulation.now)
        if scenario.deploy.rollback.automated {
            simulation.schedule(.deploy(.rollbackDone(release: release)), after: scenario.deploy.rollback.duration.duration(deploy.streams.rollbackDuration))
        } else {
            assign(.deploy(.rollback(release: release)), team: deploy.team, priority: TaskPriority.restore, &simulation)
        }
    }

    mutating func finishRollback(_ id: Int32, _ simulation: inout Simulation<Event>) {
        let failedAt = release.batches[Int(id)].failedAt
        metrics.operations.restored(after: simulation.now - failedAt, began: failedAt)
        deploy.deploying = false
        // Deploy the same changes again, ahead of anything queued.
        mark(release: id, .deployQueue, at: simulation.now)
        deploy.queue.prepend(id)
        startNextDeploy(&simulation)
    }

    /// The release runs in production: its changes are done; escaped defects may cause incidents.
    mutating func complete(_ id: Int32, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let batch = release.batches[Int(id)].items
        var failing = 0
        for item in batch {
            guard items[Int(item)].isCode else {
                modelArtifactDeployed(items[Int(item)].model, &simulation)
                retire(item)
                continue
            }
            let fixes = items[Int(item)].fixesIncident >= 0
            deployed(item, at: now)
            if fixes { metrics.deploy.reworkDeployed(at: now) }
            if inProduction(item, &simulation) { failing += 1 }
        }
        if failing > 0 {
            metrics.deploy.failedDeployment(at: now)
            openIncidents(release: batch, failing: failing, &simulation)
        } else {
            for item in batch where items[Int(item)].isCode { deliver(item) }
        }
        retireRelease(id)
        deploy.deploying = false
        startNextDeploy(&simulation)
    }
}
