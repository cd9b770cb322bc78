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
