import SimKernel

/// The scope being delivered — the starting backlog — and its growth: items that split once
/// work on them begins (`demand.split`) and items added while the starting backlog is under way
/// (`demand.added_scope`: until the backlog and its pieces are all in production, so the added
/// amount is bounded by the rate × the time the backlog takes, as in KanbanSim, rather than a
/// race between additions and their own delivery). A forecast runs until the whole scope is in
/// production.
extension Organization {
    /// `item` is part of the scope (`added`: added scope).
    mutating func joinScope(_ item: Int32, added: Bool = false) {
        items[Int(item)].scope = true
        items[Int(item)].addedScope = added
        flow.scopeItems += 1
        flow.scopeOpen += 1
        if !added { flow.baseScopeOpen += 1 }
    }

    /// A scope item is in production for good.
    mutating func leaveScope(_ change: WorkItem) {
        flow.scopeOpen -= 1
        if !change.addedScope { flow.baseScopeOpen -= 1 }
        if change.deployed > flow.scopeLastDeployed { flow.scopeLastDeployed = change.deployed }
        if let by = options.countBy, change.deployed <= by { flow.scopeDoneBy += 1 }
    }

    /// Schedules the first added item, if scope is added and there is a starting backlog.
    mutating func startAddedScope(_ simulation: inout Simulation<Event>) {
        guard let gap = scenario.demand.addedScope, let stream = flow.streams.addedScope, flow.baseScopeOpen > 0 else { return }
        simulation.schedule(.flow(.scopeAdded), after: gap.duration(stream))
    }

    /// Adds an item to the scope while some of the starting backlog (or its pieces) is not yet in
    /// production, and schedules the next; after that, nothing more is added.
    mutating func addScope(_ simulation: inout Simulation<Event>) {
        guard flow.baseScopeOpen > 0, let gap = scenario.demand.addedScope, let stream = flow.streams.addedScope else { return }
        let u = stream.uniform()
        let workClass = options.scopeClass ?? (flow.classShares.firstIndex { u < $0 } ?? (flow.classShares.count - 1))
        arrive(workClass: workClass, scope: true, added: true, grown: true, &simulation)
        simulation.schedule(.flow(.scopeAdded), after: gap.duration(stream))
    }

    /// The item's first hands-on work is done: with the split probability it turns out to be
    /// several pieces; the others join the backlog as new items of its class (in its scope if
    /// it is). Pieces never split again.
    mutating func split(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item)
        items[i].canSplit = false
        guard let split = scenario.demand.split, let stream = flow.streams.split else { return }
        let u = stream.uniform(), v = stream.uniform()
        guard u < split.probability.probability(stream) else { return }
        let width = split.pieces.upperBound - split.pieces.lowerBound + 1
        let pieces = split.pieces.lowerBound + min(width - 1, Int(v * Double(width)))
        let workClass = items[i].workClass, scope = items[i].scope
        for _ in 1..<pieces { arrive(workClass: workClass, scope: scope, grown: true, &simulation) }
    }
}
