import SimKernel

/// Canary releases: the release first serves `canary.fraction` of users; a defect it reveals
/// pulls the release before it reaches everyone, so that defect affected only that share of
/// users, for the canary's duration (counted in `user_impact_hours`).
extension Organization {
    /// Each escaped defect the canary carries shows with the canary's detection probability. If
    /// any shows, the release is pulled: the found items go back for rework, and the rest is
    /// deployed again at once without them (no new approval).
    mutating func finishCanary(_ id: Int32, _ simulation: inout Simulation<Event>) {
        guard let canary = scenario.deploy.canary else { return }
        let batch = release.batches[Int(id)].items
        var caught: [Int32] = []
        for item in batch where items[Int(item)].latentDefect {
            if deploy.streams.canaryDetection.uniform() < canary.detection.probability(probabilities) { caught.append(item) }
        }
        guard !caught.isEmpty else {
            complete(id, &simulation)
            return
        }
        metrics.deploy.rollback(at: simulation.now)
        let from = release.batches[Int(id)].canaryFrom
        metrics.operations.affected(users: canary.fraction, for: simulation.now - from, began: from)
        deploy.deploying = false
        for item in caught {
            metrics.deploy.defectCaughtInCanary(at: simulation.now)
            items[Int(item)].latentDefect = false
            items[Int(item)].reworking = true
            items[Int(item)].reworks += 1
            // Never in production, so still in process: back to the first stage, not re-entering.
            items[Int(item)].released = -1
            enter(item, stage: 0, &simulation)
        }
        let rest = batch.filter { !caught.contains($0) }
        retireRelease(id)
        if !rest.isEmpty {
            let again = newRelease(rest)
            mark(release: again, .deployQueue, at: simulation.now)
            deploy.queue.prepend(again)
        }
        startNextDeploy(&simulation)
    }
}
