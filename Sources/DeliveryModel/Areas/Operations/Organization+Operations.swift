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

    /// A change reached production. Returns true if it caused an incident (the item then stays
    /// until service is restored). A fix-forward's arrival restores its incident.
    mutating func inProduction(_ item: Int32, _ simulation: inout Simulation<Event>) -> Bool {
        let now = simulation.now
        let change = items[Int(item)]
        if change.fixesIncident >= 0 {
            let incident = operations.incidents[Int(change.fixesIncident)]
            metrics.operations.restored(after: now - incident.began, began: incident.began)
            operations.freeIncidents.append(change.fixesIncident)
        }
        guard change.latentDefect else { return false }
        metrics.flow.defectEscaped(at: now)
        if change.pipelineChange {
            // An escaped defect in the training pipeline breaks retraining, not the product.
            breakPipeline(at: now)
            return false
        }
        guard operations.streams.incidents.uniform() < scenario.operations.incidentProbability.probability(probabilities) else { return false }
        let incident = newIncident(Incident(item: item, began: now))
        metrics.operations.incident(at: now)
        simulation.schedule(.operations(.incidentNoticed(incident: incident)), after: scenario.operations.detection.duration(operations.streams.detection))
        return true
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
        case .rollback:
            metrics.deploy.rollback(at: simulation.now)
            if scenario.deploy.rollback.automated {
                simulation.schedule(.operations(.restoreDone(incident: incident)), after: scenario.deploy.rollback.duration.duration(deploy.streams.rollbackDuration))
            } else {
                assign(.operations(.restore(incident: incident)), team: deploy.team, priority: TaskPriority.restore, &simulation)
            }
        case .fixForward:
            // The defective change stays; a fix flows through the value stream as expedite work.
            retire(operations.incidents[Int(incident)].item)
            let fix = newItem(workClass: operations.fixClass, at: simulation.now)
            items[Int(fix)].fixesIncident = incident
            items[Int(fix)].skipsWipLimits = true
            items[Int(fix)].priority = TaskPriority.deploy - 1
            items[Int(fix)].reworking = true
            metrics.operations.fixForwardCreated(at: simulation.now)
            offer(fix, to: 0, &simulation)
        }
    }

    /// Service is back after a rollback (revert) of the defective change, which returns to
    /// development for rework.
    mutating func restored(_ incident: Int32, _ simulation: inout Simulation<Event>) {
        let value = operations.incidents[Int(incident)]
        metrics.operations.restored(after: simulation.now - value.began, began: value.began)
        operations.freeIncidents.append(incident)
        let item = Int(value.item)
        items[item].latentDefect = false
        items[item].reworking = true
        items[item].reworks += 1
        items[item].released = -1
        reenter(value.item, &simulation)
    }
}
