import SimKernel

/// Blockers: an item reaching a stage's queue may be blocked first (``Blockers``). It keeps its
/// place in the stage (the WIP count is unchanged) and holds nobody; when the blocker is lifted
/// it joins the queue for a person.
extension Organization {
    /// `item` reached its stage's queue (after any handoff): blocked first with the stage's
    /// chance, else queued for work at once.
    @inline(__always)
    mutating func reachQueue(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let s = items[Int(item)].stage
        if flow.stages.rows[s].hasBlockers,
           flow.streams.blocked[s].uniform() < flow.stages.blockChance.probability(s, probabilities) {
            let hours = flow.stages.blockDuration.duration(s, flow.streams.blocked, s)
            items[Int(item)].blocked += hours
            items[Int(item)].blockedSince = simulation.now
            mark(item, flow.segments.blocked(s), at: simulation.now)
            recordStatus(item, .blocked(s), at: simulation.now)
            simulation.schedule(.flow(.unblocked(item: item)), after: hours)
            return
        }
        queueForWork(item, &simulation)
    }

    /// The blocker on `item` is lifted.
    mutating func unblocked(_ item: Int32, _ simulation: inout Simulation<Event>) {
        let i = Int(item), now = simulation.now
        metrics.flow.unblocked(stage: items[i].stage, hours: now - items[i].blockedSince, at: now)
        recordStatus(item, .queue(items[i].stage), at: now)
        queueForWork(item, &simulation)
    }
}
