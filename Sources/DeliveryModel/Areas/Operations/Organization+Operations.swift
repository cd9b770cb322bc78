import SimKernel

/// Operations: an escaped defect in production may cause an incident; once noticed, service is
/// restored by rolling back the change, or by a fix-forward that flows through the value stream.
extension Organization {
    mutating func handle(_ event: OperationsEvent, _ simulation: inout Simulation<Event>) {
        switch event {
        case .incidentNoticed(let incident): noticeIncident(incident, &simulation)
        case .restoreDone(let incident): restored(incident, &simulation)
        }
    }

    /// A person's hours for `task`, drawn as it begins.
    mutating func effort(_ task: OperationsTask) -> Double {
        switch task {
        case .restore: return scenario.deploy.rollback.duration.duration(deploy.streams.rollbackDuration)
        }
    }

    mutating func finish(_ task: OperationsTask, _ simulation: inout Simulation<Event>) {
        switch task {
        case .restore(let incident): restored(incident, &simulation)
        }
    }

    /// A change reached production. Returns true if its escaped defect causes an incident (the
    /// incident is opened by ``openIncidents(release:failing:_:)`` once the whole release is in).
    /// A fix-forward's arrival restores its incident.
    @inline(__always)
    mutating func inProduction(_ item: Int32, _ simulation: inout Simulation<Event>) -> Bool {
        let now = simulation.now
        let fixesIncident = items[Int(item)].fixesIncident
        let latentDefect = items[Int(item)].latentDefect, pipelineChange = items[Int(item)].pipelineChange
        if fixesIncident >= 0 {
            let incident = operations.incidents[Int(fixesIncident)]
            metrics.operations.restored(after: now - incident.began, began: incident.began)
            recordIncident(opened: incident.began, restored: now, deployment: incident.deployment)
            operations.freeIncidents.append(fixesIncident)
        }
        guard latentDefect else { return false }
        metrics.flow.defectEscaped(at: now)
        if pipelineChange {
            // An escaped defect in the training pipeline breaks retraining, not the product.
            breakPipeline(at: now)
            return false
        }
        guard operations.streams.incidents.uniform() < scenario.operations.incidentProbability.probability(probabilities) else { return false }
        items[Int(item)].causedIncident = true
        return true
    }

    /// The release just deployed carries `failing` defects that cause incidents. Each is noticed
    /// after its own detection delay. A rollback restores them all at once, when the first is
    /// noticed, by taking the whole release out of production; a revert or a fix-forward treats
    /// each defective change on its own and the rest of the release stays (its changes are done).
    mutating func openIncidents(release batch: [Int32], failing: Int, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        switch scenario.operations.restore {
        case .rollback:
            var noticed = Double.infinity
            for _ in 0..<failing {
                metrics.operations.incident(at: now)
                noticed = min(noticed, scenario.operations.detection.duration(operations.streams.detection))
            }
            let changes = batch.filter { items[Int($0)].isCode }
            let incident = newIncident(Incident(changes: changes, count: failing, began: now, deployment: flow.deployments))
            simulation.schedule(.operations(.incidentNoticed(incident: incident)), after: noticed)
        case .revert, .fixForward:
            for item in batch where items[Int(item)].isCode {
                guard items[Int(item)].causedIncident else {
                    deliver(item)
                    continue
                }
                metrics.operations.incident(at: now)
                let incident = newIncident(Incident(changes: [item], count: 1, began: now, deployment: flow.deployments))
                simulation.schedule(.operations(.incidentNoticed(incident: incident)), after: scenario.operations.detection.duration(operations.streams.detection))
            }
        }
    }

    mutating func newIncident(_ value: Incident) -> Int32 {
        if let slot = operations.freeIncidents.popLast() {
            operations.incidents[Int(slot)] = value
            return slot
        }
        operations.incidents.append(value)
        return Int32(operations.incidents.count - 1)
    }

    mutating func noticeIncident(_ incident: Int32, _ simulation: inout Simulation<Event>) {
        switch scenario.operations.restore {
        case .rollback, .revert:
            metrics.deploy.rollback(at: simulation.now)
            if scenario.deploy.rollback.automated {
                simulation.schedule(.operations(.restoreDone(incident: incident)), after: scenario.deploy.rollback.duration.duration(deploy.streams.rollbackDuration))
            } else {
                assign(.operations(.restore(incident: incident)), team: deploy.team, priority: TaskPriority.restore, &simulation)
            }
        case .fixForward:
            // The defective change stays; a fix flows through the value stream as expedite work.
            let original = operations.incidents[Int(incident)].changes[0]
            items[Int(original)].causedIncident = false
            deliver(original, incident: true)
            let fix = newItem(workClass: operations.fixClass, at: simulation.now)
            items[Int(fix)].fixesIncident = incident
            items[Int(fix)].skipsWipLimits = true
            items[Int(fix)].priority = TaskPriority.deploy - 1
            items[Int(fix)].reworking = true
            metrics.operations.fixForwardCreated(at: simulation.now)
            offer(fix, to: 0, &simulation)
        }
    }

    /// Service is back after a rollback or a revert: every change it took out of production is in
    /// process again. Defective changes go back to development for rework; the others of a
    /// rolled-back release are deployed again at once, ahead of anything queued.
    mutating func restored(_ incident: Int32, _ simulation: inout Simulation<Event>) {
        let now = simulation.now
        let value = operations.incidents[Int(incident)]
        for _ in 0..<value.count {
            metrics.operations.restored(after: now - value.began, began: value.began)
            recordIncident(opened: value.began, restored: now, deployment: value.deployment)
        }
        operations.freeIncidents.append(incident)
        var redeploy: [Int32] = []
        redeploy.reserveCapacity(value.changes.count)  // (one allocation, not one per doubling)
        for item in value.changes {
            let i = Int(item)
            if items[i].causedIncident {
                items[i].causedIncident = false
                items[i].latentDefect = false
                items[i].reworking = true
                items[i].reworks += 1
                reenter(item, &simulation)
            } else {
                // Out of production with the release: in process again until it is redeployed.
                backInProcess(item, at: now)
                redeploy.append(item)
            }
        }
        if !redeploy.isEmpty {
            for item in redeploy { items[Int(item)].released = now }
            deploy.queue.prepend(newRelease(redeploy))
            startNextDeploy(&simulation)
        }
    }
}
