/// Records beside the metrics: cumulative-flow snapshots and the life of each change.
extension Organization {
    mutating func takeSnapshot(at now: Double) {
        let inStages = flow.wip.reduce(0, +)
        let inProduction = flow.deployedChanges
        flow.snapshots.append(FlowSnapshot(
            day: Int((now / 24).rounded()), arrivals: flow.arrivals, backlog: flow.waiting[0].count, inStage: Array(flow.wip),
            awaitingRelease: max(0, flow.started - inStages - inProduction), done: inProduction))
    }

    mutating func record(_ item: WorkItem, incident: Bool) {
        flow.itemRecords.append(ItemRecord(
            id: item.id, workClass: scenario.demand.classes[item.workClass].name, arrival: item.arrival, start: item.start,
            developmentDone: item.developmentDone, released: item.released, deployed: item.deployed, cycleTime: item.processHours,
            reworks: item.reworks, escapedDefect: item.latentDefect, incident: incident))
    }
}

/// The history a tracker and a deployment log would hold (``History``), with `recordItems`.
extension Organization {
    /// Inlined where called, so that a run without records pays one test, not a call.
    @inline(__always)
    mutating func recordStatus(_ item: Int32, _ status: History.Status, at now: Double) {
        if options.recordItems { appendStatus(item, status, at: now) }
    }

    @inline(never)
    mutating func appendStatus(_ item: Int32, _ status: History.Status, at now: Double) {
        guard items[Int(item)].isCode else { return }
        flow.history.statusChanges.append(History.StatusChange(item: items[Int(item)].id, workClass: items[Int(item)].workClass, status: status, at: now))
    }

    /// A deployment finished (failed on its own, or not); returns its number.
    @discardableResult
    mutating func recordDeployment(changes: Int, failed: Bool, at now: Double) -> Int {
        flow.deployments += 1
        if options.recordItems {
            flow.history.deployments.append(History.Deployment(id: flow.deployments, at: now, failed: failed, changes: changes))
        }
        return flow.deployments
    }

    mutating func recordIncident(opened: Double, restored: Double, deployment: Int) {
        guard options.recordItems else { return }
        flow.history.incidents.append(History.Incident(opened: opened, restored: restored, deployment: deployment))
    }
}
